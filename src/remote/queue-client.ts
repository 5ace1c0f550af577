// The bot's side of the agents: `submit(zone, job)` puts a scan job on the zone's queue and
// returns its events, its one outcome and a cancel. It knows nothing of the scan service: part of
// the scan path wraps it as the executor for zones (a QueueExecutor), translating events as data.
import { Redis } from 'ioredis';
import { liveAgents, type AgentAnnouncement } from './agent-liveness.js';
import { ZONE_NAME, ZONE_NAME_HINT } from './queue-keys.js';
import { redisOptions } from './redis-options.js';
import type { RemoteEvent } from './remote-outcome.js';
import { CLIENT_TIMING, submitScan, type ClientTiming, type ScanJobRequest, type SubmittedScan } from './submitted-scan.js';
import { openZoneLink, type ZoneLink } from './zone-link.js';

export type { ClientTiming, ScanJobRequest, SubmittedScan } from './submitted-scan.js';
export type { RemoteEvent, RemoteOutcome } from './remote-outcome.js';

export interface QueueClientOptions {
  /** PORTBOT_REDIS_URL. */
  readonly redisUrl: string;
  readonly timing?: Partial<ClientTiming>;
  /** Connection trouble (Redis restarting, say); jobs still end with one outcome. */
  readonly onError?: (error: Error) => void;
}

export interface QueueClient {
  /**
   * Queues `job` for `zone` (a zone name of PORTBOT_ZONES) and watches it. `onEvent` gets
   * `queued`, the agent's `started` and `progress`, and `restarted` if its agent was lost.
   */
  submit(zone: string, job: ScanJobRequest, onEvent?: (event: RemoteEvent) => void): SubmittedScan;
  /** The zone's agents whose heartbeat is current. */
  liveAgents(zone: string): Promise<readonly AgentAnnouncement[]>;
  /** Closes every connection; outcomes still pending are not delivered after this. */
  close(): Promise<void>;
}

/** Throws a PortbotError ('invalid-config') when the URL cannot be read; connects on first use. */
export function createQueueClient(options: QueueClientOptions): QueueClient {
  const endpoint = redisOptions(options.redisUrl);
  const timing = { ...CLIENT_TIMING, ...options.timing };
  const onError = options.onError ?? ((): void => undefined);
  // Fails a command after a couple of reconnection tries instead of queueing it forever: the
  // callers' own bounds decide how long to keep trying.
  const redis = new Redis({ ...endpoint, maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on('error', onError);
  const links = new Map<string, Promise<ZoneLink>>();
  const linkFor = (zone: string): Promise<ZoneLink> => {
    let link = links.get(zone);
    if (link === undefined) links.set(zone, (link = Promise.resolve(openZoneLink(zone, endpoint, onError))));
    return link;
  };

  return {
    submit(zone, job, onEvent = () => undefined) {
      if (!ZONE_NAME.test(zone)) throw new TypeError(`zone "${zone}" is not a zone name (${ZONE_NAME_HINT})`);
      return submitScan({ zone, link: () => linkFor(zone), redis, timing, onEvent }, job);
    },
    liveAgents: (zone) => liveAgents(redis, zone),
    async close() {
      const opened = await Promise.all(links.values());
      links.clear();
      await Promise.allSettled(opened.map((link) => link.close()));
      redis.disconnect();
    },
  };
}
