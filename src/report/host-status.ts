// Up, down or unknown for nmap XML's <status>, from the scan itself until host discovery records
// a status of its own: any answer from the host proves it is up (nmap -sT reasons the same way),
// a router's "unreachable" says it is down, and silence alone proves nothing either way.
import type { HostReport, PortReason } from '../scanner/types.js';
import { recordedHostStatus, type HostStatus } from './later-fields.js';

/** Reasons only the host itself can give: a connection, a reset, its own port-unreachable, a UDP reply. */
const FROM_THE_HOST: ReadonlySet<PortReason> = new Set(['syn-ack', 'conn-refused', 'port-unreach', 'udp-response']);
/** A router answering for a host it cannot reach. */
const HOST_GONE: ReadonlySet<PortReason> = new Set(['host-unreach', 'net-unreach']);

export function hostStatus(host: HostReport): HostStatus {
  const recorded = recordedHostStatus(host);
  if (recorded !== undefined) return recorded;
  let gone: PortReason | undefined;
  for (const port of host.ports) {
    // The reason of the first answer, like nmap's status reason: "syn-ack", "conn-refused", ...
    if (FROM_THE_HOST.has(port.reason)) return { state: 'up', reason: port.reason };
    if (gone === undefined && HOST_GONE.has(port.reason)) gone = port.reason;
  }
  return gone === undefined ? { state: 'unknown', reason: 'no-response' } : { state: 'down', reason: gone };
}
