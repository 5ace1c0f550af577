// Whether a stored host answered in a scan: the scan's host status when it says up, else any port
// whose reason only the host itself can give (a handshake, a reset, its own port-unreachable, a
// UDP reply). A host that answered before and now gives none of these has stopped answering,
// whether a router says it is unreachable or nothing comes back at all.
import type { PortReason } from '../scanner/types.js';
import type { StoredHost } from '../store/types.js';

const FROM_THE_HOST: ReadonlySet<PortReason> = new Set(['syn-ack', 'conn-refused', 'port-unreach', 'udp-response']);
const HOST_GONE: readonly PortReason[] = ['host-unreach', 'net-unreach'];

export type HostAnswer = { readonly answering: true; readonly reason: string } | { readonly answering: false; readonly reason: string };

export function hostAnswer(host: StoredHost): HostAnswer {
  if (host.status?.state === 'up') return { answering: true, reason: host.status.reason };
  const reasons = new Set<PortReason>();
  for (const sheet of Object.values(host.sheets)) {
    if (sheet.folded !== null) reasons.add(sheet.folded.reason);
    for (const port of sheet.listed) reasons.add(port.reason);
  }
  const proof = [...reasons].find((reason) => FROM_THE_HOST.has(reason));
  if (proof !== undefined) return { answering: true, reason: proof };
  return { answering: false, reason: host.status?.reason ?? HOST_GONE.find((reason) => reasons.has(reason)) ?? 'no-response' };
}
