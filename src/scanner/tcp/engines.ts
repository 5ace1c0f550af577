// Which connector an engine name means. Kept apart from index.ts so a scanner worker thread can
// build its own connector without loading what the main thread's prober needs (service names).
import { PortbotError } from '../../errors.js';
import type { Connector, ConnectorOptions, TcpEngine } from './connector.js';
import { createLibuvConnector, libuvConnector } from './libuv-connector.js';
import { createSocketConnector } from './socket-connector.js';

/** Which engine 'auto' picks on this Node. */
export const preferredTcpEngine: TcpEngine = libuvConnector === null ? 'socket' : 'libuv';

export function connectorFor(engine: TcpEngine | 'auto', options: ConnectorOptions): Connector {
  if (engine === 'socket') return createSocketConnector(options);
  const libuv = createLibuvConnector(options);
  if (libuv !== null) return libuv;
  if (engine === 'auto') return createSocketConnector(options);
  throw new PortbotError('tcp-engine-unavailable', 'the libuv TCP engine is not available on this Node version');
}
