import { inputProblem, type InputProblem } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { closestMatch } from './did-you-mean.js';
import { conceptNamed, curatedNamed, topicVocabulary } from './curated.js';
import type { Concept } from './concepts/index.js';
import { ianaPortsNamed } from './iana.js';
import { explainPort } from './port-explanation.js';
import { parseQuery, withoutFiller } from './query.js';
import { MAX_PORT } from './ranges.js';
import type { ConceptExplanation, Explanation } from './types.js';

const HOW_TO_ASK = 'ask about a port number (3389), a service (ssh, remote desktop) or a concept (tcp vs udp, filtered)';

const conceptExplanation = (concept: Concept): ConceptExplanation => ({
  kind: 'concept',
  id: concept.id,
  title: concept.title,
  text: concept.text,
  seeAlso: concept.seeAlso,
});

function byName(subject: string): Explanation | undefined {
  for (const candidate of [subject, withoutFiller(subject)]) {
    if (candidate === '') continue;
    const concept = conceptNamed(candidate);
    if (concept !== undefined) return conceptExplanation(concept);
    const [entry] = curatedNamed(candidate);
    if (entry !== undefined) return explainPort(entry.port, entry.transports[0]);
    // Rare services by their registry name: "gopher", "kerberos-adm".
    const registered = ianaPortsNamed(candidate.replace(/ /g, '-'));
    const first = registered.find((row) => row.protocol === 'tcp') ?? registered[0];
    if (first !== undefined) return explainPort(first.port);
  }
  return undefined;
}

/**
 * Answers a `/port` query: a number ("3389"), a service or common words ("ssh", "remote desktop"),
 * a question ("what is port 22 for?") or a concept ("tcp vs udp", "filtered"). Close misspellings
 * get an InputProblem with a did-you-mean.
 */
export function explain(query: string): Result<Explanation, InputProblem> {
  const { full, subject, port } = parseQuery(query);
  if (full === '') return err(inputProblem('unknown-topic', `Nothing to explain: ${HOW_TO_ASK}.`));
  const whole = conceptNamed(full);
  if (whole !== undefined) return ok(conceptExplanation(whole));
  if (port !== undefined) {
    if (port.port < 0 || port.port > MAX_PORT) {
      return err(inputProblem('invalid-ports', `There is no port ${port.port}: port numbers run from 0 to ${MAX_PORT} (e.g. 3389).`));
    }
    return ok(explainPort(port.port, port.protocol));
  }
  const found = byName(subject);
  if (found !== undefined) return ok(found);
  const shown = subject.length > 40 ? `${subject.slice(0, 40)}…` : subject;
  const suggestion = closestMatch(withoutFiller(subject), topicVocabulary());
  if (suggestion === undefined) return err(inputProblem('unknown-topic', `No port or topic called "${shown}": ${HOW_TO_ASK}.`));
  return err(inputProblem('unknown-topic', `No port or topic called "${shown}".`, suggestion));
}
