// A scan that outlives its interaction token (Discord: 15 minutes; here, seconds): before the
// token runs out the answer moves to a message portbot owns, the deferred reply says where, and
// the result lands there. The stand-in expires tokens like Discord (401, 50027).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Responder } from '../../../src/commands/types.js';
import { buttonLabels, callsFor, embedOf, isOriginalEdit, startDiscord, succeeded, type Running } from './harness.js';
import { booleanOption, slashCommand, stringOption } from './payloads.js';
import { reply, ScriptedBot } from './scripted-bot.js';
import type { RecordedCall } from './stand-in-rest.js';

const person = { userId: '4800000000000000001' };
const lifetime = { lifetimeMs: 3000, moveBeforeMs: 2000 };
const progress = reply({ title: 'Scanning 127.0.0.1…', tone: 'progress', rows: [], folded: undefined, actions: [{ kind: 'cancel', label: 'Cancel', scanId: 's1' }] });

/** The stand-in and the running adapter, once started, and the token of the command under test. */
interface Scene {
  running?: Running;
  token: string;
}

/** A long scan: progress, then the result only once the answer has moved (or the token is gone). */
function longScan(scene: Scene, final = reply()) {
  return new ScriptedBot(async (_command, responder: Responder) => {
    await responder.progress(progress);
    const { standIn } = scene.running!;
    const moved = standIn.waitForCalls((calls) => callsFor(calls, scene.token).some((call) => isOriginalEdit(call) && /taking longer/.test(call.body.content ?? '')));
    await Promise.race([moved, standIn.rest.tokenExpiry(scene.token)]);
    await responder.final(final);
  });
}

const notesOnExpiredToken = (calls: readonly RecordedCall[]): RecordedCall[] => calls.filter((call) => call.status === 401);

test('a public scan moves to a channel message before the token expires; the reply links to it and the result lands there', { timeout: 30_000 }, async () => {
  const scene: Scene = { token: '' };
  const running = (scene.running = await startDiscord(longScan(scene), {}, { tokenLifetime: lifetime }));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', '1-65535')]);
    scene.token = command.token;
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const channelPath = `/channels/${standIn.ids.channelId}/messages`;
    const [continued, ...others] = standIn.calls.filter((call) => call.method === 'POST' && call.path === channelPath);
    assert.equal(others.length, 0);
    assert.match(continued!.body.content ?? '', new RegExp(`Continued for <@${person.userId}>`));
    assert.deepEqual(buttonLabels(continued!.body), ['Cancel'], 'the moved progress keeps its Cancel button');
    const note = callsFor(standIn.calls, scene.token).filter((call) => isOriginalEdit(call) && succeeded(call)).at(-1)!;
    assert.match(note.body.content ?? '', /taking longer than Discord lets portbot update this reply; its progress and result continue here: https:\/\/discord\.com\/channels\//);
    assert.deepEqual(buttonLabels(note.body), [], 'the old message has no Cancel button left');
    const finalEdit = standIn.calls.filter((call) => call.method === 'PATCH' && call.path.startsWith(`${channelPath}/`)).at(-1)!;
    assert.equal(embedOf(finalEdit.body).title, 'Scan of 127.0.0.1');
    assert.deepEqual(notesOnExpiredToken(standIn.calls), [], 'nothing was sent on an expired token');
  } finally {
    await running.stop();
  }
});

test('a private scan moves to the requester’s direct messages and the ephemeral reply says so', { timeout: 30_000 }, async () => {
  const scene: Scene = { token: '' };
  const running = (scene.running = await startDiscord(longScan(scene, reply({ visibility: 'requester' })), {}, { tokenLifetime: lifetime }));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), booleanOption('private', true)]);
    scene.token = command.token;
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const dm = `/channels/${standIn.ids.dmChannelFor(person.userId)}/messages`;
    assert.equal(standIn.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${standIn.ids.channelId}/messages`).length, 0, 'nothing private in the channel');
    assert.equal(standIn.calls.filter((call) => call.method === 'POST' && call.path === dm).length, 1);
    const note = callsFor(standIn.calls, scene.token).filter((call) => isOriginalEdit(call) && succeeded(call)).at(-1)!;
    assert.match(note.body.content ?? '', /continue in your direct messages with portbot/);
    const finalEdit = standIn.calls.filter((call) => call.method === 'PATCH' && call.path.startsWith(`${dm}/`)).at(-1)!;
    assert.equal(embedOf(finalEdit.body).title, 'Scan of 127.0.0.1');
    assert.deepEqual(notesOnExpiredToken(standIn.calls), []);
  } finally {
    await running.stop();
  }
});

test('where portbot may not post in the channel, a public scan moves to the requester’s direct messages', { timeout: 30_000 }, async () => {
  const scene: Scene = { token: '' };
  const running = (scene.running = await startDiscord(longScan(scene), {}, { tokenLifetime: lifetime }));
  try {
    const { standIn } = running;
    standIn.rest.failOnce('POST', new RegExp(`^/channels/${standIn.ids.channelId}/messages$`), 403, { message: 'Missing Permissions', code: 50013 });
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1')]);
    scene.token = command.token;
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const note = callsFor(standIn.calls, scene.token).filter((call) => isOriginalEdit(call) && succeeded(call)).at(-1)!;
    assert.match(note.body.content ?? '', /direct messages/);
    const dm = `/channels/${standIn.ids.dmChannelFor(person.userId)}/messages`;
    assert.equal(embedOf(standIn.calls.filter((call) => call.method === 'PATCH' && call.path.startsWith(`${dm}/`)).at(-1)!.body).title, 'Scan of 127.0.0.1');
  } finally {
    await running.stop();
  }
});
