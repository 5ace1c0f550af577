// The agents' network lab: a target namespace, an agent namespace that reaches it (the lab's
// scanning side, where redis-server also runs), and a bot namespace joined only to the agent
// namespace, with no route to the target. Redis listens on the agent namespace's loopback (for
// agents) and on its side of the bot's link (for the bot); nothing touches the root namespace.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createLabWithListeners, labSkipReason, type Lab, type LabHost, type LabHostSpec } from '../lab/lab.js';
import { redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

export interface AgentLab {
  readonly lab: Lab;
  readonly target: LabHost;
  /** Namespace of the bot: linked to the agent namespace only. */
  readonly botNamespace: string;
  /** Namespace of the agents (the lab's scanning side). */
  readonly agentNamespace: string;
  readonly redis: RedisServer;
  /** Redis as the agents reach it, and as the bot reaches it. */
  readonly agentRedisUrl: string;
  readonly botRedisUrl: string;
  /**
   * Host names only the agent namespace resolves: `ip netns exec` bind-mounts /etc/netns/<ns>/hosts
   * over /etc/hosts, so `web-1.zone.test` is known inside the zone and nowhere else.
   */
  readonly zoneNames: Readonly<Record<string, string>>;
  destroy(): void;
}

export const agentLabSkipReason = (): string | undefined => labSkipReason() ?? redisSkipReason();

/** `target` is the host the zone's agents scan (at 10.231.1.2); the bot sits at 10.231.2.2. */
export async function createAgentLab(prefix: string, target: Omit<LabHostSpec, 'name'>): Promise<AgentLab> {
  // Host files of labs whose process was killed before it could remove them.
  if (existsSync('/etc/netns')) {
    for (const name of readdirSync('/etc/netns')) if (name.startsWith(`${prefix}-`) && !existsSync(`/var/run/netns/${name}`)) rmSync(`/etc/netns/${name}`, { recursive: true, force: true });
  }
  const lab = await createLabWithListeners({ prefix, hosts: [{ name: 'target', ...target }, { name: 'bot' }] });
  let redis: RedisServer | undefined;
  try {
    const bot = lab.host('bot');
    // The agent namespace's end of the bot link is .1 of the bot's /24.
    const botSide = bot.address.replace(/\.2$/, '.1');
    const zoneNames = { 'web-1.zone.test': lab.host('target').address };
    mkdirSync(`/etc/netns/${lab.scanner}`, { recursive: true });
    writeFileSync(`/etc/netns/${lab.scanner}/hosts`, `127.0.0.1 localhost\n${Object.entries(zoneNames).map(([name, address]) => `${address} ${name}`).join('\n')}\n`);
    redis = await startRedis({ namespace: lab.scanner, host: '127.0.0.1', alsoBind: [botSide], port: 6379 });
    const port = redis.port;
    return {
      lab,
      target: lab.host('target'),
      botNamespace: bot.namespace,
      agentNamespace: lab.scanner,
      redis,
      agentRedisUrl: `redis://127.0.0.1:${port}`,
      botRedisUrl: `redis://${botSide}:${port}`,
      zoneNames,
      destroy() {
        redis?.stop();
        lab.destroy();
        rmSync(`/etc/netns/${lab.scanner}`, { recursive: true, force: true });
      },
    };
  } catch (error) {
    redis?.stop();
    lab.destroy();
    rmSync(`/etc/netns/${lab.scanner}`, { recursive: true, force: true });
    throw error;
  }
}
