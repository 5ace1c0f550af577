// Where a zone's work lives in Redis. BullMQ keeps a queue under `<prefix>:<queue>:*`; portbot's own
// keys (agent heartbeats, cancel requests) sit under `portbot:zone:<zone>:*`. Two patterns per
// zone and nothing else, so a Redis ACL user can confine an agent to its own zone (docs/agents.md).

/** BullMQ's key prefix for every portbot queue (BullMQ's default is `bull`). */
export const QUEUE_PREFIX = 'portbot';

/** A zone's name: it becomes part of Redis keys and queue names, so it is kept plain. */
export const ZONE_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const ZONE_NAME_HINT = 'lower-case letters, digits, - and _, at most 32 characters, e.g. dmz or office-2';

/** The BullMQ queue of a zone's scan jobs: keys `portbot:scan-<zone>:*`. */
export const queueName = (zone: string): string => `scan-${zone}`;

const zoneKey = (zone: string, ...parts: string[]): string => [QUEUE_PREFIX, 'zone', zone, ...parts].join(':');

/** Set of agent ids that announced themselves in the zone (members may have expired). */
export const agentsKey = (zone: string): string => zoneKey(zone, 'agents');

/** One agent's heartbeat, with a TTL: it exists exactly while the agent is alive and taking jobs. */
export const agentKey = (zone: string, agentId: string): string => zoneKey(zone, 'agent', agentId);

/** A cancel request for a job, set by the bot and watched by the agent running it. */
export const cancelKey = (zone: string, jobId: string): string => zoneKey(zone, 'cancel', jobId);

/** The key patterns of one zone, for the ACL lines in docs/agents.md and their test. */
export const zoneKeyPatterns = (zone: string): readonly string[] => [`${QUEUE_PREFIX}:${queueName(zone)}:*`, `${zoneKey(zone)}:*`];
