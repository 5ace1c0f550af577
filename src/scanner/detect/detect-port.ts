// What answers on one open port: the probes of probes/index.ts in their order, each on its own
// connection (or the clean one a silent banner wait left), until one names the service or the
// port's deadline comes. TLS is a handshake, then the banner and HTTP probes again inside it.
import { ProbeConnection, type Answer } from './connection.js';
import { judge } from './findings.js';
import { matchReply, applyFields, type Identified, type MatchResult } from './match.js';
import type { BytesProbe, TlsProbe } from './probe-types.js';
import { bannerProbe, probeOrder } from './probes/index.js';
import { httpGet } from './probes/requests.js';
import { PortSession, type PortTarget } from './port-session.js';
import { tlsHandshake, type Handshake } from './tls-handshake.js';
import type { DetectTiming } from './timing.js';
import type { DetectedService } from './types.js';

export type { PortTarget } from './port-session.js';

interface Found {
  readonly identified: Identified;
  readonly tls?: Handshake;
}

/** A probe's own matches first, then the greetings: a banner that came late still names the service. */
const matchAny = (text: string, port: number, probe: BytesProbe): MatchResult | undefined =>
  matchReply(text, port, probe.matches) ?? (probe === bannerProbe ? undefined : matchReply(text, port, bannerProbe.matches));

/** Asks a match's follow-up on the same connection, when that connection is still clean enough to. */
async function followUp(session: PortSession, connection: ProbeConnection, result: MatchResult, answer: Answer): Promise<void> {
  const question = result.match.followUp;
  if (question === undefined || answer.ended || answer.capped || session.over) return;
  connection.send(question.payload);
  const until = question.until;
  const reply = await session.read(connection, session.timing.replyMs, until === undefined ? undefined : (text) => until.test(text));
  if (reply.text !== '') applyFields(result.identified, question, reply.text, null);
}

/** One bytes probe on `connection`: send (unless it only listens), read, match, follow up. 'silent': a listen heard nothing. */
async function exchange(session: PortSession, connection: ProbeConnection, probe: BytesProbe, firstByteMs: number): Promise<Found | 'silent' | undefined> {
  const { port } = session.target;
  if (probe.payload !== null) connection.send(probe.payload);
  const complete = probe.readToEnd === true ? undefined : (text: string): boolean => matchAny(text, port, probe) !== undefined;
  const answer = await session.read(connection, firstByteMs, complete);
  if (answer.text === '' && probe.payload === null && !answer.ended) return 'silent';
  const result = matchAny(answer.text, port, probe);
  if (result === undefined) {
    connection.close();
    return undefined;
  }
  // A greeting that answered our bytes instead of our silence has seen junk: no follow-up there.
  if (probe.matches.includes(result.match)) await followUp(session, connection, result, answer);
  if (result.match.upgradeToTls === true && !answer.ended && !session.over) {
    const tls = await tlsHandshake(session.target, Math.min(session.timing.replyMs, session.remainingMs), connection.detach());
    if (tls !== null) return { identified: result.identified, tls: session.track(closable(tls)) };
  }
  return { identified: result.identified };
}

const closable = (handshake: Handshake): Handshake & { close(): void } => ({ ...handshake, close: () => handshake.socket.destroy() });

const unknownInsideTls = (): Identified => ({ name: 'ssl', info: [], facts: new Map() });

/** A handshake, then what speaks inside: a greeting where one is usual, else HTTP. */
async function insideTls(session: PortSession, probe: TlsProbe): Promise<Found | undefined> {
  const plain = await session.connection();
  if (plain === null) return undefined;
  // The handshake owns the socket from here, and closes it when it fails.
  const handshake = await tlsHandshake(session.target, Math.min(session.timing.replyMs, session.remainingMs), plain.detach());
  if (handshake === null) return undefined;
  const inner = session.track(new ProbeConnection(handshake.socket, session.timing.maxReplyBytes));
  const { timing, target } = session;
  let found = probe.bannerFirst.includes(target.port) ? await exchange(session, inner, bannerProbe, timing.replyMs) : 'silent';
  if (found === 'silent' && !session.over) found = await exchange(session, inner, httpGet, timing.replyMs);
  return { identified: found === undefined || found === 'silent' ? unknownInsideTls() : found.identified, tls: handshake };
}

async function identify(session: PortSession): Promise<Found | undefined> {
  const { target, timing } = session;
  for (const [position, probe] of probeOrder(target.port).entries()) {
    if (session.over) return undefined;
    if (probe.kind === 'tls') {
      const found = await insideTls(session, probe);
      if (found !== undefined) return found;
      continue;
    }
    const connection = await session.connection();
    if (connection === null) return undefined;
    // The likely probe of a port (listed first) gets the full wait, a speculative banner wait a short one.
    const likely = position === 0 && probe.ports.includes(target.port);
    const found = await exchange(session, connection, probe, probe.payload === null && !likely ? timing.bannerMs : timing.replyMs);
    if (found === 'silent') session.keep(connection);
    else if (found !== undefined) return found;
  }
  return undefined;
}

function described(found: Found, target: PortTarget): DetectedService {
  const { identified, tls } = found;
  const context = { registered: target.registered, now: Date.now(), ...(tls?.nameMismatch === true && target.name !== undefined ? { mismatchedName: target.name } : {}) };
  return {
    name: identified.name,
    ...(identified.product === undefined ? {} : { product: identified.product }),
    ...(identified.version === undefined ? {} : { version: identified.version }),
    ...(identified.info.length === 0 ? {} : { info: identified.info.join('; ') }),
    ...(tls === undefined ? {} : { tls: tls.info }),
    findings: judge(identified, tls?.info, context),
  };
}

/** Identifies what answers on one open TCP port; undefined when no probe recognised it in time. */
export async function detectPort(target: PortTarget, timing: DetectTiming, signal?: AbortSignal): Promise<DetectedService | undefined> {
  const session = new PortSession(target, timing, signal);
  try {
    const found = await identify(session);
    return found === undefined ? undefined : described(found, target);
  } finally {
    session.closeAll();
  }
}
