// How much service detection a chat scan does. By itself, only when the result is small
// (PORTBOT_DETECT_MAX_PORTS open ports): a channel answer stays quick and a block full of open
// ports is not probed port by port. Asked for ("services"), up to a hard cap; "no-services", none.
import type { Config } from '../config.js';
import type { DetectionLimit } from '../scanner/types.js';
import type { ScanCommand } from './parse-command.js';

/** The most open ports one chat scan probes, even when asked to: each may take a few seconds. */
export const MAX_DETECTED_PORTS = 256;

export function chatDetectionLimit(services: ScanCommand['services'], config: Pick<Config, 'PORTBOT_DETECT_MAX_PORTS'>): DetectionLimit | undefined {
  if (services === 'off') return undefined;
  if (services === 'on') return { maxPorts: MAX_DETECTED_PORTS, whenMore: 'first' };
  const max = config.PORTBOT_DETECT_MAX_PORTS;
  return max === 0 ? undefined : { maxPorts: max, whenMore: 'skip' };
}
