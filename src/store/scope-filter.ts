// "Who sees what" as one SQL condition, used by every read that takes a Scope, so history, a job
// by id and the diff cannot disagree. A chat reader sees jobs of its own platform, workspace and
// channel, and of those the `requester` ones only when it asked them; the operator sees all.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { jobs } from './schema.js';
import type { Scope } from './types.js';

export function visibleIn(scope: Scope): SQL {
  if (scope.kind === 'operator') return sql`true`;
  return and(
    eq(jobs.platform, scope.platform),
    eq(jobs.workspaceId, scope.workspaceId),
    eq(jobs.channelId, scope.channelId),
    scope.channelOnly === true ? eq(jobs.visibility, 'channel') : or(eq(jobs.visibility, 'channel'), eq(jobs.userId, scope.userId)),
  )!;
}
