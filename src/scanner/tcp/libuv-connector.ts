// The fast engine: libuv's TCP handle, reached through Node's internal `tcp_wrap` binding. It skips
// net.Socket's stream machinery, which is most of the per-port cost: measured on 2 cores, a full
// 65,535-port loopback scan runs about as fast as nmap -sT this way, and 2-3 times slower through
// net.Socket. `process.binding` is deprecated (DEP0111) and this binding is not a public API, so
// it is used only when it has exactly the shape this file relies on (checked once, at load);
// otherwise `libuvConnector` is null and the scanner uses socket-connector.ts. Tests run both.
import { getSystemErrorName } from 'node:util';
import type { ConnectDone, Connector, ConnectorOptions, PendingConnect } from './connector.js';

interface SocketName {
  address?: string;
  port?: number;
}
interface TcpHandle {
  bind(address: string, port: number): number;
  bind6(address: string, port: number, flags: number): number;
  connect(request: ConnectRequest, address: string, port: number): number;
  connect6(request: ConnectRequest, address: string, port: number): number;
  getsockname(out: SocketName): number;
  reset(callback: () => void): number;
  close(callback?: () => void): void;
}
/** Node's connect request object; the extra fields are ours, so one shared callback serves all. */
interface ConnectRequest {
  oncomplete: (status: number, handle: unknown, request: ConnectRequest) => void;
  handle?: TcpHandle;
  id?: number;
  port?: number;
  address?: string;
  done?: ConnectDone;
  settled?: boolean;
}
interface TcpWrapBinding {
  TCP: new (type: number) => TcpHandle;
  TCPConnectWrap: new () => ConnectRequest;
  constants: { SOCKET: number };
}

function loadBinding(): TcpWrapBinding | null {
  try {
    const binding = (process as unknown as { binding(name: string): Partial<TcpWrapBinding> }).binding('tcp_wrap');
    const { TCP, TCPConnectWrap, constants } = binding;
    if (typeof TCP !== 'function' || typeof TCPConnectWrap !== 'function' || typeof constants?.SOCKET !== 'number') return null;
    const methods = ['bind', 'bind6', 'connect', 'connect6', 'getsockname', 'reset', 'close'] as const;
    if (!methods.every((name) => typeof (TCP.prototype as Record<string, unknown>)[name] === 'function')) return null;
    return { TCP, TCPConnectWrap, constants };
  } catch {
    return null;
  }
}

const errorName = (status: number): string => {
  try {
    return getSystemErrorName(status);
  } catch {
    return `UV${status}`;
  }
};

const ignore = (): void => undefined;
/** getsockname() fills an object synchronously; one reused object spares an allocation per port. */
const local: SocketName = {};

function onComplete(status: number, _handle: unknown, request: ConnectRequest): void {
  if (request.settled === true) return;
  request.settled = true;
  const handle = request.handle!;
  if (status !== 0) {
    handle.close();
    request.done!(request.id!, errorName(status), false);
    return;
  }
  handle.getsockname(local);
  const selfConnect = local.port === request.port && local.address === request.address;
  // reset() sets SO_LINGER 0 and closes: the peer gets a RST and no TIME_WAIT is left.
  if (handle.reset(ignore) !== 0) handle.close();
  request.done!(request.id!, null, selfConnect);
}

function createConnector(binding: TcpWrapBinding, options: ConnectorOptions): Connector {
  const { TCP, TCPConnectWrap, constants } = binding;
  return {
    engine: 'libuv',
    connect(address, family, port, id, done): PendingConnect | string {
      const handle = new TCP(constants.SOCKET);
      const localPort = options.localPortFor?.(port);
      if (localPort !== undefined) {
        const bound = family === 4 ? handle.bind(address, localPort) : handle.bind6(address, localPort, 0);
        if (bound !== 0) {
          handle.close();
          return errorName(bound);
        }
      }
      const request = new TCPConnectWrap();
      request.oncomplete = onComplete;
      request.handle = handle;
      request.id = id;
      request.port = port;
      request.address = address;
      request.done = done;
      const status = family === 4 ? handle.connect(request, address, port) : handle.connect6(request, address, port);
      if (status !== 0) {
        handle.close();
        return errorName(status);
      }
      return request;
    },
    abort(pending) {
      const request = pending as ConnectRequest;
      if (request.settled === true) return;
      request.settled = true;
      request.handle!.close();
    },
  };
}

const binding = loadBinding();

/** A libuv engine, or null when this Node does not offer the binding as expected. */
export const createLibuvConnector = (options: ConnectorOptions = {}): Connector | null =>
  binding === null ? null : createConnector(binding, options);

export const libuvConnector: Connector | null = createLibuvConnector();
