// portbot's --xml next to nmap's -oX for the same ports, in a lab namespace of our own whose
// loopback has iptables rules (DROP, REJECT with ICMP, listeners on 22/80/443 and UDP 53/161):
// ndiff, the tool made to compare nmap runs, must find no port differences, and python3-libnmap
// must read the same state and reason for every port from both files. Ports are chosen where
// portbot's service names (curated + IANA) equal nmap-services', because ndiff compares names too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { ENTRY } from '../cli/run-cli.js';
import { documentFile, ndiff, readWithLibnmap, xmllintValidate, xmlReadersSkipReason, type ReadScan } from '../report/document-readers.js';
import { createLab, labSkipReason, startListeners, type Lab } from './lab.js';
import { nmapSkipReason } from './nmap.js';

const skip = labSkipReason() ?? nmapSkipReason() ?? xmlReadersSkipReason();
const PORTS = 'T:1-100,443,U:1-20,53,69,161';

let lab: Lab;
before(async () => {
  if (skip !== undefined) return;
  lab = createLab({ prefix: 'pbx', hosts: [] });
  const rules = [
    ['-A', 'INPUT', '-i', 'lo', '-p', 'tcp', '--dport', '82', '-j', 'DROP'],
    ['-A', 'INPUT', '-i', 'lo', '-p', 'tcp', '--dport', '83', '-j', 'REJECT', '--reject-with', 'icmp-admin-prohibited'],
    ['-A', 'INPUT', '-i', 'lo', '-p', 'tcp', '--dport', '84', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable'],
    ['-A', 'INPUT', '-i', 'lo', '-p', 'udp', '--dport', '69', '-j', 'DROP'],
  ];
  for (const rule of rules) lab.exec(lab.scanner, 'iptables', rule);
  // Every closed UDP probe of both scanners gets its port-unreachable.
  lab.exec(lab.scanner, 'sysctl', ['-qw', 'net.ipv4.icmp_ratelimit=0']);
  await startListeners(lab, { name: 'scanner', namespace: lab.scanner, address: '127.0.0.1' }, { tcpPorts: [22, 80, 443], udpPorts: [53, 161] });
});
after(() => lab?.destroy());

function inLab(argv: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('ip', ['netns', 'exec', lab.scanner, ...argv], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function bothScans(targets: readonly string[]): Promise<{ ours: string; theirs: string }> {
  const portbot = await inLab([process.execPath, ENTRY.pathname, 'scan', targets.join(','), PORTS, '--xml']);
  assert.equal(portbot.code, 0, portbot.stderr);
  const nmap = await inLab(['nmap', '-sT', '-sU', '-Pn', '-n', '--reason', '-p', PORTS, '-oX', '-', ...targets]);
  assert.equal(nmap.code, 0, nmap.stderr);
  return { ours: documentFile(portbot.stdout, 'xml'), theirs: documentFile(nmap.stdout, 'xml') };
}

const states = (scan: ReadScan): unknown =>
  scan.hosts.map((host) => ({
    address: host.address,
    status: host.status,
    hostnames: host.hostnames,
    ports: host.ports.map((item) => [item.protocol, item.port, item.state, item.reason, item.service]),
    extraports: host.extraports,
  }));

for (const targets of [['127.0.0.1'], ['127.0.0.1', '127.0.0.2']]) {
  test(`ndiff and libnmap find no port differences between nmap and portbot: ${targets.join(' and ')}`, { skip }, async () => {
    const { ours, theirs } = await bothScans(targets);
    const valid = xmllintValidate(ours);
    assert.equal(valid.code, 0, valid.stderr);
    // ndiff prints the two scanners' banner lines (they always differ) and nothing else: no host
    // line, no "Not shown" line, no port table. Exit 0 means it counted no difference.
    const diff = ndiff(theirs, ours);
    assert.equal(diff.code, 0, `ndiff found differences:\n${diff.stdout}${diff.stderr}`);
    const banners = diff.stdout.split('\n').filter(Boolean);
    assert.equal(banners.length, 2, diff.stdout);
    assert.match(banners[0]!, /^-Nmap [\d.]+ scan initiated .* as: nmap -sT -sU/);
    assert.match(banners[1]!, /^\+portbot [\d.]+ scan initiated .* as: portbot scan /);
    const [nmapRead, portbotRead] = [readWithLibnmap(theirs), readWithLibnmap(ours)];
    assert.deepEqual(states(portbotRead), states(nmapRead));
    assert.deepEqual(portbotRead.scaninfo, nmapRead.scaninfo, 'the same scan types and port lists');
    assert.deepEqual([portbotRead.hostsUp, portbotRead.hostsTotal], [nmapRead.hostsUp, nmapRead.hostsTotal]);
    // The lab's rules show up as the states they stand for, so the comparison covered them.
    const listed = portbotRead.hosts[0]!.ports.map((item) => `${item.port}/${item.protocol} ${item.state} ${item.reason}`);
    for (const expected of ['22/tcp open syn-ack', '82/tcp filtered no-response', '84/tcp filtered host-unreach', '53/udp open udp-response', '69/udp open|filtered no-response']) {
      assert.ok(listed.includes(expected), `${expected} in ${listed.join(', ')}`);
    }
  });
}
