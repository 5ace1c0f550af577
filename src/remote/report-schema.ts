// zod schemas of the scanner's vocabulary as it crosses the queue: states, reasons, host status,
// what detection found, and a host's port sheets (store/types.ts). Whatever an agent sends back
// is checked against these before the bot renders or stores any of it; limits keep a forged
// result from costing the bot more memory than a real one could.
import { z } from 'zod';
import type { TransportReport } from '../scan/report-transport.js';
import type { PortSheet, StoredHost, StoredPort } from '../store/types.js';
import type { DetectedService, Finding, HostStatus, ScanAddress, StateSummary } from '../scanner/types.js';

const MAX_PORT = 65535;
const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(MAX_PORT * 2);

export const portStateSchema = z.enum(['open', 'closed', 'filtered', 'open|filtered']);
export const portReasonSchema = z.enum(['syn-ack', 'conn-refused', 'no-response', 'host-unreach', 'net-unreach', 'admin-prohibited', 'port-unreach', 'udp-response']);
const port = z.number().int().min(1).max(MAX_PORT);
const rtt = z.number().min(0).max(3_600_000).nullable();

const findingSchema: z.ZodType<Finding> = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('cert-expired'), notAfter: text(64), daysAgo: z.number().int() }),
  z.strictObject({ code: z.literal('cert-expires-soon'), notAfter: text(64), daysLeft: z.number().int() }),
  z.strictObject({ code: z.literal('cert-self-signed'), subject: text(1024) }),
  z.strictObject({ code: z.literal('cert-name-mismatch'), name: text(260) }),
  z.strictObject({ code: z.literal('tls-old-version'), version: text(32) }),
  z.strictObject({ code: z.literal('cleartext-login'), service: text(64) }),
  z.strictObject({ code: z.literal('no-auth'), service: text(64), product: text(256).exactOptional() }),
  z.strictObject({ code: z.literal('ssh-old-protocol'), protocolVersion: text(32) }),
  z.strictObject({ code: z.literal('unexpected-service'), registered: text(64), found: text(64) }),
]);

const detectedSchema: z.ZodType<DetectedService> = z.strictObject({
  name: text(64),
  product: text(256).exactOptional(),
  version: text(256).exactOptional(),
  info: text(1024).exactOptional(),
  tls: z
    .strictObject({
      version: text(32),
      subject: text(1024),
      san: z.array(text(1024)).max(256).exactOptional(),
      issuer: text(1024),
      notAfter: text(64),
      selfSigned: z.boolean(),
    })
    .exactOptional(),
  findings: z.array(findingSchema).max(32),
});

const storedPortSchema: z.ZodType<StoredPort> = z.strictObject({
  port,
  state: portStateSchema,
  reason: portReasonSchema,
  service: text(64).nullable(),
  rttMs: rtt,
  detected: detectedSchema.exactOptional(),
});

const sheetSchema: z.ZodType<PortSheet> = z.strictObject({
  ranges: z.array(z.tuple([port, port]).refine(([first, last]) => first <= last, 'a range runs backwards')).max(MAX_PORT),
  folded: z.strictObject({ state: portStateSchema, reason: portReasonSchema, count }).nullable(),
  listed: z.array(storedPortSchema).max(MAX_PORT),
});

const summarySchema: z.ZodType<StateSummary> = z.partialRecord(portStateSchema, count);

const hostStatusSchema: z.ZodType<HostStatus> = z.strictObject({
  state: z.enum(['up', 'down']),
  reason: z.enum(['syn-ack', 'conn-refused', 'echo-reply', 'no-response']),
  latencyMs: rtt,
});

export const scanAddressSchema: z.ZodType<ScanAddress> = z.strictObject({
  target: text(260),
  address: z.union([z.ipv4(), z.ipv6()]),
  family: z.union([z.literal(4), z.literal(6)]),
});

export const storedHostSchema: z.ZodType<StoredHost> = z.strictObject({
  target: text(260),
  address: z.union([z.ipv4(), z.ipv6()]),
  summary: summarySchema,
  status: hostStatusSchema.nullable(),
  sheets: z.strictObject({ tcp: sheetSchema.exactOptional(), udp: sheetSchema.exactOptional() }),
});

/** A transport report (scan/report-transport.ts) as an agent sends it back, checked before use. */
export const transportReportSchema: z.ZodType<TransportReport> = z.strictObject({
  hosts: z.array(storedHostSchema).max(65_536),
  durationMs: z.number().int().min(0),
  cancelled: z.boolean(),
  otherAddresses: z.array(scanAddressSchema).max(65_536).exactOptional(),
  targetWarnings: z.array(z.string().max(1000)).max(256).exactOptional(),
});
