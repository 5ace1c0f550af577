// Table tests for the /port query matcher: numbers, names, questions, concepts, misspellings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemLine } from '../../src/errors.js';
import { explain } from '../../src/knowledge/explain.js';
import { concepts } from '../../src/knowledge/concepts/index.js';
import { curatedPorts } from '../../src/knowledge/ports/index.js';

/** query -> [port, source] or concept id. */
const answers: [query: string, expected: [number, 'curated' | 'iana' | 'unassigned'] | string][] = [
  ['3389', [3389, 'curated']],
  ['  22 ', [22, 'curated']],
  ['port 443', [443, 'curated']],
  ['port #8080', [8080, 'curated']],
  ['53/udp', [53, 'curated']],
  ['udp 161', [161, 'curated']],
  ['tcp port 80', [80, 'curated']],
  ['514', [514, 'curated']],
  ['44444', [44444, 'iana']],
  ['24', [24, 'iana']],
  ['40001', [40001, 'unassigned']],
  ['50000', [50000, 'unassigned']],
  ['65535', [65535, 'unassigned']],
  ['ssh', [22, 'curated']],
  ['SSH', [22, 'curated']],
  ['remote desktop', [3389, 'curated']],
  ['rdp', [3389, 'curated']],
  ['smtps', [465, 'curated']],
  ['smb', [445, 'curated']],
  ['postgres', [5432, 'curated']],
  ['ms-wbt-server', [3389, 'curated']],
  ['http-alt', [8080, 'curated']],
  ['gopher', [70, 'iana']],
  ['kerberos-adm', [749, 'iana']],
  ['what is port 22 for?', [22, 'curated']],
  ["what's port 23", [23, 'curated']],
  ['What is port 3389 used for?', [3389, 'curated']],
  ['what port does ssh use', [22, 'curated']],
  ['what is the ssh port?', [22, 'curated']],
  ['tell me about telnet', [23, 'curated']],
  ['who uses port 3389', [3389, 'curated']],
  ['what is a port', 'port'],
  ['What is a port?', 'port'],
  ['tcp', 'tcp'],
  ['What is TCP?', 'tcp'],
  ['udp', 'udp'],
  ['tcp vs udp', 'tcp-vs-udp'],
  ['TCP vs. UDP', 'tcp-vs-udp'],
  ['difference between tcp and udp', 'tcp-vs-udp'],
  ['open', 'open'],
  ['closed', 'closed'],
  ['filtered', 'filtered'],
  ['what does filtered mean?', 'filtered'],
  ['open|filtered', 'open-filtered'],
  ['what does open|filtered mean', 'open-filtered'],
  ['port scanner', 'port-scanner'],
  ['ping', 'ping'],
  ['explain ping', 'ping'],
  ['well-known ports', 'port-ranges'],
  ['Well known ports', 'port-ranges'],
  ['ephemeral ports', 'port-ranges'],
  ['syn-ack', 'handshake'],
  ['conn-refused', 'closed'],
  ['admin-prohibited', 'reason'],
];

for (const [query, expected] of answers) {
  test(`explain(${JSON.stringify(query)})`, () => {
    const result = explain(query);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    if (typeof expected === 'string') {
      assert.equal(result.value.kind, 'concept');
      assert.equal(result.value.kind === 'concept' ? result.value.id : '', expected);
    } else {
      assert.equal(result.value.kind, 'port');
      if (result.value.kind !== 'port') return;
      assert.deepEqual([result.value.port, result.value.source], expected);
    }
  });
}

/** query -> code and a pattern the one line (message, then the did-you-mean) must match. */
const problems: [query: string, code: string, message: RegExp][] = [
  ['sshh', 'unknown-topic', /No port or topic called "sshh"\. Did you mean "ssh"\?/],
  ['telent', 'unknown-topic', /Did you mean "telnet"\?/],
  ['remote destkop', 'unknown-topic', /Did you mean "remote desktop"\?/],
  ['what is fitered', 'unknown-topic', /Did you mean "filtered"\?/],
  ['tpc', 'unknown-topic', /Did you mean "tcp"\?/],
  ['shh', 'unknown-topic', /^No port or topic called "shh"\. Did you mean "ssh"\?$/],
  ['xyzzy plugh', 'unknown-topic', /No port or topic called "xyzzy plugh": ask about a port number \(3389\)/],
  ['', 'unknown-topic', /Nothing to explain/],
  ['   ?  ', 'unknown-topic', /Nothing to explain/],
  ['70000', 'invalid-ports', /There is no port 70000: port numbers run from 0 to 65535/],
  ['port 65536', 'invalid-ports', /from 0 to 65535/],
  ['-1', 'invalid-ports', /There is no port -1/],
  ['x'.repeat(500), 'unknown-topic', /No port or topic called "x{40}…"/],
];

for (const [query, code, message] of problems) {
  test(`explain(${JSON.stringify(query.slice(0, 20))}) is an InputProblem`, () => {
    const result = explain(query);
    assert.ok(!result.ok, 'should be refused');
    assert.equal(result.error.kind, 'input');
    assert.equal(result.error.code, code);
    assert.match(problemLine(result.error), message);
    assert.ok(!problemLine(result.error).includes('\n'), 'one line');
  });
}

test('every see-also of every entry and concept is itself answerable', () => {
  const queries = [...curatedPorts.flatMap((entry) => entry.seeAlso ?? []), ...concepts.flatMap((concept) => concept.seeAlso)];
  for (const query of queries) assert.ok(explain(query).ok, query);
});

test('every curated port and concept is found by its own names', () => {
  for (const entry of curatedPorts) {
    for (const name of [entry.service, ...(entry.aliases ?? [])]) {
      const result = explain(name);
      assert.ok(result.ok && result.value.kind === 'port', name);
      assert.equal(result.value.kind === 'port' ? result.value.service : '', entry.service, name);
    }
  }
  for (const concept of concepts) {
    for (const name of [concept.id, ...concept.aliases]) {
      const result = explain(name);
      assert.ok(result.ok && result.value.kind === 'concept' && result.value.id === concept.id, name);
    }
  }
});
