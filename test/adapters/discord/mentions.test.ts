// "@portbot what is port 22 for?": mentions through real discord.js, answered as replies that
// ping nobody; private answers go by DM and never into the channel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDiscord, succeeded, visibleText, type Running } from './harness.js';
import { guildMessage } from './payloads.js';
import { reply, ScriptedBot } from './scripted-bot.js';
import type { RecordedCall } from './stand-in-rest.js';

const person = { userId: '4200000000000000001' };

const channelPosts = (running: Running): RecordedCall[] =>
  running.standIn.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${running.standIn.ids.channelId}/messages`);

test('a mention becomes a command without the mention, answered once as a reply that pings nobody', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (command, responder) => responder.final(reply({ title: `You asked: ${command.text}`, rows: [], actions: [] })));
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const message = guildMessage(standIn.ids, { ...person, roleIds: [standIn.ids.roleId] }, `<@${standIn.ids.botUser.id}> what is port 22 for?`, true);
    standIn.gateway.dispatch('MESSAGE_CREATE', message);
    await running.bot.until(1);
    assert.equal(bot.commands[0]?.text, 'what is port 22 for?');
    assert.deepEqual(bot.commands[0]?.requester, { platform: 'discord', userId: person.userId, workspaceId: standIn.ids.guildId, channelId: standIn.ids.channelId, roleIds: [standIn.ids.roleId], userName: `user${person.userId.slice(-4)}` });
    const posts = channelPosts(running);
    assert.equal(posts.length, 1);
    assert.equal(posts[0]!.body.message_reference?.message_id, message.id, 'answered as a reply');
    assert.deepEqual(posts[0]!.body.allowed_mentions, { parse: [], replied_user: false });
    assert.match(visibleText(posts[0]!.body), /You asked: what is port 22 for\?/);
  } finally {
    await running.stop();
  }
});

test('a bare mention asks for help; messages without a mention, and messages from bots, are ignored', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => responder.final(reply()));
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, 'scan 127.0.0.1 without mentioning anyone', false));
    standIn.gateway.dispatch('MESSAGE_CREATE', { ...guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> help`, true), author: { ...standIn.ids.botUser, id: '4200000000000000099' } });
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@!${standIn.ids.botUser.id}>`, true));
    await running.bot.until(1);
    assert.deepEqual(bot.commands.map((command) => command.text), ['help']);
  } finally {
    await running.stop();
  }
});

test('progress of a mentioned scan is one reply edited in place, and the final answer edits it again', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => {
    await responder.progress(reply({ title: 'Scanning…', tone: 'progress', rows: [] }));
    await responder.progress(reply({ title: 'Scanning… more', tone: 'progress', rows: [] }));
    await responder.final(reply());
  });
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> scan 127.0.0.1 22`, true));
    await running.bot.until(1);
    const writes = standIn.calls.filter((call) => call.path.startsWith(`/channels/${standIn.ids.channelId}/messages`));
    assert.deepEqual(writes.map((call) => call.method), ['POST', 'PATCH', 'PATCH']);
    assert.equal(writes[2]!.body.embeds?.[0]?.title, 'Scan of 127.0.0.1');
  } finally {
    await running.stop();
  }
});

test('a private answer to a mention goes by DM, never to the channel; with DMs closed the channel only learns where to ask', { timeout: 30_000 }, async () => {
  const secret = reply({ title: 'Refused', summary: '10.9.9.9 is not on the allowlist', visibility: 'requester', rows: [], actions: [] });
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(secret)));
  try {
    const { standIn } = running;
    const dm = standIn.ids.dmChannelFor(person.userId);
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> scan 10.9.9.9`, true));
    await running.bot.until(1);
    const dmPosts = standIn.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${dm}/messages`);
    assert.equal(dmPosts.length, 1);
    assert.match(visibleText(dmPosts[0]!.body), /not on the allowlist/);
    assert.equal(channelPosts(running).length, 0);

    // DMs closed: Discord answers 403 "Cannot send messages to this user".
    standIn.rest.failOnce('POST', new RegExp(`^/channels/${dm}/messages$`), 403, { message: 'Cannot send messages to this user', code: 50007 });
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> scan 10.9.9.9`, true));
    await running.bot.until(2);
    const [fallback, ...more] = channelPosts(running);
    assert.equal(more.length, 0);
    assert.ok(fallback !== undefined && succeeded(fallback));
    assert.doesNotMatch(visibleText(fallback.body), /allowlist|10\.9\.9\.9/);
    assert.match(visibleText(fallback.body), /direct message/);
  } finally {
    await running.stop();
  }
});

test('a reply to one of portbot’s messages ("thanks!") is not a command; a reply that writes the mention is', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => responder.final(reply()));
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const ours = { ...guildMessage(standIn.ids, person, 'result', false), author: standIn.ids.botUser };
    // Discord lists the replied-to author among the mentions when the reply pings them (the default).
    const asReply = (content: string) => ({ ...guildMessage(standIn.ids, person, content, true), type: 19, message_reference: { message_id: ours.id, channel_id: ours.channel_id, guild_id: standIn.ids.guildId }, referenced_message: ours });
    standIn.gateway.dispatch('MESSAGE_CREATE', asReply('thanks!'));
    standIn.gateway.dispatch('MESSAGE_CREATE', { ...guildMessage(standIn.ids, person, '@everyone lunch?', true), mention_everyone: true, mentions: [] });
    standIn.gateway.dispatch('MESSAGE_CREATE', asReply(`<@${standIn.ids.botUser.id}> port 22`));
    await running.bot.until(1);
    assert.deepEqual(bot.commands.map((command) => command.text), ['port 22'], 'only the reply that names portbot in its text ran');
    assert.equal(channelPosts(running).length, 1);
  } finally {
    await running.stop();
  }
});
