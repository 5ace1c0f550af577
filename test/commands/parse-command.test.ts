import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommand, scanCommandText, type ParsedCommand } from '../../src/commands/parse-command.js';

const parsed = (text: string): ParsedCommand => {
  const result = parseCommand(text);
  assert.ok(result.ok, `expected "${text}" to parse`);
  return result.value;
};

test('slash commands and their mention forms mean the same', () => {
  const expected = { kind: 'scan', targets: 'web-1', ports: '22,80', udp: false, private: false };
  assert.deepEqual(parsed('/scan web-1 22,80'), expected);
  assert.deepEqual(parsed('scan web-1 22,80'), expected);
  assert.deepEqual(parsed('SCAN web-1 22, 80'), expected, 'spaces inside the port list are glued back');
  assert.deepEqual(parsed('/port 3389'), { kind: 'port', query: '3389' });
  assert.deepEqual(parsed('port remote desktop'), { kind: 'port', query: 'remote desktop' });
});

test('no ports means the default list; private and udp are words, in any position', () => {
  assert.deepEqual(parsed('/scan web-1'), { kind: 'scan', targets: 'web-1', ports: undefined, udp: false, private: false });
  assert.deepEqual(parsed('/scan 10.0.0.0/30 private 1-1024'), { kind: 'scan', targets: '10.0.0.0/30', ports: '1-1024', udp: false, private: true });
  assert.deepEqual(parsed('/scan dns-1 53 --udp'), { kind: 'scan', targets: 'dns-1', ports: '53', udp: true, private: false });
});

test('help in its spellings, including a bare mention', () => {
  assert.deepEqual(parsed(''), { kind: 'help', topic: 'all' });
  assert.deepEqual(parsed('help'), { kind: 'help', topic: 'all' });
  assert.deepEqual(parsed('/scan help'), { kind: 'help', topic: 'scan' });
  assert.deepEqual(parsed('/port help'), { kind: 'help', topic: 'port' });
  assert.deepEqual(parsed('/scan'), { kind: 'help', topic: 'scan' });
  assert.deepEqual(parsed('help port'), { kind: 'help', topic: 'port' });
});

test('natural questions go to /port with the whole question', () => {
  assert.deepEqual(parsed('what is port 22 for?'), { kind: 'port', query: 'what is port 22 for?' });
  assert.deepEqual(parsed('Which port does RDP use'), { kind: 'port', query: 'Which port does RDP use' });
  assert.deepEqual(parsed('443'), { kind: 'port', query: '443' });
});

test('unknown words and bad targets get one line with an example', () => {
  const unknown = parseCommand('hello there');
  assert.ok(!unknown.ok);
  assert.equal(unknown.error.code, 'invalid-command');
  assert.match(unknown.error.message, /\/scan web-1 22,80,443/);
  assert.doesNotMatch(unknown.error.message, /\n/);

  const markup = parseCommand('/scan <@U123>|evil 22');
  assert.ok(!markup.ok);
  assert.equal(markup.error.code, 'invalid-target');
  assert.match(markup.error.message, /Example: \/scan web-1 22,80,443/);
});

test('several targets separated by spaces are scanned in the order typed; the port list starts at the first word that is no address', () => {
  const scan = (targets: string, ports: string | undefined) => ({ kind: 'scan', targets, ports, udp: false, private: false });
  assert.deepEqual(parsed('/scan 127.0.0.1 127.0.0.2 22'), scan('127.0.0.1,127.0.0.2', '22'));
  assert.deepEqual(parsed('/scan localhost 127.0.0.2 ::1 10.0.0.0/30 22, 80'), scan('localhost,127.0.0.2,::1,10.0.0.0/30', '22,80'));
  assert.deepEqual(parsed('/scan 10.0.0.2 web-1.example.com'), scan('10.0.0.2,web-1.example.com', undefined));
  assert.deepEqual(parsed('/scan 127.0.0.2 localhost private'), { ...scan('127.0.0.2,localhost', undefined), private: true });
  // Port words never look like hosts: no dots, and their only colons are T:/U: prefixes.
  assert.deepEqual(parsed('/scan web-1 ssh https'), scan('web-1', 'ssh,https'));
  assert.deepEqual(parsed('/scan ::1 T:22 U:53'), scan('::1', 'T:22,U:53'));
  assert.deepEqual(parsed('/scan web-1 53/udp'), scan('web-1', '53/udp'));
  // A misspelt service stays a (bad) port list, so its error is about ports, not a DNS lookup.
  assert.deepEqual(parsed('/scan web-1 sshh'), scan('web-1', 'sshh'));
});

test('a mention typed as text ("@portbot …", as in the console) means the words after it', () => {
  assert.deepEqual(parsed('@portbot what is port 22 for?'), { kind: 'port', query: 'what is port 22 for?' });
  assert.deepEqual(parsed('@portbot, scan web-1 22'), { kind: 'scan', targets: 'web-1', ports: '22', udp: false, private: false });
  assert.deepEqual(parsed('@PortBot'), { kind: 'help', topic: 'all' });
});

test('examples in error lines work where the command was typed: loopback in the console and CLI', () => {
  const unknown = parseCommand('hello', 'terminal');
  assert.ok(!unknown.ok);
  assert.match(unknown.error.message, /Try \/scan localhost 22,80, \/port 22 or help\./);
  assert.doesNotMatch(unknown.error.message, /web-1/);
});

test('the Rescan text of a command parses back to the same command', () => {
  const command = parsed('/scan web-1,web-2 22,80 udp private');
  assert.equal(command.kind, 'scan');
  if (command.kind !== 'scan') return;
  assert.deepEqual(parsed(scanCommandText(command)), command);
});

test('services, no-services and all-hosts are words of a scan, in any position, and the Rescan text keeps them', () => {
  const base = { kind: 'scan', targets: '10.0.0.0/28', ports: '22,80', udp: false, private: false } as const;
  assert.deepEqual(parsed('/scan 10.0.0.0/28 22,80 all-hosts'), { ...base, allHosts: true });
  assert.deepEqual(parsed('/scan 10.0.0.0/28 services 22,80'), { ...base, services: 'on' });
  assert.deepEqual(parsed('scan 10.0.0.0/28 22,80 --no-services --all-hosts'), { ...base, services: 'off', allHosts: true });
  const both = parseCommand('/scan web-1 services no-services');
  assert.ok(!both.ok);
  assert.match(both.error.message, /"services" .* or "no-services" .*, not both/);
  const command = parsed('/scan 10.0.0.0/28 22,80 services all-hosts private');
  assert.ok(command.kind === 'scan');
  assert.equal(scanCommandText(command), '/scan 10.0.0.0/28 22,80 private services all-hosts');
  assert.deepEqual(parsed(scanCommandText(command)), command, 'the Rescan text reads back as the same command');
});

test('xml and csv (also --xml, --csv) are words of a scan in any position; both at once is one clear line; Rescan keeps them', () => {
  const base = { kind: 'scan', targets: 'web-1', ports: '1-1024', udp: false, private: false } as const;
  assert.deepEqual(parsed('/scan web-1 1-1024 xml'), { ...base, file: 'xml' });
  assert.deepEqual(parsed('/scan web-1 --csv 1-1024'), { ...base, file: 'csv' });
  assert.deepEqual(parsed('scan web-1 XML 1-1024 services'), { ...base, file: 'xml', services: 'on' });
  assert.deepEqual(parsed('/scan web-1 1-1024 xml --xml'), { ...base, file: 'xml' }, 'the same word twice is still one file');
  const both = parseCommand('/scan web-1 xml csv');
  assert.ok(!both.ok);
  assert.match(both.error.message, /^Say "xml" .* or "csv" .*, not both/);
  const command = parsed('/scan web-1 1-1024 private csv all-hosts');
  assert.ok(command.kind === 'scan');
  assert.equal(scanCommandText(command), '/scan web-1 1-1024 private all-hosts csv');
  assert.deepEqual(parsed(scanCommandText(command)), command);
});

test('/ping takes targets (and private), its mention form too; a port list or junk gets one line', () => {
  assert.deepEqual(parsed('/ping web-1'), { kind: 'ping', targets: 'web-1', private: false });
  assert.deepEqual(parsed('ping 10.0.0.5 10.0.0.0/30 private'), { kind: 'ping', targets: '10.0.0.5,10.0.0.0/30', private: true });
  assert.deepEqual(parsed('@portbot ping web-1'), { kind: 'ping', targets: 'web-1', private: false });
  assert.deepEqual(parsed('/ping'), { kind: 'help', topic: 'ping' });
  assert.deepEqual(parsed('help ping'), { kind: 'help', topic: 'ping' });
  const ports = parseCommand('/ping web-1 22,80');
  assert.ok(!ports.ok);
  assert.match(ports.error.message, /^A ping takes no ports: .* To check ports, use \/scan\.$/);
  const markup = parseCommand('/ping <@U123>|evil');
  assert.ok(!markup.ok);
  assert.equal(markup.error.code, 'invalid-target');
  assert.match(markup.error.message, /^Can't ping: .*Example: \/ping web-1$/);
});

test('/history and /diff: one target, or for /diff two ids; help when bare', () => {
  assert.deepEqual(parseCommand('/history web-1'), { ok: true, value: { kind: 'history', target: 'web-1' } });
  assert.deepEqual(parseCommand('@portbot diff web-1'), { ok: true, value: { kind: 'diff', query: { kind: 'target', target: 'web-1' } } });
  assert.deepEqual(parseCommand('/diff s3k9p s7k2q'), { ok: true, value: { kind: 'diff', query: { kind: 'ids', ids: ['s3k9p', 's7k2q'] } } });
  assert.deepEqual(parseCommand('/history'), { ok: true, value: { kind: 'help', topic: 'history' } });
  const junk = parseCommand('/history http://web-1/');
  assert.equal(junk.ok ? 'parsed' : junk.error.code, 'invalid-target');
});
