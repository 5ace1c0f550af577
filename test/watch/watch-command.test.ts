// /watch as people type it: a typed request, or one line that says what was wrong and what to write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemLine } from '../../src/errors.js';
import { parseWatchCommand, type WatchRequest } from '../../src/watch/watch-command.js';

const settings = { minIntervalSeconds: 900, timeZone: 'UTC' };
const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

const request = (text: string): WatchRequest => {
  const parsed = parseWatchCommand(words(text), settings);
  assert.ok(parsed.ok, `"${text}": ${parsed.ok ? '' : problemLine(parsed.error)}`);
  return parsed.value;
};

const problem = (text: string, audience: 'chat' | 'terminal' = 'chat') => {
  const parsed = parseWatchCommand(words(text), settings, audience);
  assert.ok(!parsed.ok, `"${text}" should be refused`);
  assert.ok(!parsed.error.message.includes('\n'), 'one line');
  return parsed.error;
};

test('a watch: target, optional ports and udp, and a schedule', () => {
  assert.deepEqual(request('web-1 every 6h'), { kind: 'watch', targets: 'web-1', ports: undefined, udp: false, schedule: { kind: 'every', seconds: 21_600 } });
  assert.deepEqual(request('web-1 22,80,443 every 30m'), { kind: 'watch', targets: 'web-1', ports: '22,80,443', udp: false, schedule: { kind: 'every', seconds: 1800 } });
  const watch = (targets: string, ports: string | undefined, udp: boolean, schedule: object) => ({ kind: 'watch', targets, ports, udp, schedule });
  assert.deepEqual(request('10.0.0.5 22, 80 443 daily at 06:00'), watch('10.0.0.5', '22,80,443', false, { kind: 'daily', at: '06:00', timeZone: 'UTC' }));
  assert.deepEqual(request('dns-1 53 udp hourly'), watch('dns-1', '53', true, { kind: 'every', seconds: 3600 }));
  assert.deepEqual(request('10.0.0.5 10.0.0.6 ssh weekdays at 09:30'), watch('10.0.0.5,10.0.0.6', 'ssh', false, { kind: 'weekdays', at: '09:30', timeZone: 'UTC' }));
  assert.equal((request('web-1,web-2 common every 1d') as { targets: string }).targets, 'web-1,web-2');
});

test('list, stop and help', () => {
  assert.deepEqual(request('list'), { kind: 'watch-list' });
  assert.deepEqual(request('LIST'), { kind: 'watch-list' });
  assert.deepEqual(request('stop W3K9P'), { kind: 'watch-stop', id: 'w3k9p' });
  assert.deepEqual(request(''), { kind: 'watch-help' });
  assert.deepEqual(request('help'), { kind: 'watch-help' });
});

test('what cannot be a watch gets one line with a working example', () => {
  assert.equal(problem('web-1 22').message, 'Say how often to scan: every 30m, every 6h, every 1d, hourly, daily at 06:00 or weekdays at 09:30. Example: /watch web-1 22,80,443 every 6h');
  assert.match(problem('every 6h').message, /^Say what to watch before how often/);
  assert.match(problem('web-1 every fortnight').message, /^Can't read the schedule "every fortnight"/);
  assert.match(problem('web-1 22 private every 6h').message, /cannot be private/);
  assert.equal(problem('web-1 99999 every 6h').code, 'invalid-ports');
  assert.match(problem('web-1 99999 every 6h').message, /Example: \/watch web-1 22,80,443 every 6h$/);
  const target = problem('web-1@evil every 6h');
  assert.equal(target.code, 'invalid-target');
  assert.match(target.message, /^Can't watch: /);
  assert.match(problem('stop').message, /^Say which watch to stop, e.g. \/watch stop w3k9p/);
  assert.match(problem('stop 12345').message, /^"12345" is not a watch id/);
  assert.match(problem('list all').message, /takes nothing after it/);
  assert.match(problem('localhost 22', 'terminal').message, /Example: \/watch localhost 22,80 every 30m$/);
});

test('the operator\'s minimum interval is a refusal that names it', () => {
  const error = problem('web-1 22 every 1m');
  assert.equal(error.kind, 'refusal');
  assert.equal(error.message, 'Watches run at most every 15 minutes here (PORTBOT_WATCH_MIN_INTERVAL): write every 15m or longer.');
});
