// A small DNS server for tests: parses a query as RFC 1035 §4.1 lays it out and answers it,
// so the scanner's DNS probe is checked against a real parser, not against itself.
import { createSocket, type Socket } from 'node:dgram';

export interface ParsedQuestion {
  readonly name: string;
  readonly type: number;
  readonly qclass: number;
  /** Offset just past the question. */
  readonly end: number;
}

/** Parses the header's QDCOUNT=1 question; throws on anything malformed. */
export function parseDnsQuestion(message: Buffer): ParsedQuestion {
  if (message.length < 12) throw new Error('shorter than a DNS header');
  if (message.readUInt16BE(4) !== 1) throw new Error('QDCOUNT is not 1');
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = message[offset];
    if (length === undefined) throw new Error('name runs past the end');
    offset++;
    if (length === 0) break;
    if (length > 63) throw new Error('label longer than 63 bytes');
    labels.push(message.toString('ascii', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) throw new Error('question runs past the end');
  return { name: labels.join('.'), type: message.readUInt16BE(offset), qclass: message.readUInt16BE(offset + 2), end: offset + 4 };
}

/** An answer with the question echoed and one TXT record (pointer to the question name). */
export function answerDnsQuery(query: Buffer, text = 'portbot-test'): Buffer | null {
  let question: ParsedQuestion;
  try {
    question = parseDnsQuestion(query);
  } catch {
    return null;
  }
  if ((query.readUInt16BE(2) & 0x8000) !== 0) return null; // a response, not a query
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8400, 2); // QR=1, AA=1, RCODE=0
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(1, 6);
  const rdata = Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'ascii')]);
  const record = Buffer.alloc(12);
  record.writeUInt16BE(0xc00c, 0); // name: pointer to offset 12
  record.writeUInt16BE(16, 2); // TXT
  record.writeUInt16BE(question.qclass & 0x7fff, 4);
  record.writeUInt32BE(0, 6);
  record.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([header, query.subarray(12, question.end), record, rdata]);
}

export function startDnsResponder(port: number, host: string): Promise<Socket> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', (message, remote) => {
    const answer = answerDnsQuery(message);
    if (answer !== null) socket.send(answer, remote.port, remote.address);
  });
  return new Promise((resolve) => socket.bind(port, host, () => resolve(socket)));
}
