// Rendering a Reply into a Discord message: Discord's limits hold for any size of result, a cut
// result says so and attaches everything, and untrusted text cannot ping, link or format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReplyRow } from '../../../src/report/reply.js';
import { EMBED_LIMITS, renderReply } from '../../../adapters/discord/render.js';
import { ActionCodec } from '../../../adapters/discord/render-actions.js';
import { escapeText } from '../../../adapters/discord/render-escape.js';
import { reply } from './scripted-bot.js';

function embedSize(embed: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0)
  );
}

function assertWithinLimits(message: ReturnType<typeof renderReply>): void {
  assert.equal(message.embeds.length, 1);
  const embed = message.embeds[0]!;
  assert.ok((embed.title?.length ?? 0) <= EMBED_LIMITS.title, 'title');
  assert.ok((embed.description?.length ?? 0) <= EMBED_LIMITS.description, 'description');
  assert.ok((embed.fields ?? []).length <= EMBED_LIMITS.fields, 'field count');
  for (const field of embed.fields ?? []) {
    assert.ok(field.name.length <= EMBED_LIMITS.fieldName, 'field name');
    assert.ok(field.value.length <= EMBED_LIMITS.fieldValue, `field value of ${field.value.length}`);
  }
  assert.ok(embedSize(embed) <= EMBED_LIMITS.total, `total ${embedSize(embed)}`);
  assert.ok(message.components.length <= 5);
  for (const row of message.components) assert.ok(row.components.length <= 5);
}

const everyPort: ReplyRow[] = Array.from({ length: 65_535 }, (_, index) => ({
  port: `${index + 1}/tcp`,
  state: 'open',
  service: `service-${index + 1}`,
  reason: 'syn-ack',
  note: `A note about port ${index + 1} that is long enough to fill fields quickly.`,
  warning: index % 2 === 0,
}));

test('a full 65,535-port result stays within every Discord limit, says how much it shows and attaches all of it', () => {
  const message = renderReply(reply({ rows: everyPort, attachment: { filename: 'scan-127.0.0.1.json', json: { ports: everyPort.length } } }), new ActionCodec());
  assertWithinLimits(message);
  const embed = message.embeds[0]!;
  const shown = (embed.description?.match(/^\d+\/tcp /gm) ?? []).length;
  assert.ok(shown > 10, `a useful number of rows is shown (${shown})`);
  assert.equal(embed.footer?.text, `Showing ${shown.toLocaleString('en-US')} of 65,535 ports; the full result is attached as scan-127.0.0.1.json.`);
  assert.equal(message.files.length, 1);
  assert.equal(message.files[0]!.name, 'scan-127.0.0.1.json');
  assert.deepEqual(JSON.parse(message.files[0]!.attachment.toString('utf8')), { ports: 65_535 });
  // Warning marks survive the cut: the notes of shown rows carry them.
  assert.match(embed.fields?.map((field) => field.value).join('\n') ?? '', /⚠️ \*\*1\/tcp service-1\*\*/);
});

test('a cut result without an attachment from the core still attaches the whole reply as JSON; progress attaches nothing', () => {
  const rows = everyPort.slice(0, 2000);
  const message = renderReply(reply({ rows }), new ActionCodec());
  assertWithinLimits(message);
  const attached = JSON.parse(message.files[0]!.attachment.toString('utf8')) as { rows: unknown[]; actions?: unknown };
  assert.equal(attached.rows.length, 2000);
  assert.equal(attached.actions, undefined);
  const progress = renderReply(reply({ rows, tone: 'progress' }), new ActionCodec(), { progress: true });
  assert.deepEqual(progress.files, []);
  assert.match(progress.embeds[0]!.footer?.text ?? '', /^Showing \d+ of 2,000 ports so far\.$/);
});

test('rows of several hosts get a HOST column, so the same port on two hosts is told apart', () => {
  const rows: ReplyRow[] = [
    { host: 'web-1 (10.0.0.5)', port: '22/tcp', state: 'open', service: 'ssh', reason: 'syn-ack' },
    { host: 'web-2 (10.0.0.6)', port: '22/tcp', state: 'closed', service: 'ssh', reason: 'conn-refused' },
  ];
  const description = renderReply(reply({ rows }), new ActionCodec()).embeds[0]!.description ?? '';
  assert.match(description, /^HOST\s+PORT\s+STATE\s+SERVICE\s+REASON$/m);
  assert.match(description, /^web-1 \(10\.0\.0\.5\)\s+22\/tcp\s+open\s+ssh\s+syn-ack$/m);
  assert.match(description, /^web-2 \(10\.0\.0\.6\)\s+22\/tcp\s+closed\s+ssh\s+conn-refused$/m);
});

test('a result too large to upload is not attached, and the footer says where to get all of it', () => {
  const huge = { blob: 'x'.repeat(10 * 1024 * 1024) };
  const message = renderReply(reply({ rows: everyPort, attachment: { filename: 'scan.json', json: huge } }), new ActionCodec());
  assertWithinLimits(message);
  assert.deepEqual(message.files, []);
  assert.match(message.embeds[0]!.footer?.text ?? '', /too large to attach.*--json/);
});

test('a small result is shown whole, with no footer and no file', () => {
  const message = renderReply(reply(), new ActionCodec());
  assert.equal(message.embeds[0]!.footer, undefined);
  assert.deepEqual(message.files, []);
  assert.deepEqual(message.allowedMentions, { parse: [], repliedUser: false });
});

test('long sections, many notes and 30 actions are packed into fields and button rows within the limits', () => {
  const message = renderReply(
    reply({
      sections: [{ heading: 'x'.repeat(400), text: Array.from({ length: 100 }, (_, i) => `line ${i} `.repeat(20)).join('\n') }],
      notes: Array.from({ length: 200 }, (_, i) => `note ${i}`),
      actions: Array.from({ length: 30 }, (_, i) => ({ kind: 'explain' as const, label: `Explain ${i} ${'y'.repeat(100)}`, query: String(i) })),
    }),
    new ActionCodec(),
  );
  assertWithinLimits(message);
  assert.equal(message.components.flatMap((row) => row.components).length, 25);
  assert.ok(message.components.flatMap((row) => row.components).every((button) => button.label !== undefined && button.label.length <= 80));
  assert.match(message.embeds[0]!.footer?.text ?? '', /did not fit/);
});

test('hostile text cannot ping, link, or format: mentions, @everyone, masked links and markdown are escaped', () => {
  const hostile = '@everyone <@123456789012345678> <@&42> <#99> [click here](https://evil.example) **bold** `code` > quote';
  const escaped = escapeText(hostile);
  assert.doesNotMatch(escaped, /@everyone/);
  assert.doesNotMatch(escaped, /<@\d/);
  assert.doesNotMatch(escaped, /<@&/);
  assert.doesNotMatch(escaped, /<#/);
  assert.doesNotMatch(escaped, /(?<!\\)\[click here\]\(/);
  assert.doesNotMatch(escaped, /(?<!\\)\*\*bold/);
  assert.doesNotMatch(escaped, /(?<!\\)`code/);
  assert.match(escapeText('> quoted'), /^\\>/);

  const message = renderReply(
    reply({
      title: `Scan of ${hostile}`,
      summary: hostile,
      rows: [{ port: '80/tcp', state: 'open', service: 'http```\n@here', reason: 'syn-ack', note: hostile }],
      notes: [hostile],
    }),
    new ActionCodec(),
  );
  const everything = JSON.stringify(message.embeds);
  assert.doesNotMatch(everything, /@everyone|@here/);
  assert.doesNotMatch(everything, /<@\d/);
  // The ports table stays one code block: a hostile service name cannot close it early.
  assert.equal(message.embeds[0]!.description?.match(/```/g)?.length, 2);
  assert.deepEqual(message.allowedMentions, { parse: [], repliedUser: false });
});

test('button custom ids stay within 100 characters and decode back to the same action, long ones included', () => {
  const codec = new ActionCodec();
  const long = { kind: 'rescan' as const, label: 'Rescan', command: `/scan ${Array.from({ length: 30 }, (_, i) => `host-${i}`).join(',')} 1-1024` };
  const short = { kind: 'cancel' as const, label: 'Cancel', scanId: 'abc' };
  const [row] = renderReply(reply({ actions: [long, short] }), codec).components;
  const ids = row!.components.map((button) => button.custom_id);
  assert.ok(ids.every((id) => id.length <= 100));
  assert.deepEqual(codec.decode(ids[0]!, 'Rescan'), long);
  assert.deepEqual(codec.decode(ids[1]!, 'Cancel'), short);
  assert.equal(codec.decode('someone-else:1', 'x'), null);
  assert.equal(new ActionCodec().decode(ids[0]!, 'Rescan'), null, 'a remembered action is not known to a fresh process');
});

const requested = (content: string) => ({ filename: 'portbot-web-1-s3k9p.xml', mimeType: 'application/xml', label: 'XML document', cliCommand: 'portbot scan web-1 --xml', content });

test('a requested file is attached even when nothing is cut, and the answer names it', () => {
  const message = renderReply(reply({ file: requested('<nmaprun/>') }), new ActionCodec());
  assert.deepEqual(message.files.map((file) => [file.name, file.attachment.toString()]), [['portbot-web-1-s3k9p.xml', '<nmaprun/>']]);
  assert.match(message.embeds[0]!.fields?.map((field) => field.value).join('\n') ?? '', /The XML document is attached as portbot-web-1-s3k9p\.xml \(10 bytes\)\./);
  assert.equal(renderReply(reply({ file: requested('<nmaprun/>') }), new ActionCodec(), { progress: true }).files.length, 0, 'progress carries no file');
});

test('a requested file over the upload cap is not attached; the cut JSON still goes when it fits beside the file', () => {
  const tooBig = renderReply(reply({ file: requested('x'.repeat(10 * 1024 * 1024)) }), new ActionCodec());
  assert.deepEqual(tooBig.files, []);
  assert.match(tooBig.embeds[0]!.fields?.map((field) => field.value).join('\n') ?? '', /too large to attach: Discord takes 10 MiB of files per message; the same file comes from "portbot scan web-1 --xml"/);
  const both = renderReply(reply({ rows: everyPort, attachment: { filename: 'scan.json', json: { ports: 1 } }, file: requested('<nmaprun/>') }), new ActionCodec());
  assertWithinLimits(both);
  assert.deepEqual(both.files.map((file) => file.name), ['portbot-web-1-s3k9p.xml', 'scan.json']);
});
