// A small authoritative DNS server for one test zone: A, AAAA and CNAME records, answered as
// RFC 1035 lays them out (CNAME chains followed in the answer section, as a recursive resolver
// returns them; NXDOMAIN for names it does not hold). glibc's stub resolver parses these answers,
// so the policy meets DNS through the real getaddrinfo path.
//
// Run as a script inside a network namespace: `node dns-zone.js <zone JSON>` binds 127.0.0.1:53
// (UDP) and prints "ready" once it is listening.
import { createSocket } from 'node:dgram';
import { isIPv4 } from 'node:net';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parseDnsQuestion } from '../scanner/udp/dns-responder.js';

export interface ZoneRecord {
  readonly a?: readonly string[];
  readonly aaaa?: readonly string[];
  readonly cname?: string;
}

export type Zone = Readonly<Record<string, ZoneRecord>>;

const TYPE_A = 1;
const TYPE_CNAME = 5;
const TYPE_AAAA = 28;
const NXDOMAIN = 3;

function encodeName(name: string): Buffer {
  const labels = name.split('.').filter((label) => label.length > 0);
  return Buffer.concat([...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])), Buffer.from([0])]);
}

function record(owner: string, type: number, rdata: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(1, 2); // IN
  fixed.writeUInt32BE(5, 4); // TTL
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([encodeName(owner), fixed, rdata]);
}

const addressBytes = (address: string): Buffer => Buffer.from(ipaddr.parse(address).toByteArray());

/** The response to `query`, or null when it is not a query this server can read. */
export function answerFromZone(zone: Zone, query: Buffer): Buffer | null {
  let question;
  try {
    question = parseDnsQuestion(query);
  } catch {
    return null;
  }
  if ((query.readUInt16BE(2) & 0x8000) !== 0) return null;
  const answers: Buffer[] = [];
  let name = question.name.toLowerCase().replace(/\.$/, '');
  let found = zone[name];
  for (let hops = 0; found?.cname !== undefined && hops < 8; hops += 1) {
    answers.push(record(name, TYPE_CNAME, encodeName(found.cname)));
    name = found.cname;
    found = zone[name];
  }
  if (found !== undefined && question.type === TYPE_A) for (const address of found.a ?? []) if (isIPv4(address)) answers.push(record(name, TYPE_A, addressBytes(address)));
  if (found !== undefined && question.type === TYPE_AAAA) for (const address of found.aaaa ?? []) answers.push(record(name, TYPE_AAAA, addressBytes(address)));
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, AA and RA set; RD copied from the query; NXDOMAIN when the (last) name is not in the zone.
  header.writeUInt16BE(0x8000 | 0x0400 | 0x0080 | (query.readUInt16BE(2) & 0x0100) | (found === undefined ? NXDOMAIN : 0), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, question.end), ...answers]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const zone = JSON.parse(process.argv[2] ?? '{}') as Zone;
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    const answer = answerFromZone(zone, message);
    if (answer !== null) socket.send(answer, remote.port, remote.address);
  });
  socket.bind(53, '127.0.0.1', () => process.stdout.write('ready\n'));
}
