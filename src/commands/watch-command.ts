// /watch in chat and the console: the words after it are read with the operator's watch settings
// (PORTBOT_WATCH_MIN_INTERVAL, PORTBOT_TIMEZONE), then added, listed or stopped by the watch
// service. One audit entry per command; a new watch's baseline scan is audited as a scan too.
import type { Config } from '../config.js';
import type { AuditEntry } from '../policy/audit.js';
import type { Requester } from '../policy/types.js';
import type { HelpAudience } from '../report/help-reply.js';
import { noticeReply, problemReply } from '../report/problem-reply.js';
import type { Reply } from '../report/reply.js';
import { watchHelpReply } from '../report/watch-replies.js';
import { parseWatchCommand } from '../watch/watch-command.js';
import type { WatchCommands } from '../watch/watch-service.js';

export interface WatchCommandContext {
  /** Absent where nothing runs watches (a bot without a scheduler). */
  readonly watches: WatchCommands | undefined;
  readonly config: Config;
  readonly record: (entry: Pick<AuditEntry, 'command' | 'decision'> & { reason?: string }) => void;
}

export async function handleWatch(context: WatchCommandContext, words: readonly string[], typed: string, requester: Requester, audience: HelpAudience): Promise<Reply> {
  const parsed = parseWatchCommand(words, { minIntervalSeconds: context.config.PORTBOT_WATCH_MIN_INTERVAL, timeZone: context.config.PORTBOT_TIMEZONE }, audience);
  if (!parsed.ok) {
    context.record({ command: 'watch', decision: parsed.error.kind === 'input' ? 'invalid' : 'refused', reason: parsed.error.code });
    return problemReply(parsed.error);
  }
  const request = parsed.value;
  if (request.kind === 'watch-help') {
    context.record({ command: 'watch', decision: 'answered' });
    return watchHelpReply(audience);
  }
  const watches = context.watches;
  if (watches === undefined) {
    context.record({ command: 'watch', decision: 'refused', reason: 'watches-off' });
    return noticeReply('Watches are not running here', 'This portbot does not run watches; start the bot (portbot, or portbot console) to use /watch.', 'warning');
  }
  const reply = request.kind === 'watch' ? await watches.add(request, requester, typed) : request.kind === 'watch-list' ? await watches.list(requester) : await watches.stop(request.id, requester);
  context.record({ command: 'watch', decision: reply.tone === 'success' || reply.tone === 'info' ? 'answered' : 'refused', reason: request.kind });
  return reply;
}
