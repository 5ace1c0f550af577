// Service detection and /ping on Discord, end to end: real discord.js against the stand-in, the
// real bot (real policy, real scanner and detection) and loopback servers with banners, some of
// them hostile. Nothing a server sent may ping anyone, become a link or markdown, or carry a
// control character; the slash-command options reach the bot as the words of the typed form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBot } from '../../../src/commands/bot.js';
import { loadConfig } from '../../../src/config.js';
import { testService } from '../../scan/test-service.js';
import { TONE_COLOUR } from '../../../adapters/discord/render.js';
import { memoryAudit } from '../../commands/fake-chat.js';
import { startBannerServers, type BannerServers } from '../banner-servers.js';
import { callsFor, embedOf, startDiscord, visibleAnswers, visibleText } from './harness.js';
import { booleanOption, slashCommand, stringOption } from './payloads.js';
import type { RecordedCall } from './stand-in-rest.js';

const person = { userId: '4300000000000000002' };
// eslint-disable-next-line no-control-regex -- looking for exactly those
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let servers: BannerServers;
before(async () => {
  servers = await startBannerServers();
});
after(() => servers.close());

function realBot(env: Record<string, string> = {}) {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000', ...env });
  return createBot({ config, service: testService(config), audit: memoryAudit() });
}

const finals = (calls: readonly RecordedCall[]): RecordedCall[] => visibleAnswers(calls).filter((call) => call.body.embeds?.[0]?.color !== TONE_COLOUR.progress);

async function command(name: string, options: Parameters<typeof slashCommand>[3], env: Record<string, string> = {}) {
  const bot = realBot(env);
  const running = await startDiscord(bot);
  try {
    const interaction = slashCommand(running.standIn.ids, person, name, options);
    running.standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    return { finals: finals(callsFor(running.standIn.calls, interaction.token)), text: running.bot.commands[0]?.text ?? '' };
  } finally {
    await running.stop();
    await bot.shutdown();
  }
}

test('a scan of servers with banners: VERSION, findings beside the port with ⚠️, and every hostile word defused', { timeout: 60_000 }, async () => {
  const ports = [servers.ftp, servers.ssh, servers.http, servers.tls].join(',');
  const { finals: [answer, ...extra] } = await command('scan', [stringOption('target', '127.0.0.1'), stringOption('ports', ports)]);
  assert.equal(extra.length, 0, 'one final answer');
  const { body } = answer!;
  assert.deepEqual(body.allowed_mentions, { parse: [], replied_user: false }, 'whatever the text says, nobody is pinged');
  const embed = embedOf(body);
  assert.match(embed.description ?? '', /127\\\.0\.0\.1 is up \([\d.]+ ms latency\): 4 open/);
  assert.match(embed.description ?? '', /PORT\s+STATE\s+SERVICE\s+REASON\s+VERSION/);
  assert.match(embed.description ?? '', new RegExp(`${servers.ftp}/tcp\\s+open\\s+ftp\\s+syn-ack\\s+ProFTPD 1\\.3\\.8`));
  const text = visibleText(body);
  assert.ok(text.includes(`⚠️ **${servers.ftp}/tcp ftp**: FTP login without encryption: passwords cross the network in clear text`), text);
  assert.ok(text.includes(`⚠️ **${servers.tls}/tcp ssl/http**: Self-signed TLS certificate: no authority vouches for it`), text);

  assert.doesNotMatch(text, CONTROL);
  // A mention Discord would parse: <@id>, <@&role>, @everyone, @here, each without the zero-width space.
  assert.doesNotMatch(text, /<@[!&]?\d|@(everyone|here)/, text);
  const outsideCode = text.replace(/```[\s\S]*?```/g, '');
  assert.doesNotMatch(outsideCode, /https?:\/\//, 'a bare link Discord would make');
  assert.doesNotMatch(outsideCode, /(^|[^\\])\[[^\]]*\]\(/, 'a masked link');
  assert.doesNotMatch(outsideCode, /(^|[^\\])\*bold\*|(^|[^\\])\*pwn\*/, 'markdown from a certificate');
  assert.match(outsideCode, /certificate CN=<!channel> \\\*bold\\\* @\u200beveryone \\\[x\]\(http:\u200b\/\/evil\.example\)/, 'shown, escaped');
});

test('the services and all-hosts options become the typed words; services=False skips detection', { timeout: 60_000 }, async () => {
  const asked = await command('scan', [stringOption('target', '127.0.0.1'), stringOption('ports', String(servers.ftp)), booleanOption('services', true), booleanOption('all-hosts', true)]);
  assert.equal(asked.text, `/scan 127.0.0.1 ${servers.ftp} services all-hosts`);
  assert.match(embedOf(asked.finals[0]!.body).description ?? '', /ProFTPD 1\.3\.8/);
  const refused = await command('scan', [stringOption('target', '127.0.0.1'), stringOption('ports', String(servers.ftp)), booleanOption('services', false)]);
  assert.equal(refused.text, `/scan 127.0.0.1 ${servers.ftp} no-services`);
  assert.doesNotMatch(visibleText(refused.finals[0]!.body), /VERSION|ProFTPD/);
});

test('above PORTBOT_DETECT_MAX_PORTS the answer says detection was skipped and how to ask for it', { timeout: 60_000 }, async () => {
  const { finals: [answer] } = await command('scan', [stringOption('target', '127.0.0.1'), stringOption('ports', `${servers.ftp},${servers.tls}`)], { PORTBOT_DETECT_MAX_PORTS: '1' });
  const text = visibleText(answer!.body);
  assert.match(text, /Service detection skipped: this scan found 2 open ports, more than the 1 portbot identifies by itself\. Add "services"/);
  const labels = (answer!.body.components ?? []).flatMap((row) => row.components.map((button) => button.label));
  assert.ok(labels.includes('Rescan with services'), labels.join(', '));
});

test('/ping: up with latency in the channel; outside the allowlist refused, only to the person who asked', { timeout: 60_000 }, async () => {
  const up = await command('ping', [stringOption('target', '127.0.0.1')]);
  assert.equal(up.text, '/ping 127.0.0.1');
  const [pinged] = up.finals;
  assert.equal((pinged!.body.flags ?? 0) & 64, 0);
  assert.equal(embedOf(pinged!.body).title, 'Ping of 127.0.0.1');
  assert.match(embedOf(pinged!.body).description ?? '', /127\\\.0\.0\.1 is up \([\d.]+ ms latency\)\./);

  const refused = await command('ping', [stringOption('target', '10.1.2.3')]);
  const [answer] = refused.finals;
  assert.equal((answer!.body.flags ?? 0) & 64, 64, 'a refusal is ephemeral');
  assert.equal(embedOf(answer!.body).title, 'Ping refused');
});
