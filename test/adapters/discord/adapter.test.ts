// The adapter through real discord.js against the loopback stand-in: connection, deferral,
// progress and final edits, ephemeral refusals, buttons and autocomplete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buttonLabels, callsFor, embedOf, isCallback, isFollowUp, isOriginalDelete, isOriginalEdit, startDiscord, succeeded, visibleAnswers, visibleText } from './harness.js';
import { autocomplete, booleanOption, buttonClick, slashCommand, stringOption } from './payloads.js';
import { reply, ScriptedBot } from './scripted-bot.js';

const person = { userId: '4000000000000000001' };

test('connects through GET /gateway/bot to the gateway, asks for plain JSON and acknowledges heartbeats', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())), {}, { heartbeatIntervalMs: 200 });
  try {
    const { standIn } = running;
    assert.ok(standIn.calls.some((call) => call.method === 'GET' && call.path === '/gateway/bot'));
    assert.equal(standIn.gateway.connectQuery?.get('encoding'), 'json');
    assert.equal(standIn.gateway.connectQuery?.get('compress'), null);
    const identify = standIn.gateway.identifies[0]!;
    assert.equal(identify.token, 'stand-in-token');
    // Guilds (1) and GuildMessages (512) only: no privileged MessageContent (32768).
    assert.equal(identify.intents, 1 | 512);
    await new Promise<void>((resolve) => standIn.gateway.once('heartbeat', resolve));
    assert.ok(standIn.gateway.heartbeats >= 1);
  } finally {
    await running.stop();
  }
});

test('a slash command is deferred publicly, progress edits the deferral, and the final edit carries the embed and buttons', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => {
    await responder.progress(reply({ title: 'Scanning 127.0.0.1', summary: '1 of 2 ports done', tone: 'progress', rows: [], folded: undefined, actions: [{ kind: 'cancel', label: 'Cancel', scanId: 's1' }] }));
    await responder.final(reply());
  });
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, { ...person, roleIds: [standIn.ids.roleId] }, 'scan', [stringOption('target', ' 127.0.0.1 , localhost'), stringOption('ports', '22, 23')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);

    assert.equal(bot.commands[0]?.text, '/scan 127.0.0.1,localhost 22,23');
    assert.deepEqual(bot.commands[0]?.requester, { platform: 'discord', userId: person.userId, workspaceId: standIn.ids.guildId, channelId: standIn.ids.channelId, roleIds: [standIn.ids.roleId], userName: `user${person.userId.slice(-4)}` });

    const calls = callsFor(standIn.calls, interaction.token);
    assert.deepEqual(calls.map((call) => [call.method, isCallback(call) ? 'callback' : isOriginalEdit(call) ? '@original' : call.path]), [
      ['POST', 'callback'],
      ['PATCH', '@original'],
      ['PATCH', '@original'],
    ]);
    assert.equal(calls[0]!.body.type, 5, 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE');
    assert.equal((calls[0]!.body.data?.flags ?? 0) & 64, 0, 'public deferral');
    const [progress, final] = [calls[1]!.body, calls[2]!.body];
    assert.match(embedOf(progress).title ?? '', /Scanning/);
    assert.deepEqual(buttonLabels(progress), ['Cancel']);
    assert.equal(embedOf(final).color, 0x57f287);
    assert.match(embedOf(final).description ?? '', /22\/tcp\s+open\s+ssh\s+syn-ack/);
    assert.match(visibleText(final), /Not shown: 1 closed tcp port/);
    assert.deepEqual(buttonLabels(final), ['Rescan']);
    for (const call of calls.slice(1)) assert.deepEqual(call.body.allowed_mentions, { parse: [], replied_user: false });
  } finally {
    await running.stop();
  }
});

test('a private scan is deferred ephemerally (flags 64) and its answer edits that deferral', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => responder.final(reply({ visibility: 'requester' })));
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), booleanOption('private', true)]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    assert.equal(bot.commands[0]?.text, '/scan 127.0.0.1 private');
    const calls = callsFor(standIn.calls, interaction.token);
    assert.equal((calls[0]!.body.data?.flags ?? 0) & 64, 64);
    assert.deepEqual(calls.slice(1).map(isOriginalEdit), [true]);
  } finally {
    await running.stop();
  }
});

test('a refusal to a public deferral is sent once, ephemerally; the public placeholder never shows it and is deleted', { timeout: 30_000 }, async () => {
  const refusal = reply({ title: 'Not allowed', summary: '10.1.2.3 is not on the allowlist.', tone: 'danger', visibility: 'requester', rows: [], sections: [], actions: [] });
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(refusal)));
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '10.1.2.3')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    const calls = callsFor(standIn.calls, interaction.token);
    // Resolve the placeholder first: a follow-up to a still-"thinking" deferral would inherit its public visibility.
    assert.deepEqual(calls.map((call) => (isCallback(call) ? 'defer' : isOriginalEdit(call) ? 'edit' : isFollowUp(call) ? 'follow-up' : isOriginalDelete(call) ? 'delete' : call.path)), ['defer', 'edit', 'follow-up', 'delete']);
    const placeholder = calls[1]!;
    assert.doesNotMatch(visibleText(placeholder.body), /allowlist|10\.1\.2\.3/);
    assert.deepEqual(placeholder.body.embeds, []);
    const followUp = calls[2]!;
    assert.equal((followUp.body.flags ?? 0) & 64, 64, 'the refusal is ephemeral');
    assert.match(visibleText(followUp.body), /not on the allowlist/);
    assert.deepEqual(visibleAnswers(calls), [followUp]);
  } finally {
    await running.stop();
  }
});

test('a second final from the bot and progress after the final are ignored: exactly one final answer', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (_command, responder) => {
    await responder.final(reply({ title: 'first' }));
    await responder.progress(reply({ title: 'late progress', tone: 'progress' }));
    await responder.final(reply({ title: 'second' }));
  });
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, person, 'port', [stringOption('query', '22')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    assert.equal(bot.commands[0]?.text, '/port 22');
    const edits = callsFor(standIn.calls, interaction.token).filter(isOriginalEdit);
    assert.deepEqual(edits.map((call) => embedOf(call.body).title), ['first']);
  } finally {
    await running.stop();
  }
});

test('a bot that throws still leaves the person with one final answer', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(() => Promise.reject(new Error('boom'))));
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, person, 'port', [stringOption('query', '22')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    // The bot's promise settles before the adapter's own fallback answer goes out: wait for its last step.
    await standIn.waitForCalls((calls) => callsFor(calls, interaction.token).some(isOriginalDelete));
    const calls = callsFor(standIn.calls, interaction.token);
    assert.equal(visibleAnswers(calls).length, 1);
    assert.doesNotMatch(visibleText(calls.find(isFollowUp)!.body), /boom|Error|at /);
  } finally {
    await running.stop();
  }
});

test('buttons: Rescan re-runs publicly, Cancel and Explain answer only the clicker; an unknown id says it expired', { timeout: 30_000 }, async () => {
  const bot = new ScriptedBot(async (command, responder) => responder.final(reply({ title: command.text })));
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const clicks = [
      buttonClick(standIn.ids, person, 'portbot:r:/scan 127.0.0.1 22', [{ type: 1, components: [{ type: 2, style: 1, label: 'Rescan', custom_id: 'portbot:r:/scan 127.0.0.1 22' }] }]),
      buttonClick(standIn.ids, person, 'portbot:c:scan-7', [{ type: 1, components: [{ type: 2, style: 4, label: 'Cancel', custom_id: 'portbot:c:scan-7' }] }]),
      buttonClick(standIn.ids, person, 'portbot:e:22', [{ type: 1, components: [{ type: 2, style: 2, label: 'Explain 22', custom_id: 'portbot:e:22' }] }]),
    ];
    for (const click of clicks) standIn.gateway.dispatch('INTERACTION_CREATE', click);
    await running.bot.until(3);
    assert.deepEqual(bot.actions.map(({ action }) => action), [
      { kind: 'rescan', label: 'Rescan', command: '/scan 127.0.0.1 22' },
      { kind: 'cancel', label: 'Cancel', scanId: 'scan-7' },
      { kind: 'explain', label: 'Explain 22', query: '22' },
    ]);
    const deferralFlags = clicks.map((click) => (callsFor(standIn.calls, click.token).find(isCallback)!.body.data?.flags ?? 0) & 64);
    assert.deepEqual(deferralFlags, [0, 64, 64]);

    const stale = buttonClick(standIn.ids, person, 'portbot:k:zz', []);
    standIn.gateway.dispatch('INTERACTION_CREATE', stale);
    await standIn.waitForCalls((calls) => callsFor(calls, stale.token).length > 0);
    const answer = callsFor(standIn.calls, stale.token)[0]!;
    assert.equal(answer.body.type, 4);
    assert.equal((answer.body.data?.flags ?? 0) & 64, 64);
    assert.match(answer.body.data?.content ?? '', /expired/);
  } finally {
    await running.stop();
  }
});

test('autocomplete suggests port sets for /scan ports and topics for /port, keeping what was typed first', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())));
  try {
    const { standIn } = running;
    const scanPorts = autocomplete(standIn.ids, person, 'scan', [stringOption('target', 'web-1'), stringOption('ports', '1-', true)]);
    const portQuery = autocomplete(standIn.ids, person, 'port', [stringOption('query', 'rem', true)]);
    standIn.gateway.dispatch('INTERACTION_CREATE', scanPorts);
    standIn.gateway.dispatch('INTERACTION_CREATE', portQuery);
    await standIn.waitForCalls((calls) => callsFor(calls, scanPorts.token).length > 0 && callsFor(calls, portQuery.token).length > 0);
    const [scanAnswer] = callsFor(standIn.calls, scanPorts.token);
    const [portAnswer] = callsFor(standIn.calls, portQuery.token);
    assert.equal(scanAnswer!.body.type, 8, 'APPLICATION_COMMAND_AUTOCOMPLETE_RESULT');
    const scanValues = (scanAnswer!.body.data?.choices ?? []).map((choice) => choice.value);
    assert.equal(scanValues[0], '1-');
    assert.ok(scanValues.includes('1-1024') && scanValues.includes('1-65535'));
    assert.ok((portAnswer!.body.data?.choices ?? []).some((choice) => choice.value === '3389'));
    assert.ok(standIn.calls.every(succeeded));
  } finally {
    await running.stop();
  }
});

test('a cut result reaches Discord with its JSON file in the same multipart edit', { timeout: 30_000 }, async () => {
  const rows = Array.from({ length: 3000 }, (_, index) => ({ port: `${index + 1}/tcp`, state: 'open' as const, service: 'unknown', reason: 'syn-ack' }));
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply({ rows, attachment: { filename: 'scan-127.0.0.1.json', json: { hosts: [{ ports: rows.length }] } } }))));
  try {
    const { standIn } = running;
    const interaction = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', '1-3000')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    const [edit, ...more] = callsFor(standIn.calls, interaction.token).filter(isOriginalEdit);
    assert.equal(more.length, 0);
    assert.deepEqual(edit!.files.map((file) => [file.name, JSON.parse(file.text) as unknown]), [['scan-127.0.0.1.json', { hosts: [{ ports: 3000 }] }]]);
    assert.match(embedOf(edit!.body).footer?.text ?? '', /^Showing [\d,]+ of 3,000 ports; the full result is attached as scan-127\\?\.0\\?\.0\\?\.1\\?\.json\.$/);
  } finally {
    await running.stop();
  }
});
