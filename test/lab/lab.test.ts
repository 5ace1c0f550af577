// The lab itself: hosts are reachable from the scanning namespace only, filters apply, and
// teardown leaves nothing behind (no namespace, no address in the root namespace).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { createLabWithListeners, labSkipReason } from './lab.js';

const skip = labSkipReason();

// Connects from inside a namespace and prints what happened: "open", or the error code.
const probeScript = `const s=require('net').connect({host:process.argv[1],port:+process.argv[2]});
s.setTimeout(1500,()=>{console.log('TIMEOUT');process.exit(0)});
s.on('connect',()=>{console.log('open');process.exit(0)});s.on('error',e=>{console.log(e.code);process.exit(0)});`;

test('a lab host answers the scanning namespace as its rules say, and teardown removes it all', { skip }, async () => {
  const rootAddresses = execFileSync('ip', ['-br', 'addr'], { encoding: 'utf8' });
  const lab = await createLabWithListeners({
    prefix: 'pbt',
    hosts: [{ name: 'web', tcpPorts: [80], iptables: [['-A', 'INPUT', '-p', 'tcp', '--dport', '81', '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable']] }],
  });
  try {
    const web = lab.host('web');
    const probe = (port: number): string => lab.exec(lab.scanner, process.execPath, ['-e', probeScript, web.address, String(port)]).trim();
    assert.equal(probe(80), 'open');
    assert.equal(probe(82), 'ECONNREFUSED');
    assert.equal(probe(81), 'EHOSTUNREACH');
    assert.equal(execFileSync('ip', ['-br', 'addr'], { encoding: 'utf8' }), rootAddresses, 'the root namespace is untouched');
  } finally {
    lab.destroy();
  }
  assert.equal(existsSync(`/var/run/netns/${lab.scanner}`), false);
  assert.equal(existsSync(`/var/run/netns/${lab.host('web').namespace}`), false);
});
