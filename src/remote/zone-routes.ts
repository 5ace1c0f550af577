// The bot's router over PORTBOT_ZONES: a request whose targets all lie in one zone goes to that
// zone's agents (a QueueExecutor each, over one queue client), with who may scan and how much
// decided here by the bot's policy; a request with no zone target runs here; a request that mixes
// zones, or a zone and this network, is one clear line (it would need two scans in two places).
import { inputProblem } from '../errors.js';
import type { CommandLog } from '../log.js';
import { shown } from '../policy/display.js';
import { parseTarget } from '../policy/target-parse.js';
import { matchNetwork } from '../policy/rules.js';
import type { ScanPolicy } from '../policy/types.js';
import type { Executor } from '../scan/executor.js';
import { LOCAL, type Route, type Router } from '../scan/route.js';
import type { QueueClient } from './queue-client.js';
import { createQueueExecutor, JOB_DEADLINE_MS } from './queue-executor.js';
import { typedTargetList, type Zone, type ZoneRouter } from './zones.js';

export interface ZoneRoutes {
  readonly route: Router;
  /** Closes the queue client, if a zone was ever scanned. */
  close(): Promise<void>;
}

export interface ZoneRoutesOptions {
  readonly zones: ZoneRouter;
  readonly policy: ScanPolicy;
  /** Opens the queue client (the caller imports BullMQ only now). */
  readonly openClient: () => Promise<QueueClient>;
  readonly jobDeadlineMs?: number;
  readonly logger?: CommandLog;
}

export function createZoneRoutes(options: ZoneRoutesOptions): ZoneRoutes {
  let client: Promise<QueueClient> | undefined;
  const openClient = (): Promise<QueueClient> => (client ??= options.openClient());
  const routes = new Map<string, Route>();
  const routeOf = (zone: Zone): Route => {
    let route = routes.get(zone.name);
    if (route === undefined) {
      const executor: Executor = createQueueExecutor({
        zone: zone.name,
        client: openClient,
        jobDeadlineMs: options.jobDeadlineMs ?? JOB_DEADLINE_MS,
        ...(zone.rules.networks.length === 0 ? {} : { inZone: (address: string) => inNetworks(zone, address) }),
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      });
      route = { kind: 'remote', zone: zone.name, executor, authorise: (...args) => options.policy.authoriseZoneScan(...args) };
      routes.set(zone.name, route);
    }
    return route;
  };

  const route: Router = (request) => {
    const targets = typedTargetList(request.targets);
    const places = new Map<string | null, string>();
    for (const target of targets) {
      const zone = options.zones.zoneFor(target);
      // Unreadable, or a block across a zone's edge: the line says which and what to do.
      if (!zone.ok) return { kind: 'invalid', problem: zone.error };
      if (!places.has(zone.value)) places.set(zone.value, target);
    }
    if (places.size === 1 && !places.has(null)) return routeOf(options.zones.zones.find((zone) => zone.name === [...places.keys()][0])!);
    if (places.size <= 1) return LOCAL;
    const where = [...places].map(([zone, target]) => `${shown(target)} ${zone === null ? 'is scanned here' : `is in zone ${zone}`}`);
    return { kind: 'invalid', problem: inputProblem('invalid-target', `${where.join(' and ')}: one scan runs in one place, so scan them separately`) };
  };

  return {
    route,
    async close() {
      const opened = await client?.catch(() => undefined);
      await opened?.close();
    },
  };
}

function inNetworks(zone: Zone, address: string): boolean {
  const parsed = parseTarget(address);
  return parsed.kind === 'address' && matchNetwork(zone.rules, parsed.ip) !== undefined;
}
