// `portbot port <query>`: the same explanation the chat gives, as text or JSON.
import { problemLine } from '../errors.js';
import { explain } from '../knowledge/index.js';
import type { AuditLog } from '../policy/audit.js';
import type { Requester } from '../policy/types.js';
import { explanationReply } from '../report/explanation-reply.js';
import { replyText } from '../report/reply-text.js';
import { EXIT, type TerminalStreams } from './terminal.js';

export function terminalPort(query: string, json: boolean, requester: Requester, audit: AuditLog, streams: TerminalStreams): number {
  const started = Date.now();
  const explanation = explain(query);
  audit.record({
    requester,
    command: 'port',
    text: `port ${query}`,
    decision: explanation.ok ? 'answered' : 'invalid',
    ...(explanation.ok ? {} : { reason: explanation.error.code }),
    durationMs: Date.now() - started,
  });
  if (!explanation.ok) {
    streams.stderr.write(`portbot: ${problemLine(explanation.error)}\n`);
    return EXIT.invalid;
  }
  streams.stdout.write(json ? `${JSON.stringify(explanation.value, null, 2)}\n` : replyText(explanationReply(explanation.value)));
  return EXIT.done;
}
