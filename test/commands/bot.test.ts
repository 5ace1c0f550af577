import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Reply } from '../../src/report/reply.js';
import { PortbotError } from '../../src/errors.js';
import { botSetup } from './bot-setup.js';
import { closedPort, openPort, type Listener } from './loopback.js';

let listener: Listener;
let closed: number;
before(async () => {
  listener = await openPort();
  closed = await closedPort();
});
after(() => listener.close());

const only = (finals: readonly Reply[]): Reply => {
  assert.equal(finals.length, 1, `exactly one final answer, got ${finals.length}`);
  return finals[0]!;
};

test('a scan of a loopback listener and a closed port: one public answer showing both, one audit entry', async () => {
  const { chat, audit } = botSetup();
  const reply = only((await chat.ask(`/scan 127.0.0.1 ${listener.port},${closed}`)).finals);
  assert.equal(reply.visibility, 'channel');
  const byPort = new Map(reply.rows.map((row) => [row.port, [row.state, row.reason]]));
  assert.deepEqual(byPort.get(`${listener.port}/tcp`), ['open', 'syn-ack']);
  assert.deepEqual(byPort.get(`${closed}/tcp`), ['closed', 'conn-refused']);
  assert.match(reply.summary, /^127\.0\.0\.1 is up \([\d.]+ ms latency\): 1 open, 1 closed, scanned 2 ports in /, "the summary says the host is up, as nmap does");
  assert.equal(audit.entries.length, 1);
  assert.equal(audit.entries[0]?.decision, 'allowed');
  assert.deepEqual(audit.entries[0]?.addresses, ['127.0.0.1']);
  assert.deepEqual(audit.entries[0]?.summary, { open: 1, closed: 1 });
});

test('"private" and PORTBOT_RESULTS=private keep the result to the caller', async () => {
  const word = only((await botSetup().chat.ask(`/scan 127.0.0.1 ${closed} private`)).finals);
  assert.equal(word.visibility, 'requester');
  const configured = only((await botSetup({ PORTBOT_RESULTS: 'private' }).chat.ask(`scan 127.0.0.1 ${closed}`)).finals);
  assert.equal(configured.visibility, 'requester');
});

test('a bad port list: one private line with an example, audited as invalid, nothing scanned', async () => {
  const { chat, audit } = botSetup();
  const reply = only((await chat.ask('/scan 127.0.0.1 99999')).finals);
  assert.equal(reply.visibility, 'requester');
  assert.doesNotMatch(reply.summary, /\n/);
  assert.match(reply.summary, /99999/);
  assert.deepEqual(reply.rows, []);
  assert.equal(audit.entries.length, 1);
  assert.equal(audit.entries[0]?.decision, 'invalid');
});

test('a target outside the allowlist is refused privately and audited as refused', async () => {
  const { chat, audit } = botSetup();
  const reply = only((await chat.ask('/scan 10.1.2.3 22')).finals);
  assert.equal(reply.visibility, 'requester');
  assert.equal(reply.title, 'Scan refused');
  assert.equal(audit.entries[0]?.decision, 'refused');
  assert.equal(audit.entries.length, 1);
});

test('help, a bare mention and an unknown word each get one private answer', async () => {
  const { chat, audit } = botSetup();
  for (const text of ['help', '', '/scan help', 'hello']) {
    const reply = only((await chat.ask(text)).finals);
    assert.equal(reply.visibility, 'requester', text);
  }
  assert.equal(audit.entries.length, 4);
});

test('/port and a natural question answer publicly', async () => {
  const { chat } = botSetup();
  for (const text of ['/port 22', 'what is port 22 for?']) {
    const reply = only((await chat.ask(text)).finals);
    assert.equal(reply.visibility, 'channel', text);
    assert.match(`${reply.title} ${reply.summary} ${reply.sections.map((section) => section.text).join(' ')}`, /ssh/i, text);
  }
});

test('a long scan shows progress with Cancel; only its starter can cancel; the cancelled result still arrives', async () => {
  const { chat, audit } = botSetup({}, { progressTiming: { firstAfterMs: 0, everyMs: 50 } });
  let firstProgress: (reply: Reply) => void = () => undefined;
  const progressed = new Promise<Reply>((resolve) => (firstProgress = resolve));
  const { conversation, done } = chat.send('/scan 127.0.0.1 1-65535', 'U1', (reply) => firstProgress(reply));
  const progress = await progressed;
  assert.equal(progress.tone, 'progress');
  assert.match(progress.summary, /of 65,535 ports done/);
  const cancel = progress.actions.find((action) => action.kind === 'cancel');
  assert.ok(cancel !== undefined);

  const stranger = only((await chat.press(cancel, 'U2')).finals);
  assert.equal(stranger.visibility, 'requester');
  assert.equal(stranger.title, 'Not your scan');

  const owner = only((await chat.press(cancel, 'U1')).finals);
  assert.equal(owner.title, 'Cancelling');
  await done;
  const result = only(conversation.finals);
  assert.equal(result.title, 'Scan of 127.0.0.1 (cancelled)');
  assert.match(result.summary, /cancelled after [\d,]+ ports? in /);
  const scanEntries = audit.entries.filter((entry) => entry.command === 'scan');
  assert.deepEqual(scanEntries.map((entry) => entry.decision), ['cancelled']);
  assert.equal(audit.entries.filter((entry) => entry.command === 'action').length, 2);
  const afterwards = only((await chat.press(cancel, 'U1')).finals);
  assert.equal(afterwards.title, 'Nothing to cancel');
});

test('shutdown cancels running scans, each still answered, and resolves after the answers', async () => {
  const { bot, chat } = botSetup({}, { progressTiming: { firstAfterMs: 0, everyMs: 50 } });
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const { conversation } = chat.send('/scan 127.0.0.1 1-65535', 'U1', () => started());
  await running;
  await bot.shutdown();
  assert.equal(only(conversation.finals).title, 'Scan of 127.0.0.1 (cancelled)');
  const late = only((await chat.ask(`/scan 127.0.0.1 ${closed}`)).finals);
  assert.equal(late.visibility, 'requester', 'no new scans once shutting down');
});

test('a failing scanner gives one private line; the stack goes to the operational log only', async () => {
  const broken = () => Promise.reject(new PortbotError('socket-exhausted', 'no sockets left', { cause: new Error('EMFILE') }));
  const { chat, audit, logLines } = botSetup({}, { scan: broken });
  const reply = only((await chat.ask(`/scan 127.0.0.1 ${closed}`)).finals);
  assert.equal(reply.visibility, 'requester');
  assert.match(reply.summary, /socket-exhausted/);
  assert.doesNotMatch(`${reply.summary}${reply.notes.join('')}`, /at .*\.js/);
  assert.ok(logLines.some((line) => line.includes('"stack"') && line.includes('no sockets left')));
  assert.deepEqual(audit.entries.map((entry) => entry.decision), ['failed']);
});

test('Rescan runs again as the person who pressed it, so the policy applies to them', async () => {
  const { chat } = botSetup({ PORTBOT_ALLOWED_USERS: 'U1' });
  const first = only((await chat.ask(`/scan 127.0.0.1 ${closed}`, 'U1')).finals);
  const rescan = first.actions.find((action) => action.kind === 'rescan');
  assert.ok(rescan !== undefined);
  assert.equal(only((await chat.press(rescan, 'U1')).finals).title, 'Scan of 127.0.0.1');
  const other = only((await chat.press(rescan, 'U2')).finals);
  assert.equal(other.title, 'Scan refused');
});

test('Explain answers as /port, to the person who pressed it; a forged button payload gets one private line', async () => {
  const { chat } = botSetup();
  const explained = only((await chat.press({ kind: 'explain', label: 'Explain 22/tcp', query: '22/tcp' })).finals);
  assert.equal(explained.visibility, 'requester');
  assert.match(explained.title, /^Port 22/);
  const forged = only((await chat.press({ kind: 'cancel', label: 'x', scanId: '../../etc' })).finals);
  assert.equal(forged.visibility, 'requester');
});

test('a responder that fails to deliver does not break the bot', async () => {
  const { bot } = botSetup();
  const failing = { progress: () => Promise.reject(new Error('platform down')), final: () => Promise.reject(new Error('platform down')) };
  await bot.handleCommand({ text: 'help', requester: { platform: 'slack', userId: 'U1' } }, failing);
});

test('typed text is cleaned at the edge: control characters dropped, an overlong command refused in one line', async () => {
  const { chat } = botSetup();
  const cleaned = only((await chat.ask('/port 22\u001b[2J\u0007')).finals);
  assert.equal(cleaned.visibility, 'channel');
  assert.match(cleaned.title, /22/);
  const long = only((await chat.ask(`/scan 127.0.0.1 ${'1,'.repeat(600)}2`)).finals);
  assert.equal(long.visibility, 'requester');
  assert.match(long.summary, /characters long/);
});

test('a malformed requester from an adapter is a bug: logged, answered privately, never thrown at the adapter', async () => {
  const { bot, logLines } = botSetup();
  const finals: unknown[] = [];
  const responder = { progress: () => Promise.resolve(), final: (reply: unknown) => (finals.push(reply), Promise.resolve()) };
  await bot.handleCommand({ text: 'help', requester: { platform: 'irc' as 'slack', userId: '' } }, responder);
  assert.equal(finals.length, 1);
  assert.ok(logLines.some((line) => line.includes('invalid-requester')));
});
