// What an error on a connected UDP socket says about the port, in nmap -sU's words.
//
// Linux hands a connected UDP socket only the "hard" ICMP errors (icmp_err_convert's fatal
// entries): port-unreachable (type 3 code 3) arrives as ECONNREFUSED; host-prohibited and
// admin-prohibited (codes 10 and 13) as EHOSTUNREACH; net-prohibited (9) as ENETUNREACH;
// protocol-unreachable (2) as ENOPROTOOPT. For IPv6, admin-prohibited and policy failures arrive
// as EACCES. Net- and host-unreachable (ICMP codes 0 and 1; ICMPv6 no-route and
// address-unreachable) are "soft" errors the kernel never reports to a UDP socket, so a port
// behind them reads open|filtered/no-response where nmap -sU, reading raw ICMP, says filtered.
import type { PortReason, PortState } from '../types.js';

export type UdpVerdict =
  /** `icmp`: the target sent an ICMP error, which spends one token of its ICMP rate limit. */
  | { readonly kind: 'final'; readonly state: PortState; readonly reason: PortReason; readonly icmp: boolean }
  /** Nothing useful came back: counts as silence. */
  | { readonly kind: 'unanswered' }
  /** The local machine ran out of descriptors, buffers or ports: retry later, count no try. */
  | { readonly kind: 'local-resource' };

const icmp = (state: PortState, reason: PortReason): UdpVerdict => ({ kind: 'final', state, reason, icmp: true });
const local = (state: PortState, reason: PortReason): UdpVerdict => ({ kind: 'final', state, reason, icmp: false });
const resource: UdpVerdict = { kind: 'local-resource' };

const fromTarget: Readonly<Record<string, UdpVerdict>> = {
  ECONNREFUSED: icmp('closed', 'port-unreach'),
  // Codes 10 and 13 cannot be told apart here; nmap names code 10 host-prohibited.
  EHOSTUNREACH: icmp('filtered', 'admin-prohibited'),
  EACCES: icmp('filtered', 'admin-prohibited'),
  ENETUNREACH: icmp('filtered', 'net-unreach'),
  // Codes 7 and 8 (host unknown, isolated) and 2 (protocol unreachable): nmap says filtered.
  EHOSTDOWN: icmp('filtered', 'host-unreach'),
  ENONET: icmp('filtered', 'host-unreach'),
  ENOPROTOOPT: icmp('filtered', 'host-unreach'),
};

// Raised by connect() before anything is sent: this machine has no route, or its own firewall
// (an OUTPUT rule) refused the datagram. Nothing reached the target.
const fromLocalStack: Readonly<Record<string, UdpVerdict>> = {
  EHOSTUNREACH: local('filtered', 'host-unreach'),
  ENETUNREACH: local('filtered', 'net-unreach'),
  EACCES: local('filtered', 'admin-prohibited'),
  EPERM: local('filtered', 'admin-prohibited'),
};

const resources = new Set(['EMFILE', 'ENFILE', 'ENOBUFS', 'ENOMEM', 'EADDRNOTAVAIL', 'EADDRINUSE', 'EAGAIN']);

const unanswered: UdpVerdict = { kind: 'unanswered' };

/** `beforeSend`: the error came from bind/connect, so it describes this machine, not the target. */
export function udpVerdictFor(code: string, beforeSend: boolean): UdpVerdict {
  if (resources.has(code)) return resource;
  if (beforeSend) return fromLocalStack[code] ?? unanswered;
  // A local OUTPUT firewall rule also surfaces on send as EPERM.
  if (code === 'EPERM') return local('filtered', 'admin-prohibited');
  return fromTarget[code] ?? unanswered;
}
