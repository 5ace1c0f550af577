// A report across the queue: a real full-range scan of loopback (with service detection and the
// report's port names, as every executor scans) goes
// through the transport form and JSON and comes back port for port, in a few kilobytes; a mixed
// TCP/UDP result reads back by index; and answers a forged or garbled agent could send are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONTRACT_VERSION, failureFromReason } from '../../src/remote/job-contract.js';
import { outcomeOfAnswer } from '../../src/remote/remote-outcome.js';
import { serviceNames } from '../../src/report/service-names.js';
import { encodeReport } from '../../src/scan/report-transport.js';
import { scan } from '../../src/scanner/scan.js';
import type { HostReport, PortResult, ScanReport } from '../../src/scanner/types.js';
import type { RecordableHost } from '../../src/store/store.js';
import { host as fixtureHost } from '../store/fixtures.js';
import { loopbackListener } from './processes.js';

/** A fixture host (store tests) as the scanner reports one: its ports as an array. */
const host = (spec: Parameters<typeof fixtureHost>[0]): HostReport => {
  const made: RecordableHost = fixtureHost(spec);
  return { ...made, ports: [...made.ports] };
};

let listeners: { port: number; close(): void }[] = [];
let open: number[] = [];

before(async () => {
  // One silent listener, one that greets like an SSH server (detection names it).
  listeners = [await loopbackListener(), await loopbackListener('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n')];
  open = listeners.map((listener) => listener.port).sort((a, b) => a - b);
});
after(() => {
  for (const listener of listeners) listener.close();
});

/** What a reader sees of a port; the RTT only where a sheet keeps it (listed ports). */
const seen = ({ port, protocol, state, reason, service, detected }: PortResult): string => JSON.stringify({ port, protocol, state, reason, service, detected });
const throughJson = (report: ScanReport): ScanReport => {
  const answer = outcomeOfAnswer(JSON.parse(JSON.stringify({ version: CONTRACT_VERSION, kind: 'result', report: encodeReport(report) })));
  assert.equal(answer.kind, 'result');
  return answer.report;
};

test('a full-range scan with detection crosses the queue port for port, in a few kilobytes', async () => {
  const original = await scan([{ target: 'localhost', address: '127.0.0.1', family: 4 }], Array.from({ length: 65535 }, (_, index) => ({ port: index + 1, protocol: 'tcp' as const })), { services: true, serviceNames });
  const size = JSON.stringify(encodeReport(original)).length;
  assert.ok(size < 20_000, `the transport form is ${size} characters`);
  const decoded = throughJson(original);
  const [was, now] = [original.hosts[0]!, decoded.hosts[0]!];
  assert.deepEqual([now.target, now.address, now.status, now.summary], [was.target, was.address, was.status, was.summary]);
  assert.equal(now.ports.length, 65535);
  const before = [...was.ports];
  const after = [...now.ports];
  assert.deepEqual(after.map(seen), before.map(seen));
  for (const port of open) assert.equal(after[port - 1]!.rttMs, before[port - 1]!.rttMs, 'listed ports keep their RTT');
  assert.equal(after[open[1]! - 1]?.detected?.name ?? after[open[0]! - 1]?.detected?.name, 'ssh', 'what detection found survives');
  for (const index of [0, 1, open[0]! - 1, 32_767, 65_534]) assert.equal(seen(now.ports.at(index)!), seen(before[index]!), `at(${index})`);
  assert.equal(now.ports.at(65_535), undefined);
  assert.equal(JSON.parse(JSON.stringify(now.ports)).length, 65535, 'JSON writes the list as every port');
});

test('TCP and UDP with gaps read back in order, by index, with notes about the targets kept', () => {
  const tcp = host({ target: 'web-1', address: '10.0.0.5', ports: [22, 80, 443, ...Array.from({ length: 1001 }, (_, index) => 1000 + index)], open: [22, 443], filtered: [1500] });
  const udp = [53, 161].map((port): PortResult => ({ port, protocol: 'udp', state: 'open|filtered', reason: 'no-response', service: port === 53 ? 'domain' : 'snmp', rttMs: null }));
  const report: ScanReport = {
    hosts: [{ ...tcp, ports: [...tcp.ports, ...udp], summary: { ...tcp.summary, 'open|filtered': 2 } }],
    durationMs: 12,
    cancelled: true,
    otherAddresses: [{ target: 'web-1', address: 'fd00::5', family: 6 }],
    targetWarnings: ['"wеb-1" mixes Latin and Cyrillic letters'],
  };
  const decoded = throughJson(report);
  const ports = [...decoded.hosts[0]!.ports];
  assert.deepEqual(ports.map((port) => `${port.protocol}/${port.port}/${port.state}`), [...report.hosts[0]!.ports].map((port) => `${port.protocol}/${port.port}/${port.state}`));
  ports.forEach((port, index) => assert.deepEqual(decoded.hosts[0]!.ports.at(index), port));
  assert.deepEqual([decoded.cancelled, decoded.otherAddresses, decoded.targetWarnings], [true, report.otherAddresses, report.targetWarnings]);
});

test('answers that do not fit the contract are failures, never rendered', () => {
  const good = { version: CONTRACT_VERSION, kind: 'result', report: encodeReport({ hosts: [host({ target: 'a', address: '10.0.0.1', ports: [22, 23], open: [22] })], durationMs: 5, cancelled: false }) };
  assert.equal(outcomeOfAnswer(good).kind, 'result');
  const sheet = (change: (sheet: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(good)) as { report: { hosts: { sheets: { tcp: Record<string, unknown> } }[] } };
    change(copy.report.hosts[0]!.sheets.tcp);
    return copy;
  };
  const forged: [string, unknown][] = [
    ['nothing', undefined],
    ['another version', { ...good, version: 2 }],
    ['an extra field', { ...good, note: '<!channel>' }],
    ['a range that runs backwards', sheet((tcp) => (tcp['ranges'] = [[23, 22]]))],
    ['a port past 65535', sheet((tcp) => (tcp['ranges'] = [[1, 70_000]]))],
    ['a state nmap does not have', sheet((tcp) => ((tcp['listed'] as { state: string }[])[0]!.state = 'pwned'))],
    ['more listed ports than exist', sheet((tcp) => (tcp['listed'] = Array.from({ length: 65_536 }, () => ({ port: 22, state: 'open', reason: 'syn-ack', service: null, rttMs: null })))) ],
    ['an unknown refusal code', { version: CONTRACT_VERSION, kind: 'refused', problem: { kind: 'refusal', code: 'because', message: 'no' } }],
  ];
  for (const [what, value] of forged) assert.deepEqual([what, outcomeOfAnswer(value).kind, (outcomeOfAnswer(value) as { code?: string }).code], [what, 'failed', 'invalid-answer']);
  const refusal = outcomeOfAnswer({ version: CONTRACT_VERSION, kind: 'refused', problem: { kind: 'refusal', code: 'target-denied', message: 'no', target: '10.0.0.1' } });
  assert.deepEqual(refusal, { kind: 'refused', problem: { kind: 'refusal', code: 'target-denied', message: 'no', target: '10.0.0.1' } });
});

test("a failure's reason reads back as a code and a line", () => {
  assert.deepEqual(failureFromReason('expired: the job waited past its deadline'), { code: 'expired', message: 'the job waited past its deadline' });
  assert.equal(failureFromReason('job stalled more than allowable limit').code, 'agent-lost');
  assert.deepEqual(failureFromReason('Something odd\n    at stack'), { code: 'agent-failed', message: 'Something odd' });
  assert.equal(failureFromReason(undefined).code, 'agent-failed');
});
