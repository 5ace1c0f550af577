// Service detection and /ping on Slack, end to end: real Bolt against the Web API stand-in, the
// real bot (real policy, real scanner and detection) and loopback servers with banners, some of
// them hostile. What Slack would parse in the message must hold nothing a server sent: no <!channel>
// or <@user>, no link, no bold or strike made of a banner, no control character.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBannerServers, type BannerServers } from '../banner-servers.js';
import { blockText, decode, finalMessages } from './answers.js';
import { realBot, startSlack } from './harness.js';
import { mentionEvent, sendSigned, slashCommand } from './requests.js';

const form = 'application/x-www-form-urlencoded';
const alice = { userId: 'U0ALICE', channelId: 'C0GENERAL' };
// eslint-disable-next-line no-control-regex -- looking for exactly those
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let servers: BannerServers;
before(async () => {
  servers = await startBannerServers();
});
after(() => servers.close());

/** Every string a message carries that Slack parses: block texts (raw, as sent) and the fallback. */
function parsedTexts(args: Record<string, unknown>): string[] {
  const blocks = Array.isArray(args['blocks']) ? (args['blocks'] as Record<string, unknown>[]) : [];
  return [...blocks.map(blockText), typeof args['text'] === 'string' ? args['text'] : ''];
}

test('a scan of servers with banners: what answered in VERSION, findings beside the port with :warning:, and every hostile word defused', { timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot);
  try {
    const ports = [servers.ftp, servers.ssh, servers.http, servers.tls].join(',');
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 ${ports}`, alice, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const [answer, ...extra] = finalMessages(slack.api.calls);
    assert.equal(extra.length, 0);
    const text = answer!.text;
    assert.match(text, /127\.0\.0\.1 is up \([\d.]+ ms latency\): 4 open/);
    assert.match(text, /PORT\s+STATE\s+SERVICE\s+REASON\s+VERSION/);
    assert.match(text, new RegExp(`${servers.ftp}/tcp\\s+open\\s+ftp\\s+syn-ack\\s+ProFTPD 1\\.3\\.8`));
    assert.ok(text.includes(`:warning: *${servers.ftp}/tcp ftp*: FTP login without encryption: passwords cross the network in clear text`), text);
    assert.ok(text.includes(`:warning: *${servers.tls}/tcp ssl/http*: Self-signed TLS certificate: no authority vouches for it`), text);
    assert.match(text, /• Login without encryption: Anyone on the path can read FTP usernames and passwords/);

    const post = slack.api.succeeded('chat.postMessage').at(-1)!;
    for (const raw of parsedTexts(post.args)) {
      // The only control sequence in the whole message is portbot's own "Requested by <@U0ALICE>".
      assert.deepEqual(raw.match(/<[^>]*>/g) ?? [], raw.startsWith('Requested by') ? [`<@${alice.userId}>`] : [], raw);
      assert.doesNotMatch(raw, CONTROL, raw);
      const outsideCode = raw.replace(/```[\s\S]*?```/g, '');
      assert.doesNotMatch(outsideCode, /https?:\/\//, `a link Slack could make: ${outsideCode}`);
      for (const mark of ['*bold*', '*pwn*', '_it_']) {
        assert.ok(!new RegExp(`(^|[^\\u200b])${mark.replace(/\*/g, '\\*')}`).test(outsideCode), `${mark} could be formatting: ${outsideCode}`);
      }
    }
    // The certificate's hostile subject is shown, defused, beside its port.
    assert.match(decode(text), /certificate CN=<!channel> \u200b\*bold\* @everyone \[x\]\(http:\u200b\/\/evil\.example\)/);
  } finally {
    await slack.stop();
  }
});

test('above PORTBOT_DETECT_MAX_PORTS the answer says detection was skipped and offers a Rescan with services', { timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot, { PORTBOT_DETECT_MAX_PORTS: '1' });
  try {
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 ${servers.ftp},${servers.tls}`, alice, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const [answer] = finalMessages(slack.api.calls);
    assert.match(answer!.text, /Service detection skipped: this scan found 2 open ports, more than the 1 portbot identifies by itself\. Add "services"/);
    assert.doesNotMatch(answer!.text, /VERSION/);
    const buttons = answer!.blocks.find((block) => block['type'] === 'actions')?.['elements'] as { value: string; text: { text: string } }[];
    assert.deepEqual(
      buttons.filter((button) => button.text.text === 'Rescan with services').map((button) => button.value),
      [`/scan 127.0.0.1 ${servers.ftp},${servers.tls} services`],
    );
  } finally {
    await slack.stop();
  }
});

test('/ping answers in the channel with up and latency; a mention works too; outside the allowlist it is refused privately', { timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot);
  try {
    const sent = await sendSigned(slack.port, slashCommand('/ping', '127.0.0.1', alice, slack.api.responseUrl('r1')), form);
    assert.match(sent.body, /Working on/, 'a ping is acknowledged like a scan: privately, at once');
    await slack.bot.until(1);
    const [pinged] = finalMessages(slack.api.calls);
    assert.equal(pinged?.private, false);
    assert.match(pinged.text, /Ping of 127\.0\.0\.1/);
    assert.match(pinged.text, /127\.0\.0\.1 is up \([\d.]+ ms latency\)\./);

    await sendSigned(slack.port, JSON.stringify(mentionEvent('<@UPORTBOT> ping 127.0.0.1', alice)), 'application/json');
    await slack.bot.until(2);
    assert.equal(finalMessages(slack.api.calls).filter((message) => /Ping of 127\.0\.0\.1/.test(message.text)).length, 2);

    await sendSigned(slack.port, slashCommand('/ping', '10.1.2.3', alice, slack.api.responseUrl('r3')), form);
    await slack.bot.until(3);
    const refused = finalMessages(slack.api.calls).at(-1)!;
    assert.equal(refused.private, true);
    assert.match(refused.text, /Ping refused/);
    assert.match(refused.text, /10\.1\.2\.3/);
  } finally {
    await slack.stop();
  }
});
