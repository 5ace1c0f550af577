// The answer to /ping: nmap's status line, the reason explained, a block's hosts counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pingDocument, pingReply, type PingedHost } from '../../src/report/ping-reply.js';

const options = { command: '/ping web-1', visibility: 'channel' } as const;
const upHost = (target: string, address: string, reason: 'syn-ack' | 'conn-refused' | 'echo-reply' = 'syn-ack'): PingedHost => ({ target, address, status: { state: 'up', reason, latencyMs: 0.31 } });
const downHost = (address: string): PingedHost => ({ target: address, address, status: { state: 'down', reason: 'no-response', latencyMs: null } });

test('one host: up with its latency and what proved it, and a button to scan its ports', () => {
  const reply = pingReply({ hosts: [upHost('web-1', '10.0.0.5', 'conn-refused')], durationMs: 12, cancelled: false }, options);
  assert.equal(reply.title, 'Ping of web-1');
  assert.equal(reply.summary, 'web-1 (10.0.0.5) is up (0.31 ms latency).');
  assert.equal(reply.tone, 'success');
  assert.match(reply.notes.join('\n'), /^conn-refused: it refused a TCP connection .* only a running host answers with a refusal/m);
  assert.deepEqual(reply.actions.map((action) => action.kind === 'rescan' && action.command), ['/ping web-1', '/scan web-1']);
});

test('one host down: the reason, what was tried, and no scan button', () => {
  const reply = pingReply({ hosts: [downHost('10.0.0.9')], durationMs: 1500, cancelled: false }, options);
  assert.equal(reply.summary, '10.0.0.9 seems down (no-response).');
  assert.equal(reply.tone, 'warning');
  assert.match(reply.notes.join('\n'), /no-response: nothing answered within 1\.5 s, neither a TCP connection to 80, 443, 22, 445, 3389 nor an ICMP echo/);
  assert.equal(reply.actions.length, 1);
});

test('a block: hosts up listed, the rest counted, and the JSON keeps every status', () => {
  const hosts = [upHost('10.0.0.1', '10.0.0.1'), upHost('10.0.0.6', '10.0.0.6', 'echo-reply'), ...Array.from({ length: 14 }, (_, index) => downHost(`10.0.0.${20 + index}`))];
  const reply = pingReply({ hosts, durationMs: 1520, cancelled: false }, { command: '/ping 10.0.0.0/28', visibility: 'channel' });
  assert.equal(reply.summary, '2 hosts up, 14 down, in 1.5 s');
  assert.deepEqual(reply.sections[0]?.text.split('\n'), ['10.0.0.1 is up (0.31 ms latency).', '10.0.0.6 is up (0.31 ms latency).', '14 hosts seem down (no-response) and are not listed.']);
  assert.equal((pingDocument({ hosts, durationMs: 1520, cancelled: false }) as { hosts: unknown[] }).hosts.length, 16);
});
