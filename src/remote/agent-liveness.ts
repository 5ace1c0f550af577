// Which agents of a zone are alive, by heartbeat keys with a TTL that Redis itself expires (so
// clocks of different machines never meet). Chosen over BullMQ's queue.getWorkers(), which lists
// connections by CLIENT LIST: that needs the `client` command a confined ACL user should not have,
// is disabled on some managed Redis services, and shows a connection that is open, not an agent
// that takes jobs (a stopping agent drops its key first).
import type { Redis } from 'ioredis';
import { agentKey, agentsKey } from './queue-keys.js';

/** What an agent announces about itself; shown to operators, never trusted for a decision. */
export interface AgentAnnouncement {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly concurrency: number;
  readonly startedAt: string;
}

export interface HeartbeatTiming {
  /** How often the key is renewed. */
  readonly everyMs: number;
  /** The key's TTL: an agent silent for this long counts as gone. */
  readonly ttlMs: number;
}

export const HEARTBEAT: HeartbeatTiming = { everyMs: 1000, ttlMs: 3000 };

export interface Heartbeat {
  /** Renews now and then every `everyMs`; failures go to `onError` and the next beat tries again. */
  start(): Promise<void>;
  /** Stops renewing and deletes the key: from now on the zone does not count this agent. */
  stop(): Promise<void>;
}

export function createHeartbeat(redis: Redis, zone: string, announcement: AgentAnnouncement, onError: (error: unknown) => void, timing: HeartbeatTiming = HEARTBEAT): Heartbeat {
  const key = agentKey(zone, announcement.id);
  const value = JSON.stringify(announcement);
  let timer: NodeJS.Timeout | undefined;
  const beat = async (): Promise<void> => {
    await redis.multi().set(key, value, 'PX', timing.ttlMs).sadd(agentsKey(zone), announcement.id).exec();
  };
  return {
    async start() {
      await beat();
      timer = setInterval(() => void beat().catch(onError), timing.everyMs);
    },
    async stop() {
      clearInterval(timer);
      await redis.multi().del(key).srem(agentsKey(zone), announcement.id).exec();
    },
  };
}

/** The agents of `zone` whose heartbeat is current; forgets ids whose key has expired. */
export async function liveAgents(redis: Redis, zone: string): Promise<AgentAnnouncement[]> {
  const ids = await redis.smembers(agentsKey(zone));
  if (ids.length === 0) return [];
  const values = await redis.mget(ids.map((id) => agentKey(zone, id)));
  const gone = ids.filter((_id, index) => values[index] === null);
  if (gone.length > 0) await redis.srem(agentsKey(zone), ...gone);
  return values.flatMap((value, index) => (value === null ? [] : [announcementOf(ids[index]!, value)]));
}

function announcementOf(id: string, value: string): AgentAnnouncement {
  try {
    const parsed = JSON.parse(value) as Partial<AgentAnnouncement>;
    return { id, host: String(parsed.host ?? '?'), pid: Number(parsed.pid ?? 0), concurrency: Number(parsed.concurrency ?? 0), startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return { id, host: '?', pid: 0, concurrency: 0, startedAt: '' };
  }
}
