import type { Concept } from './entry.js';

// What each word in a scan result means: what the scanner sent and what came back.
export const scanningConcepts: readonly Concept[] = [
  {
    id: 'open', title: 'Open port',
    aliases: ['open port', 'open ports', 'port open'],
    text: 'Open means a program is listening and accepted the probe. For TCP the host completed the handshake: it answered the scanner\'s SYN with SYN-ACK (reason syn-ack). For UDP a reply came back from the service (reason udp-response).\n\n'
      + 'Every open port is a door someone can knock on: it should be there on purpose, patched, and reachable only by those who need it.',
    seeAlso: ['closed', 'filtered', 'handshake'],
  },
  {
    id: 'closed', title: 'Closed port',
    aliases: ['closed port', 'closed ports', 'port closed', 'conn refused', 'connection refused'],
    text: 'Closed means the host is reachable but nothing listens on that port. For TCP it answered with a reset (RST), which the scanner sees as "connection refused" (reason conn-refused). For UDP it answered with an ICMP "port unreachable" message (reason port-unreach).\n\n'
      + 'A closed port is not a risk in itself, but it proves the host is there. A firewall that rejects with an ICMP port-unreachable looks the same to a TCP connect scan, and nmap -sT calls it closed too.',
    seeAlso: ['open', 'filtered'],
  },
  {
    id: 'filtered', title: 'Filtered port',
    aliases: ['filtered port', 'filtered ports', 'port filtered', 'no response', 'firewalled'],
    text: 'Filtered means the scanner cannot tell whether anything listens, because something in between (a firewall, a security group, a router rule) stops the probe. Either nothing came back even after retries (reason no-response: the probe was silently dropped), or an ICMP error did: host unreachable (host-unreach), network unreachable (net-unreach) or communication administratively prohibited (admin-prohibited).\n\n'
      + 'Filtering is what a firewall should do for ports that must not be reachable. Silent drops are also why filtered scans are slow: the scanner has to wait out a timeout.',
    seeAlso: ['open|filtered', 'closed', 'open'],
  },
  {
    id: 'open-filtered', title: 'open|filtered (UDP)',
    aliases: ['open|filtered', 'open filtered', 'open or filtered', 'openfiltered'],
    text: 'open|filtered is a UDP answer meaning "no reply at all, so it is either open or filtered". UDP has no handshake: an open UDP service often ignores a probe that is not a valid request for it, and a firewall that drops the probe is just as silent. From the outside the two are impossible to tell apart.\n\n'
      + 'A closed UDP port usually answers with ICMP "port unreachable", so silence at least rules out closed (unless ICMP is blocked too). A probe in the service\'s own language (a real DNS query to port 53, for example) can turn open|filtered into open when the service answers.',
    seeAlso: ['udp', 'filtered', 'open'],
  },
  {
    id: 'port-scanner', title: 'Port scanner',
    aliases: ['port scan', 'port scanning', 'scanner', 'port scanners', 'nmap', 'scan'],
    text: 'A port scanner knocks on many ports of a host and reports how each one answers: open (a program accepted), closed (the host said nothing is here) or filtered (something blocked the knock). Administrators use it to check that only the intended services are reachable; attackers use it to find a way in.\n\n'
      + 'portbot scans like nmap -sT: a full TCP connect per port, retries for unanswered probes and timeouts that adapt to the measured round-trip time, and for UDP a probe per port. It scans only targets on the operator\'s allowlist: scanning systems without permission can break rules or laws.',
    seeAlso: ['open', 'closed', 'filtered'],
  },
  {
    id: 'reason', title: 'Why a port got its state (the reason column)',
    aliases: ['reason', 'reasons', 'syn ack reason', 'no response reason', 'host unreach', 'net unreach', 'admin prohibited', 'port unreach', 'udp response'],
    text: 'The reason column uses nmap\'s words for the answer that decided a port\'s state. syn-ack: the TCP handshake completed (open). conn-refused: the host reset the connection (closed). port-unreach: ICMP port unreachable to a UDP probe (closed). udp-response: the UDP service replied (open). no-response: nothing came back after retries (filtered, or open|filtered for UDP). host-unreach, net-unreach, admin-prohibited: an ICMP error from a router or firewall (filtered).',
    seeAlso: ['open', 'closed', 'filtered'],
  },
];
