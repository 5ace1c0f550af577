// Applies the probe table's matches to an answer: the first match that fits names the service,
// and its templates fill product, version, info and facts from the answer's bytes.
import type { Fact, Field, Fields, ServiceMatch, Template } from './probe-types.js';
import { cleanText, utf8Of } from './sanitize.js';

/** What the probes learnt about a port before findings are judged. */
export interface Identified {
  readonly name: string;
  product?: string | undefined;
  version?: string | undefined;
  readonly info: string[];
  readonly facts: Map<Fact, string>;
}

/** Fills `$1`..`$9`; undefined when the template names groups and all of them are empty. */
function fill(template: Template, groups: RegExpExecArray | null): string | undefined {
  let named = false;
  let anyValue = false;
  const text = template.replace(/\$(\d)/g, (_, digit: string) => {
    named = true;
    const value = groups?.[Number(digit)] ?? '';
    if (value !== '') anyValue = true;
    return value;
  });
  if (named && !anyValue) return undefined;
  const clean = cleanText(utf8Of(text));
  return clean === '' ? undefined : clean;
}

function fieldValue(field: Field, reply: string, own: RegExpExecArray | null): string | undefined {
  if (typeof field === 'string') return fill(field, own);
  const found = field.from.exec(reply);
  if (found !== null) return fill(field.value, found);
  return field.otherwise;
}

/** Adds what `fields` find in `reply` to `into` (first value wins for product and version; info parts append). */
export function applyFields(into: Identified, fields: Fields, reply: string, own: RegExpExecArray | null): void {
  if (fields.product !== undefined) into.product ??= fieldValue(fields.product, reply, own);
  if (fields.version !== undefined) into.version ??= fieldValue(fields.version, reply, own);
  for (const part of fields.info ?? []) {
    const value = fieldValue(part, reply, own);
    if (value !== undefined && !into.info.includes(value)) into.info.push(value);
  }
  for (const [fact, field] of Object.entries(fields.facts ?? {}) as [Fact, Field][]) {
    const value = fieldValue(field, reply, own);
    if (value !== undefined) into.facts.set(fact, value);
  }
}

export interface MatchResult {
  readonly match: ServiceMatch;
  readonly identified: Identified;
}

/** The first of `matches` that fits `reply` on `port`, with its fields filled. */
export function matchReply(reply: string, port: number, matches: readonly ServiceMatch[]): MatchResult | undefined {
  for (const match of matches) {
    if (match.ports !== undefined && !match.ports.includes(port)) continue;
    const groups = match.pattern.exec(reply);
    if (groups === null) continue;
    const identified: Identified = { name: match.service, info: [], facts: new Map() };
    applyFields(identified, match, reply, groups);
    return { match, identified };
  }
  return undefined;
}
