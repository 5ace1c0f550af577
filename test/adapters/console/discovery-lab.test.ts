// Is it up? The real console process inside a lab's scanning namespace, facing a /24 where every
// fifth address lives and the rest drop every packet (test/lab/subnet-lab.ts): /ping up, down and
// refused outside the allowlist; a block scan counts its hosts up and down and lists only the live
// ones; `portbot ping` says down and still exits 0.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { labSkipReason } from '../../lab/lab.js';
import { createSubnetLab, type SubnetLab } from '../../lab/subnet-lab.js';
import { runCli } from '../../cli/run-cli.js';

const skip = labSkipReason() ?? false;

describe('the console in a /24 lab', { skip }, () => {
  let subnet: SubnetLab;
  before(async () => {
    subnet = await createSubnetLab('pbq');
  });
  after(() => subnet?.lab.destroy());
  const env = { PORTBOT_ALLOWLIST: '10.232.0.0/24' };
  const chat = (input: string) => runCli(['console'], env, input, subnet.lab.scanner);

  test('/ping: a live host is up with its latency, a silent one seems down, and an address outside the allowlist is refused', async () => {
    const silent = subnet.addresses.find((address) => !subnet.live.has(address))!;
    const run = await chat(`/ping 10.232.0.1\n/ping ${silent}\n/ping 10.231.1.2\n`);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Ping of 10\.232\.0\.1\n {2}10\.232\.0\.1 is up \([\d.]+ ms latency\)\.$/m);
    assert.match(run.stdout, /note: syn-ack: it accepted a TCP connection on one of 80, 443, 22, 445, 3389\./);
    assert.match(run.stdout, new RegExp(`^Ping of ${silent.replace(/\./g, '\\.')}\\n {2}${silent.replace(/\./g, '\\.')} seems down \\(no-response\\)\\.$`, 'm'));
    assert.match(run.stdout, /note: no-response: nothing answered within 1\.5 s/);
    assert.match(run.stdout, /^Ping refused\n {2}.*10\.231\.1\.2.*PORTBOT_ALLOWLIST/m);
  });

  test('a block scan counts hosts up and down and lists only the live ones, each with its status', async () => {
    // 10.232.0.0/28 holds .1 to .14; .1 (answers), .6 (only ICMP), .11 (only refusals) live.
    const run = await chat('/scan 10.232.0.0/28 22\n/ping 10.232.0.0/28\n');
    assert.equal(run.code, 0, run.stderr);
    const [scan = '', ping = ''] = run.stdout.split(/^(?=Ping of )/m);
    assert.match(scan, /^ {2}3 hosts up, 11 down: 1 open, 1 closed, 1 filtered, scanned 3 ports in /m);
    assert.match(scan, /^ {4}10\.232\.0\.1 is up \([\d.]+ ms latency\): 1 open$/m);
    assert.match(scan, /^ {4}10\.232\.0\.6 is up \([\d.]+ ms latency\): 0 open, 1 filtered$/m);
    assert.match(scan, /^ {4}10\.232\.0\.11 is up \([\d.]+ ms latency\): 0 open, 1 closed$/m);
    assert.match(scan, /^ {4}11 hosts seem down \(no-response\) and are not listed\.$/m);
    const rows = scan.split('\n').filter((line) => /^ {2}10\.232\.0\.\d+\s+22\/tcp/.test(line));
    assert.deepEqual(rows.map((line) => line.trim().split(/\s+/)[0]), ['10.232.0.1', '10.232.0.6', '10.232.0.11'], 'no row for a host that seems down');
    assert.match(scan, /note: Hosts that seem down were not port-scanned: .* add "all-hosts"/);
    assert.match(ping, /^ {2}3 hosts up, 11 down, in [\d.]+ s$/m);
  });

  test('`portbot ping` of a silent address says it seems down and exits 0; --json keeps the reason', async () => {
    const silent = subnet.addresses.find((address) => !subnet.live.has(address))!;
    const text = await runCli(['ping', silent], env, undefined, subnet.lab.scanner);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, `${silent} seems down (no-response).\nportbot done: 1 address (0 hosts up) pinged in ${/in ([\d.]+ seconds)/.exec(text.stdout)?.[1] ?? '?'}\n`);
    const json = await runCli(['ping', '10.232.0.6', '--json'], env, undefined, subnet.lab.scanner);
    assert.deepEqual((JSON.parse(json.stdout) as { hosts: { status: { state: string; reason: string } }[] }).hosts.map((host) => [host.status.state, host.status.reason]), [['up', 'echo-reply']]);
  });
});
