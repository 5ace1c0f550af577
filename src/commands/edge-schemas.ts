// zod at the edge: what adapters hand in (text typed by anyone, button payloads that travelled
// through a chat platform) is checked once here, before the router trusts any of it.
import { z } from 'zod';
import { inputProblem, PortbotError, type InputProblem } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { Requester } from '../policy/types.js';
import type { ReplyAction } from '../report/reply.js';

const MAX_COMMAND_LENGTH = 1000;
const id = z.string().min(1).max(200);

const requesterSchema = z.object({
  platform: z.enum(['slack', 'discord', 'console', 'cli']),
  userId: id,
  workspaceId: id.optional(),
  channelId: id.optional(),
  roleIds: z.array(id).max(500).optional(),
  botWorkspaceId: id.optional(),
  userName: z.string().max(200).optional(),
});

const label = z.string().max(100);
const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rescan'), label, command: z.string().min(1).max(MAX_COMMAND_LENGTH) }),
  z.object({ kind: z.literal('cancel'), label, scanId: z.string().regex(/^[a-z][0-9a-z]{4,11}$/) }),
  z.object({ kind: z.literal('explain'), label, query: z.string().min(1).max(200) }),
]);

/** A requester that does not fit is an adapter bug, not user input: it throws. */
export function checkRequester(requester: Requester): void {
  const parsed = requesterSchema.safeParse(requester);
  if (!parsed.success) throw new PortbotError('invalid-requester', `adapter sent a malformed requester: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
}

/** Strips control characters (terminal escapes, NULs) and bounds the length of typed text. */
export function checkCommandText(text: unknown): Result<string, InputProblem> {
  const parsed = z.string().safeParse(text);
  if (!parsed.success) return err(inputProblem('invalid-command', 'That message has no text; try /scan web-1 22,80,443, /port 22 or help.'));
  const clean = parsed.data
    // Whole escape sequences first (a pasted coloured line), so "[2J" does not linger as text.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
  if (clean.length > MAX_COMMAND_LENGTH) {
    return err(inputProblem('invalid-command', `That command is ${clean.length} characters long; keep it under ${MAX_COMMAND_LENGTH}, e.g. /scan web-1 22,80,443.`));
  }
  return ok(clean);
}

export function checkAction(action: unknown): Result<ReplyAction, InputProblem> {
  const parsed = actionSchema.safeParse(action);
  return parsed.success ? ok(parsed.data) : err(inputProblem('invalid-command', 'That button is no longer valid; run the command again.'));
}
