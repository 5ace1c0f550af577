// DNS and mDNS queries, built as RFC 1035 §4.1 lays them out. Any DNS server answers a
// well-formed query (even with REFUSED), and any answer proves the port open.

/** RFC 1035 §3.1: a name is a sequence of length-prefixed labels ending in the empty root label. */
export function encodeName(name: string): Buffer {
  const labels = name.split('.').filter((label) => label.length > 0);
  const parts = labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  /** Class, with bit 15 as mDNS's unicast-response ("QU") bit when set. */
  readonly qclass: number;
}

export const DNS_TYPE = { NS: 2, PTR: 12, TXT: 16 } as const;
export const DNS_CLASS = { IN: 1, CH: 3 } as const;

/** A query with one question: 12-byte header (ID, flags, QDCOUNT=1, other counts 0) + question. */
export function dnsQuery(id: number, question: DnsQuestion, recursionDesired = false): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  // Flags: QR=0 (query), OPCODE=0 (standard), RD as asked; everything else zero.
  header.writeUInt16BE(recursionDesired ? 0x0100 : 0, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(question.type, 0);
  tail.writeUInt16BE(question.qclass, 2);
  return Buffer.concat([header, encodeName(question.name), tail]);
}

/** Port 53: "version.bind" TXT in class CHAOS, which BIND, Unbound and others answer (or refuse). */
export const dnsProbe = (): Buffer => dnsQuery(0x7062, { name: 'version.bind', type: DNS_TYPE.TXT, qclass: DNS_CLASS.CH });

/**
 * Port 5353: the DNS-SD service enumeration query of RFC 6763 §9. Sent from a port other than
 * 5353 it is a "legacy unicast" query (RFC 6762 §6.7), which responders answer directly to the
 * sender; the QU bit (RFC 6762 §5.4) asks for a unicast answer as well.
 */
export const mdnsProbe = (): Buffer => dnsQuery(0, { name: '_services._dns-sd._udp.local', type: DNS_TYPE.PTR, qclass: DNS_CLASS.IN | 0x8000 });
