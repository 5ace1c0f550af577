import assert from 'node:assert/strict';
import { explain } from '../../src/knowledge/explain.js';
import type { ConceptExplanation, PortExplanation } from '../../src/knowledge/types.js';

/** explain() that must answer with a port. */
export function portAnswer(query: string): PortExplanation {
  const result = explain(query);
  assert.ok(result.ok, `"${query}" should be answered, got ${result.ok ? '' : result.error.message}`);
  assert.equal(result.value.kind, 'port', `"${query}" should be a port`);
  return result.value;
}

/** explain() that must answer with a concept. */
export function conceptAnswer(query: string): ConceptExplanation {
  const result = explain(query);
  assert.ok(result.ok, `"${query}" should be answered, got ${result.ok ? '' : result.error.message}`);
  assert.equal(result.value.kind, 'concept', `"${query}" should be a concept`);
  return result.value;
}

/** All the text of a port answer, for checks that do not care which field says it. */
export const allText = (answer: PortExplanation): string =>
  [answer.summary, answer.usedFor, answer.security, answer.saferAlternative].filter((text) => text !== undefined).join(' ');
