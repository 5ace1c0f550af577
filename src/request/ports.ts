import type { InputProblem } from '../errors.js';
import type { Result } from '../result.js';
import type { PortProbe, Protocol } from '../scanner/types.js';

/**
 * Parses a port list: "22", "22,80,443", "1-1024", "all", "ssh,https", "common", "top100",
 * "U:53", "T:22,U:53". `defaultProtocol` applies to items without a T:/U: prefix.
 * Duplicates merge; the result is sorted (tcp before udp, then by port). STUB.
 */
export function parsePortSpec(_text: string, _defaultProtocol: Protocol = 'tcp'): Result<readonly PortProbe[], InputProblem> {
  throw new Error('parsePortSpec: not implemented yet');
}
