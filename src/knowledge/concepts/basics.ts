import type { Concept } from './entry.js';

// The vocabulary a newcomer needs before a scan result makes sense.
export const basicConcepts: readonly Concept[] = [
  {
    id: 'port', title: 'What is a port?',
    aliases: ['ports', 'port number', 'port numbers', 'network port', 'what is a port', 'what are ports'],
    text: 'An IP address gets data to the right computer; a port number gets it to the right program on that computer, like a flat number in a building. A program that offers a service (a web server, SSH) "listens" on a port, and clients connect to that address and port.\n\n'
      + 'Port numbers are 16-bit: 0 to 65535. Port 0 is reserved and never used on the wire, so there are 65,535 usable ports, and TCP and UDP each have their own set: TCP 53 and UDP 53 are two different ports.',
    seeAlso: ['well-known ports', 'tcp vs udp'],
  },
  {
    id: 'tcp', title: 'TCP (Transmission Control Protocol)',
    aliases: ['transmission control protocol'],
    text: 'TCP gives two programs a reliable, ordered stream of bytes. Before any data flows, the two sides set up a connection with a three-way handshake: SYN, SYN-ACK, ACK. Lost data is sent again and arrives in order.\n\n'
      + 'Web (HTTP, HTTPS), e-mail, SSH, databases and file sharing use TCP. Because a TCP service must answer the handshake, a scanner can tell clearly whether a TCP port is open or closed.',
    seeAlso: ['udp', 'tcp vs udp', 'handshake'],
  },
  {
    id: 'udp', title: 'UDP (User Datagram Protocol)',
    aliases: ['user datagram protocol'],
    text: 'UDP sends single messages (datagrams) with no connection, no handshake and no promise of delivery. It is light and fast, so it suits short questions and live media: DNS lookups, time sync (NTP), DHCP, voice and video calls, games, and HTTP/3 (QUIC).\n\n'
      + 'Because there is no handshake, a UDP service may stay silent when it gets a message it does not understand, which is why scanners often can only say open|filtered for UDP.',
    seeAlso: ['tcp', 'tcp vs udp', 'open|filtered'],
  },
  {
    id: 'tcp-vs-udp', title: 'TCP vs UDP',
    aliases: ['tcp vs udp', 'udp vs tcp', 'tcp or udp', 'udp or tcp', 'tcp and udp', 'udp and tcp', 'tcp versus udp', 'difference between tcp and udp'],
    text: 'TCP sets up a connection first (handshake), then delivers a reliable, ordered stream: used where every byte matters (web, mail, SSH, databases). UDP just sends messages with no connection and no delivery guarantee: used where speed matters more or the application copes with loss itself (DNS, NTP, voice, video, games, QUIC).\n\n'
      + 'They have separate port numbers, and a service uses the transports its standard says: SSH and HTTP use TCP only; DNS uses both (UDP for most lookups, TCP for large answers and zone transfers); HTTPS uses TCP, and HTTP/3 uses UDP 443.',
    seeAlso: ['tcp', 'udp', 'port'],
  },
  {
    id: 'handshake', title: 'The TCP three-way handshake',
    aliases: ['three way handshake', 'tcp handshake', 'syn', 'syn ack', 'synack', 'rst', 'reset'],
    text: 'A TCP connection starts with three packets: the client sends SYN ("let\'s talk"), the server answers SYN-ACK ("yes, ready") and the client confirms with ACK. If nothing listens on the port, the host answers the SYN with RST (reset) instead.\n\n'
      + 'portbot, like nmap -sT, asks the operating system to connect: a completed handshake means open (reason syn-ack), a reset means closed (conn-refused). portbot then drops the connection with a reset, as nmap does.',
    seeAlso: ['open', 'closed', 'tcp'],
  },
  {
    id: 'port-ranges', title: 'Port ranges: well-known, registered, dynamic',
    aliases: ['well known ports', 'well known port', 'registered ports', 'registered port', 'dynamic ports', 'dynamic port', 'ephemeral ports', 'ephemeral port', 'private ports', 'system ports', 'user ports', 'port range', 'port ranges'],
    text: 'IANA, which keeps the official port registry, splits the numbers into three ranges. Well-known (system) ports 0-1023: the classic services (22 SSH, 53 DNS, 80 HTTP, 443 HTTPS); on Unix-like systems a program needs privileges to listen on them. Registered (user) ports 1024-49151: assigned to applications on request (3306 MySQL, 3389 RDP). Dynamic (private, ephemeral) ports 49152-65535: never assigned; operating systems pick temporary client ports from them (Linux by default uses 32768-60999).\n\n'
      + 'A registration only records who asked for a number: any program can listen on any port, so a scan shows where something listens, not for certain what.',
    seeAlso: ['port'],
  },
  {
    id: 'ping', title: 'Ping (ICMP echo)',
    aliases: ['icmp', 'icmp echo', 'echo request', 'ping port', 'ping sweep'],
    text: 'Ping sends an ICMP "echo request" and waits for an "echo reply". ICMP is a helper protocol of IP itself, next to TCP and UDP rather than on top of them, so ping has no port at all. It is not TCP or UDP port 7: that is the separate, old Echo service.\n\n'
      + 'Many hosts and firewalls block ping while still running services, and others answer ping with every port closed, so ping says little about ports. portbot does not rely on it: it probes the ports directly.',
    seeAlso: ['7', 'port scanner'],
  },
];
