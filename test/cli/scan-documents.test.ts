// `portbot scan --xml|--csv` end to end: the real CLI process scans real loopback sockets, and
// the programs people feed such files to read them: xmllint with nmap.dtd, python3-libnmap
// (compared with nmap's own XML of the same ports, when nmap is installed), Python's csv module.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { after, before, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../commands/loopback.js';
import { nmapSkipReason } from '../lab/nmap.js';
import { csvReaderSkipReason, documentFile, readWithLibnmap, readWithPythonCsv, xmllintValidate, xmlReadersSkipReason, type ReadScan } from '../report/document-readers.js';
import { lines, runCli, startCli } from './run-cli.js';

const skip = xmlReadersSkipReason();
const compareSkip = skip ?? nmapSkipReason();

let listener: Listener;
let closed: number;
let v6: Server;
let v6Port: number;
let udp: Socket;
let udpPort: number;
before(async () => {
  listener = await openPort();
  closed = await closedPort();
  v6 = createServer((socket) => socket.on('error', () => undefined).destroy());
  await new Promise<void>((resolve, reject) => v6.once('error', reject).listen(0, '::1', resolve));
  v6Port = (v6.address() as { port: number }).port;
  udp = createSocket('udp4');
  udp.on('message', (message, remote) => udp.send(message, remote.port, remote.address));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  udpPort = udp.address().port;
});
after(async () => {
  await listener.close();
  await new Promise((resolve) => v6.close(resolve));
  udp.close();
});

/** Runs `portbot scan ... --xml`, checks it against nmap.dtd, and returns what libnmap reads. */
async function portbotXml(args: readonly string[]): Promise<ReadScan> {
  const run = await runCli(['scan', ...args, '--xml']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  const file = documentFile(run.stdout, 'xml');
  const valid = xmllintValidate(file);
  assert.equal(valid.code, 0, valid.stderr);
  return readWithLibnmap(file);
}

const nmapXml = (args: readonly string[]): ReadScan => readWithLibnmap(documentFile(execFileSync('nmap', [...args, '-Pn', '-n', '-oX', '-'], { encoding: 'utf8' }), 'xml'));

/** What both scanners must agree on: each listed port's state and reason, and the folded groups. */
const portStates = (scan: ReadScan): unknown =>
  scan.hosts.map((host) => ({
    address: host.address,
    status: host.status,
    ports: host.ports.map((item) => [item.protocol, item.port, item.state, item.reason]),
    extraports: host.extraports,
  }));

test('--xml of a loopback scan: valid against nmap.dtd, and libnmap reads the states nmap reads', { skip: compareSkip }, async () => {
  const ports = `${listener.port},${closed},40000-40030`;
  const ours = await portbotXml(['127.0.0.1', ports]);
  assert.equal(ours.scanner, 'portbot');
  assert.match(ours.commandline, new RegExp(`^portbot scan 127\\.0\\.0\\.1 ${ports} --xml$`));
  assert.deepEqual(portStates(ours), portStates(nmapXml(['-sT', '-p', ports, '127.0.0.1'])));
  assert.ok(ours.hosts[0]?.ports.some((item) => item.port === listener.port && item.state === 'open'));
});

test('--xml of an IPv6 target: addrtype ipv6, the same states as nmap -6', { skip: compareSkip }, async () => {
  const ports = `${v6Port},${closed}`;
  const ours = await portbotXml(['::1', ports]);
  assert.equal(ours.hosts[0]?.ipv6, '::1');
  assert.deepEqual(portStates(ours), portStates(nmapXml(['-6', '-sT', '-p', ports, '::1'])));
});

// nmap sends an empty datagram to ports it has no payload for, which this echo socket does not
// answer; the comparison with nmap -sU runs in the lab test on ports with nmap payloads (53, 161).
test('--xml --udp: an answering UDP port is open (udp-response), a silent closed one closed (port-unreach)', { skip }, async () => {
  const ours = await portbotXml(['127.0.0.1', `${udpPort},${closed}`, '--udp']);
  assert.deepEqual(ours.scaninfo.map((info) => [info['type'], info['protocol']]), [['udp', 'udp']]);
  const states = new Map(ours.hosts[0]?.ports.map((item) => [item.port, [item.protocol, item.state, item.reason]]));
  assert.deepEqual(states.get(udpPort), ['udp', 'open', 'udp-response']);
  assert.deepEqual(states.get(closed), ['udp', 'closed', 'port-unreach']);
  assert.equal(ours.hosts[0]?.status, 'up');
});

test('--xml of several hosts: one <host> each, runstats counting them, as nmap does', { skip: compareSkip }, async () => {
  const ports = `${listener.port},40000-40030`;
  const ours = await portbotXml(['127.0.0.1,127.0.0.2', ports]);
  assert.deepEqual([ours.hostsUp, ours.hostsDown, ours.hostsTotal], [2, 0, 2]);
  assert.deepEqual(portStates(ours), portStates(nmapXml(['-sT', '-p', ports, '127.0.0.1', '127.0.0.2'])));
});

test('--csv: a header and one row per port, the same ports and states as --json', { skip: csvReaderSkipReason() }, async () => {
  const ports = `${listener.port},${closed},40000-40030`;
  const csv = await runCli(['scan', 'localhost', ports, '--csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const [header, ...rows] = readWithPythonCsv(documentFile(csv.stdout, 'csv'));
  assert.deepEqual(header, ['address', 'target', 'port', 'protocol', 'state', 'reason', 'service', 'detected']);
  const json = JSON.parse((await runCli(['scan', 'localhost', ports, '--json'])).stdout) as { hosts: { target: string; address: string; ports: { port: number; protocol: string; state: string; reason: string; service: string | null }[] }[] };
  const expected = json.hosts.flatMap((host) => host.ports.map((item) => [host.address, host.target, String(item.port), item.protocol, item.state, item.reason, item.service ?? '', '']));
  assert.deepEqual(rows, expected);
});

test('two output formats at once: exit 2 and one line naming both', async () => {
  const run = await runCli(['scan', '127.0.0.1', '22', '--json', '--xml']);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.equal(lines(run.stderr).length, 1);
  assert.match(run.stderr, /--json and --xml cannot be combined/);
  const port = await runCli(['port', '22', '--csv']);
  assert.equal(port.code, 2);
  assert.equal(lines(port.stderr).length, 1);
});

for (const format of ['xml', 'csv'] as const) {
  test(`SIGINT during a full-range --${format} scan: the partial document is still whole and readable, exit 1`, { skip: format === 'xml' ? skip : csvReaderSkipReason() }, async () => {
    const cli = startCli(['scan', '127.0.0.1', '1-65535', `--${format}`], { PORTBOT_LOG_LEVEL: 'debug' });
    await cli.waitForStderr('scan started');
    cli.child.kill('SIGINT');
    const run = await cli.done;
    assert.equal(run.code, 1);
    assert.match(run.stderr, /scan cancelled by SIGINT/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    const file = documentFile(run.stdout, format);
    if (format === 'csv') {
      const [header, ...rows] = readWithPythonCsv(file);
      assert.equal(header?.[0], 'address');
      assert.ok(rows.length < 65535, 'only the finished ports');
      return;
    }
    assert.equal(xmllintValidate(file).code, 0);
    const read = readWithLibnmap(file);
    assert.deepEqual([read.finished['exit'], read.finished['errormsg']], ['error', 'scan cancelled by SIGINT']);
    assert.deepEqual(read.scaninfo[0], { type: 'connect', protocol: 'tcp', numservices: '65535', services: '1-65535' }, 'scaninfo names what was asked for');
  });
}

test('a --csv reader that stops early gets one line naming the CSV document and exit 1, not a crash', async () => {
  // 20,000 rows are about 1 MB, far more than a pipe holds, so the writer meets the closed end.
  const cli = startCli(['scan', '127.0.0.1', '40001-60000', '--csv']);
  cli.child.stdout?.once('data', () => cli.child.stdout?.destroy());
  const run = await cli.done;
  assert.equal(run.code, 1);
  assert.deepEqual(lines(run.stderr), ['portbot: standard output was closed before the whole CSV document was written']);
});
