// Probes that ask first, each written from its protocol's specification: an HTTP/1.0 GET (RFC
// 1945), Redis PING in the inline form (redis.io protocol spec), PostgreSQL's SSLRequest (protocol
// 3.0, "SSL Session Encryption"), memcached's `version` (protocol.txt), an SMB2 NEGOTIATE
// (MS-SMB2 2.2.3) and an RDP connection request (MS-RDPBCGR 2.2.1.1). None carries a credential;
// none changes anything on the server.
/* eslint-disable no-control-regex -- binary answers (SMB, RDP, PostgreSQL) are matched byte for byte */
import type { BytesProbe, ServiceMatch } from '../probe-types.js';

/** "Server: Apache/2.4.57 (Debian)" -> product Apache, version 2.4.57, info "(Debian)". */
const SERVER_HEADER = /\r\nServer:[ \t]*([^/\r\n]+?)(?:\/([^\s\r\n]+))?(?:[ \t]+([^\r\n]*))?\r\n/i;
const STATUS = /^HTTP\/\d\.\d (\d{3}[^\r\n]*)/;
const TITLE = /<title[^>]*>([^<]*)</i;

const httpMatches: readonly ServiceMatch[] = [
  // Elasticsearch answers GET / with its cluster details to anyone when security is off.
  {
    service: 'http',
    pattern: /^HTTP\/1\.[01] 200[\s\S]*"tagline" ?: ?"You Know, for Search"/,
    product: 'Elasticsearch',
    version: { from: /"number" ?: ?"([\w.-]+)"/, value: '$1' },
    info: [{ from: STATUS, value: '$1' }],
    facts: { auth: 'none' },
  },
  // The Docker Engine API names itself in Server; answering at all means no TLS client certificate was asked for.
  {
    service: 'http',
    pattern: /^HTTP\/1\.[01] \d{3}[\s\S]*\r\nServer: Docker\/([\w.+-]+)/i,
    product: 'Docker Engine API',
    version: '$1',
    info: [{ from: STATUS, value: '$1' }],
    facts: { auth: 'none' },
  },
  // nginx's answer to plain HTTP on a TLS port is not a plain HTTP service: let the TLS probe look.
  {
    service: 'http',
    pattern: /^HTTP\/\d\.\d \d{3}(?![\s\S]*(?:plain HTTP request was sent to HTTPS port|speaking plain HTTP to an SSL-enabled server))/,
    product: { from: SERVER_HEADER, value: '$1' },
    version: { from: SERVER_HEADER, value: '$2' },
    info: [{ from: STATUS, value: '$1' }, { from: SERVER_HEADER, value: '$3' }, { from: TITLE, value: 'title: $1' }],
  },
];

export const httpGet: BytesProbe = {
  id: 'http-get',
  kind: 'bytes',
  payload: 'GET / HTTP/1.0\r\n\r\n',
  ports: [80, 81, 591, 2375, 3000, 5000, 5601, 5984, 8000, 8008, 8080, 8081, 8088, 8888, 9000, 9090, 9200],
  fallback: true,
  readToEnd: true,
  matches: httpMatches,
};

export const redisPing: BytesProbe = {
  id: 'redis-ping',
  kind: 'bytes',
  payload: 'PING\r\n',
  ports: [6379],
  fallback: true,
  matches: [
    {
      service: 'redis',
      pattern: /^\+PONG\r\n/,
      product: 'Redis',
      facts: { auth: 'none' },
      // INFO is what nmap's own Redis probe asks; answered here only because PING needed no password.
      followUp: {
        payload: 'INFO server\r\n',
        until: /\r\nredis_version:[^\r\n]*\r\n/,
        version: { from: /\r\nredis_version:([\w.]+)/, value: '$1' },
        info: [{ from: /\r\nredis_mode:(\w+)/, value: '$1 mode' }],
      },
    },
    { service: 'redis', pattern: /^-NOAUTH\b/, product: 'Redis', info: ['authentication required'], facts: { auth: 'required' } },
    { service: 'redis', pattern: /^-DENIED Redis is running in protected mode/, product: 'Redis', info: ['protected mode'], facts: { auth: 'required' } },
    { service: 'redis', pattern: /^-ERR operation not permitted/, product: 'Redis', info: ['authentication required'], facts: { auth: 'required' } },
  ],
};

/** Length 8, then the code 80877103 (1234 in the high 16 bits, 5679 in the low). */
export const postgresSslRequest: BytesProbe = {
  id: 'postgresql-sslrequest',
  kind: 'bytes',
  payload: '\x00\x00\x00\x08\x04\xd2\x16\x2f',
  ports: [5432, 5433],
  fallback: true,
  matches: [
    { service: 'postgresql', pattern: /^S$/, product: 'PostgreSQL', upgradeToTls: true },
    { service: 'postgresql', pattern: /^N$/, product: 'PostgreSQL', info: ['no TLS offered'] },
    // Servers from before protocol 3.0 answer the unknown request with an error.
    { service: 'postgresql', pattern: /^E[\s\S]{0,8}(?:FATAL|ERROR)[\s\S]*protocol/, product: 'PostgreSQL' },
  ],
};

export const memcachedVersion: BytesProbe = {
  id: 'memcached-version',
  kind: 'bytes',
  payload: 'version\r\n',
  ports: [11211],
  fallback: true,
  matches: [{ service: 'memcached', pattern: /^VERSION (\d[\w.-]*)\r\n/, product: 'Memcached', version: '$1', facts: { auth: 'none' } }],
};

const SMB2_HEADER =
  '\xfeSMB\x40\x00' + // protocol id, structure size 64
  '\x00\x00' + '\x00\x00\x00\x00' + // credit charge, status
  '\x00\x00' + '\x01\x00' + // command NEGOTIATE, credits requested
  '\x00'.repeat(4 + 4 + 8 + 4 + 4 + 8 + 16); // flags, next command, message id, process id, tree id, session id, signature
const SMB2_NEGOTIATE =
  '\x24\x00\x04\x00' + // structure size 36, four dialects
  '\x01\x00\x00\x00' + // security mode: signing enabled; reserved
  '\x00'.repeat(4 + 16 + 8) + // capabilities, client GUID, client start time
  '\x02\x02\x10\x02\x00\x03\x02\x03'; // dialects 2.0.2, 2.1, 3.0, 3.0.2

/** The dialect the server picked: 2 bytes at offset 4 (NetBIOS) + 64 (header) + 4 of the response. */
const smbDialect = (bytes: string, dialect: string): ServiceMatch => ({
  service: 'microsoft-ds',
  pattern: new RegExp(`^\\x00[\\s\\S]{3}\\xfeSMB[\\s\\S]{60}\\x41\\x00[\\s\\S]{2}${bytes}`),
  product: 'SMB',
  version: dialect,
});

export const smbNegotiate: BytesProbe = {
  id: 'smb2-negotiate',
  kind: 'bytes',
  // NetBIOS session message header: type 0, 24-bit length of the SMB2 message (108 bytes).
  payload: `\x00\x00\x00\x6c${SMB2_HEADER}${SMB2_NEGOTIATE}`,
  ports: [445],
  fallback: false,
  matches: [
    smbDialect('\\x02\\x02', '2.0.2'),
    smbDialect('\\x10\\x02', '2.1'),
    smbDialect('\\x00\\x03', '3.0'),
    smbDialect('\\x02\\x03', '3.0.2'),
    { service: 'microsoft-ds', pattern: /^\x00[\s\S]{3}\xfeSMB/, product: 'SMB' },
    { service: 'microsoft-ds', pattern: /^\x00[\s\S]{3}\xffSMB/, product: 'SMB', version: '1' },
  ],
};

/** TPKT + X.224 connection request + RDP negotiation request asking for TLS or CredSSP. */
export const rdpConnectionRequest: BytesProbe = {
  id: 'rdp-x224',
  kind: 'bytes',
  payload: '\x03\x00\x00\x13\x0e\xe0\x00\x00\x00\x00\x00\x01\x00\x08\x00\x03\x00\x00\x00',
  ports: [3389],
  fallback: false,
  // X.224 connection confirm (0xd0).
  matches: [{ service: 'ms-wbt-server', pattern: /^\x03\x00[\s\S]{2}[\s\S]\xd0/, product: 'Remote Desktop Protocol' }],
};
