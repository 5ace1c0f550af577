import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Reply } from '../../src/report/reply.js';
import { concepts } from '../../src/knowledge/concepts/index.js';
import { explain } from '../../src/knowledge/explain.js';
import { explanationReply } from '../../src/report/explanation-reply.js';

function replyFor(query: string): Reply {
  const result = explain(query);
  assert.ok(result.ok);
  return explanationReply(result.value);
}

const headings = (reply: Reply): string[] => reply.sections.map((section) => section.heading);

test('a risky curated port: warning tone, every section, related topics as explain actions', () => {
  const reply = replyFor('3389');
  assert.equal(reply.title, 'Port 3389 (TCP, UDP): Remote Desktop Protocol (RDP)');
  assert.match(reply.summary, /Windows computer's screen/);
  assert.equal(reply.tone, 'warning');
  assert.equal(reply.visibility, 'channel');
  assert.deepEqual(headings(reply), ['What it is', 'Used for', 'Security', 'Safer alternative', 'Source']);
  // The title names the service; the sections add the facts, each once.
  assert.equal(reply.sections[0]?.text, 'Service name ms-wbt-server. It uses both TCP and UDP. Range: registered (1024-49151).');
  assert.equal(reply.sections[4]?.text, "portbot's curated notes; IANA registers it under the same name (MS WBT Server).");
  assert.equal(replyFor('8000').sections.at(-1)?.text, "portbot's curated notes; IANA registers it as irdmi (iRDMI).");
  assert.deepEqual(reply.actions, [
    { kind: 'explain', label: 'Port 445', query: '445' },
    { kind: 'explain', label: 'Port 5900', query: '5900' },
  ]);
  assert.equal(reply.notes.length, 1);
  assert.deepEqual(reply.rows, []);
});

test('a safe curated port is informational and says which transport it uses', () => {
  const reply = replyFor('ssh');
  assert.equal(reply.tone, 'info');
  assert.equal(reply.title, 'Port 22 (TCP): Secure Shell (SSH)');
  assert.match(reply.sections[0]?.text ?? '', /It uses TCP only/);
  assert.deepEqual(reply.notes, []);
});

test('an IANA-only port is marked as the registry entry, and names its service once (in the title)', () => {
  const reply = replyFor('70');
  assert.equal(reply.title, 'Port 70 (TCP, UDP): gopher');
  assert.equal(reply.summary, "IANA's registry gives this port a name and nothing more; portbot has no notes of its own on it.");
  assert.deepEqual(headings(reply), ['What it is', 'Security', 'Source']);
  assert.match(reply.sections.at(-1)?.text ?? '', /^The IANA Service Name and Transport Protocol Port Number Registry/);
  const described = replyFor('9001');
  assert.equal(described.title, 'Port 9001 (TCP, UDP): etlservicemgr');
  assert.equal(described.summary, 'IANA\'s registry describes it as "ETL Service Manager"; portbot has no notes of its own on this port.');
  for (const query of ['70', '9001', '2024']) {
    const answer = replyFor(query);
    const name = answer.title.split(': ')[1] ?? '';
    const text = [answer.title, answer.summary, ...answer.sections.map((section) => section.text)].join('\n');
    assert.equal(text.split(name).length - 1, 1, `${query}: "${name}" once in\n${text}`);
  }
});

test('an unassigned port explains the ranges', () => {
  const reply = replyFor('50000');
  assert.equal(reply.title, 'Port 50000: unassigned');
  assert.match(reply.summary, /dynamic range \(49152-65535\), which IANA never assigns/);
  assert.ok(reply.actions.some((action) => action.kind === 'explain' && action.query === 'well-known ports'));
});

test('a concept: title, first sentence as the summary, the rest of its paragraph and the others as sections', () => {
  const reply = replyFor('open|filtered');
  assert.equal(reply.title, 'open|filtered (UDP)');
  assert.equal(reply.summary, 'open|filtered is a UDP answer meaning "no reply at all, so it is either open or filtered".');
  assert.deepEqual(headings(reply), ['What it is', 'In practice']);
  assert.match(reply.sections[0]?.text ?? '', /^UDP has no handshake/);
  assert.deepEqual(
    reply.actions.map((action) => (action.kind === 'explain' ? action.query : '')),
    ['udp', 'filtered', 'open'],
  );
});

test('every concept and port answer says each sentence once', () => {
  const sentences = (reply: Reply): string[] =>
    [reply.summary, ...reply.sections.map((section) => section.text), ...reply.notes].flatMap((text) => text.split(/(?<=[.!?])\s+(?=[A-Z"(])/));
  const queries = [...concepts.map((concept) => concept.id), '22', '3389', '70', '2024', '2222', '50000', '0', '22/udp', '8000'];
  for (const query of queries) {
    const seen = sentences(replyFor(query));
    assert.deepEqual(seen.filter((sentence, index) => seen.indexOf(sentence) !== index), [], query);
  }
});

test('replies are plain text: no markup, summary on one line', () => {
  for (const query of ['23', '443', 'tcp vs udp', 'ping', '44444', '0', '22/udp']) {
    const reply = replyFor(query);
    const text = [reply.title, reply.summary, ...reply.sections.flatMap((section) => [section.heading, section.text]), ...reply.notes].join('\n');
    assert.doesNotMatch(text, /[*_`<>]|\]\(/, query);
    assert.ok(!reply.summary.includes('\n'), query);
    assert.ok(reply.actions.length <= 3, query);
  }
});
