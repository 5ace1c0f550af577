// /history and /diff through the chat router with the real scan service and store (both
// backends): who sees what (channels, workspaces, platforms, private scans), answers that list a
// private scan going only to its requester, the one-line answers for nothing to show, and the
// scan answer's last line.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBot } from '../../src/commands/bot.js';
import type { Bot, Responder } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import type { Requester } from '../../src/policy/types.js';
import type { Reply } from '../../src/report/reply.js';
import type { HistoryStore } from '../../src/scan/index.js';
import { bothBackends, historyAt } from '../scan/history-backends.js';
import { testService } from '../scan/test-service.js';
import { memoryAudit } from './fake-chat.js';
import { closedPort } from './loopback.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000', PORTBOT_CONCURRENT_SCANS_PER_USER: '100' });

const slack = (userId: string, channelId = 'C1', workspaceId = 'T1'): Requester => ({ platform: 'slack', userId, workspaceId, channelId });
const discord = (userId: string, channelId = 'C1', workspaceId = 'T1'): Requester => ({ platform: 'discord', userId, workspaceId, channelId });

async function ask(bot: Bot, text: string, requester: Requester): Promise<Reply> {
  const finals: Reply[] = [];
  const responder: Responder = { progress: () => Promise.resolve(), final: (reply) => (finals.push(reply), Promise.resolve()) };
  await bot.handleCommand({ text, requester }, responder);
  assert.equal(finals.length, 1, `one answer to ${text}`);
  return finals[0]!;
}

const section = (reply: Reply): string => reply.sections.map((part) => part.text).join('\n');
const idsIn = (reply: Reply): string[] => [...section(reply).matchAll(/^([a-z0-9]{5,})\s/gm)].map((match) => match[1]!);
const lastNote = (reply: Reply): string => reply.notes.at(-1) ?? '';

for (const backend of bothBackends()) {
  describe(`/history and /diff in chat: ${backend.label}`, { skip: backend.skip }, () => {
    let history: HistoryStore;
    let bot: Bot;
    let port: number;

    before(async () => {
      history = historyAt(await backend.location());
      await history.ready();
      bot = createBot({ config, service: testService(config, { history }), audit: memoryAudit() });
      port = await closedPort();
    });
    after(async () => {
      await bot.shutdown();
      await history.close();
      backend.dispose();
    });

    test('history lists a channel’s scans of a target, newest first, with id, when, who and what was found', async () => {
      const first = await ask(bot, `/scan 127.0.0.2 ${port}`, { ...slack('U1'), userName: 'alice' });
      assert.match(lastNote(first), /^First scan of 127\.0\.0\.2 here/);
      const second = await ask(bot, `/scan 127.0.0.2 ${port}`, slack('U2'));
      assert.match(lastNote(second), /^Since the last scan \(\d+ s ago\): no change$/);
      const listed = await ask(bot, '/history 127.0.0.2', slack('U3'));
      assert.equal(listed.visibility, 'channel');
      assert.equal(listed.title, 'History of 127.0.0.2');
      const lines = section(listed).split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^[a-z0-9]{5} {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ s ago\) {2}U2 {2}0 open, 1 closed$/);
      assert.match(lines[1]!, / {2}alice {2}0 open, 1 closed$/);
      const diff = await ask(bot, '/diff 127.0.0.2', slack('U3'));
      assert.equal(diff.title, 'What changed: 127.0.0.2');
      assert.match(diff.summary, /: no change\.$/);
      const [newer, older] = idsIn(listed);
      const byIds = await ask(bot, `/diff ${newer!.toUpperCase()} ${older!}`, slack('U3'));
      assert.equal(byIds.title, `What changed: ${older!} and ${newer!}`, 'ids in either order, oldest first');
    });

    test('nothing crosses channels, workspaces or platforms', async () => {
      await ask(bot, `/scan 127.0.0.3 ${port}`, slack('U1', 'C1', 'T1'));
      for (const [who, requester] of [
        ['another channel', slack('U1', 'C2', 'T1')],
        ['another workspace', slack('U1', 'C1', 'T2')],
        ['another platform', discord('U1', 'C1', 'T1')],
      ] as const) {
        const listed = await ask(bot, '/history 127.0.0.3', requester);
        assert.equal(listed.summary, 'No scans of 127.0.0.3 here yet: /scan 127.0.0.3 makes the first.', who);
        assert.equal(listed.visibility, 'requester');
        const scan = await ask(bot, `/scan 127.0.0.3 ${port}`, requester);
        assert.match(lastNote(scan), /^First scan of 127\.0\.0\.3 here/, `${who}: the scan in C1/T1/slack is not "the last scan" here`);
      }
      const [id] = idsIn(await ask(bot, '/history 127.0.0.3', slack('U1', 'C1', 'T1')));
      const elsewhere = await ask(bot, `/diff ${id!} ${id!}`, slack('U1', 'C2', 'T1'));
      assert.equal(elsewhere.summary, `No scan ${id!} in history here.`, 'an id from another channel reads as unknown');
    });

    test('a private scan is listed only to its requester, and that answer is private', async () => {
      await ask(bot, `/scan 127.0.0.4 ${port}`, slack('U1'));
      const secret = await ask(bot, `/scan 127.0.0.4 ${port} private`, slack('U2'));
      assert.equal(secret.visibility, 'requester');
      const forOthers = await ask(bot, '/history 127.0.0.4', slack('U3'));
      assert.equal(idsIn(forOthers).length, 1);
      assert.equal(forOthers.visibility, 'channel');
      const forOwner = await ask(bot, '/history 127.0.0.4', slack('U2'));
      assert.equal(idsIn(forOwner).length, 2);
      assert.equal(forOwner.visibility, 'requester', 'it lists a private scan');
      assert.match(section(forOwner), /U2 \(private\)/);
      assert.equal((await ask(bot, '/diff 127.0.0.4', slack('U2'))).visibility, 'requester');
      assert.equal((await ask(bot, '/diff 127.0.0.4', slack('U3'))).summary, 'Only one finished scan of 127.0.0.4 (' + idsIn(forOthers)[0]! + ') so far: scan it again to see what changed.');
    });

    test('bad ids and targets get one line saying what to type', async () => {
      assert.equal((await ask(bot, '/diff 12 34', slack('U1'))).summary, '"12" is not a scan id: ids are 5 or more letters and digits from /history, e.g. s7k2q.');
      assert.match((await ask(bot, '/history', slack('U1'))).title, /help/);
      assert.match((await ask(bot, '/history web-1,web-2', slack('U1'))).summary, /one target at a time/);
      assert.match((await ask(bot, '/diff a b c', slack('U1'))).summary, /which two scan ids/);
    });
  });
}
