// Why a UDP port can stay open|filtered however well it is probed. A UDP service owes no answer
// to a datagram it does not understand, and many never answer anything by design, so silence
// cannot tell "a service is listening" from "a firewall dropped the probe".

/** Services that, by design, do not answer a probe: receivers of logs, flows and metrics, and protocols that need a secret. */
const NEVER_ANSWERS: ReadonlyMap<number, string> = new Map([
  [514, 'syslog only receives log messages and never replies'],
  [162, 'SNMP traps are one-way notifications; the receiver never replies'],
  [2055, 'NetFlow collectors only receive flow records'],
  [6343, 'sFlow collectors only receive samples'],
  [8125, 'StatsD only receives metrics'],
  [4789, 'VXLAN carries tunnelled frames and answers no probe'],
  [1812, 'RADIUS silently drops requests not signed with its shared secret'],
  [1813, 'RADIUS accounting silently drops requests not signed with its shared secret'],
  [51820, 'WireGuard answers only peers that hold a configured key'],
  [1194, 'OpenVPN (with tls-auth) drops packets not signed with its key'],
]);

const GENERAL =
  'no reply came: UDP has no handshake, so a listening service that ignores the probe looks exactly like a firewall that drops it; ' +
  'a closed port would have drawn an ICMP port-unreachable, so the port is either open or filtered';

/** One line explaining an open|filtered UDP result for `port`. */
export function udpSilenceNote(port: number): string {
  const reason = NEVER_ANSWERS.get(port);
  return reason === undefined ? GENERAL : `${reason}, so open|filtered is the best any scan can know`;
}
