// A network lab made of Linux network namespaces, for tests and benchmarks that need real
// filtering (iptables DROP/REJECT, random loss) without touching the machine's own network.
//
// API
//   labSkipReason(): string | undefined
//       Why a lab cannot run here (not root, `ip`/`iptables` missing), or undefined. Tests pass it
//       as `{ skip }` so the reason is printed.
//   cleanupStaleLabs(prefix): void
//       Deletes namespaces `<prefix>-<pid>-*` left by processes that are gone (a killed test run),
//       killing whatever still runs inside them. createLab calls it first.
//   createLab({ prefix, hosts }): Lab
//       One scanning namespace `<prefix>-<pid>-s` and, per host, a namespace `<prefix>-<pid>-h<i>`
//       joined to the scanning one by its own veth pair on 10.231.<i+1>.0/24 (scanner side .1,
//       host side .2). Every address and route lives inside the lab namespaces: the root namespace
//       is never touched. Each host gets `iptables` rules (arguments after `iptables`, e.g.
//       ['-A', 'INPUT', '-p', 'tcp', '--dport', '81', '-j', 'DROP']) and TCP/UDP listeners
//       (test/lab/listener.ts: TCP accepts, UDP echoes each datagram back).
//   lab.scanner / lab.hosts[i].{ name, namespace, address }
//   lab.exec(namespace, command, args): string           run to completion, stdout (throws on failure)
//   lab.spawn(namespace, command, args, { quiet }): ChildProcess
//                                                         long-running; killed by destroy(); quiet drops its stderr
//   lab.destroy(): void                                   kills spawned processes, deletes namespaces;
//                                                         idempotent, also run on exit and SIGINT/SIGTERM.
// `prefix` keeps parallel users apart (TCP tests: 'pbt', UDP tests: 'pbu'); names include the pid
// so a concurrent run with the same prefix is never torn down by mistake.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LabHostSpec {
  readonly name: string;
  /** iptables argument lists applied inside the host's namespace, in order. */
  readonly iptables?: readonly (readonly string[])[];
  readonly tcpPorts?: readonly number[];
  readonly udpPorts?: readonly number[];
}

export interface LabHost {
  readonly name: string;
  readonly namespace: string;
  readonly address: string;
}

export interface Lab {
  /** Name of the scanning namespace. */
  readonly scanner: string;
  /** Host i sits at 10.231.<i+1>.2; the scanning namespace is .1 on that link. */
  readonly hosts: readonly LabHost[];
  host(name: string): LabHost;
  exec(namespace: string, command: string, args: readonly string[]): string;
  spawn(namespace: string, command: string, args: readonly string[], options?: { quiet?: boolean }): ChildProcess;
  destroy(): void;
}

const NETNS_DIR = '/var/run/netns';
const listenerScript = fileURLToPath(new URL('./listener.js', import.meta.url));

export function labSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'lab tests need root (network namespaces, iptables): skipped';
  for (const tool of ['ip', 'iptables']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      return `lab tests need \`${tool}\`: skipped (apt-get install iproute2 iptables)`;
    }
  }
  return undefined;
}

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function inNs(namespace: string, command: string, args: readonly string[]): string {
  return run('ip', ['netns', 'exec', namespace, command, ...args]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function deleteNamespace(namespace: string): void {
  try {
    // Processes keep a namespace's network alive after `ip netns del`; stop them first.
    const pids = run('ip', ['netns', 'pids', namespace]).split('\n').filter(Boolean);
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    run('ip', ['netns', 'del', namespace]);
  } catch {
    // already deleted
  }
}

export function cleanupStaleLabs(prefix: string): void {
  if (!existsSync(NETNS_DIR)) return;
  const pattern = new RegExp(`^${prefix}-(\\d+)-`);
  for (const namespace of readdirSync(NETNS_DIR)) {
    const pid = pattern.exec(namespace)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid ? false : !isAlive(Number(pid)))) deleteNamespace(namespace);
  }
}

const liveLabs = new Set<Lab>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const lab of liveLabs) lab.destroy();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const lab of liveLabs) lab.destroy();
      process.kill(process.pid, signal);
    });
  }
}

export function createLab(options: { prefix: string; hosts: readonly LabHostSpec[] }): Lab {
  const { prefix, hosts } = options;
  cleanupStaleLabs(prefix);
  installExitHooks();
  const base = `${prefix}-${process.pid}`;
  const scanner = `${base}-s`;
  const namespaces: string[] = [];
  const children: ChildProcess[] = [];
  let destroyed = false;

  const lab: Lab = {
    scanner,
    hosts: hosts.map((spec, index) => ({ name: spec.name, namespace: `${base}-h${index}`, address: `10.231.${index + 1}.2` })),
    host(name) {
      const found = lab.hosts.find((host) => host.name === name);
      if (found === undefined) throw new Error(`lab has no host named ${name}`);
      return found;
    },
    exec: inNs,
    spawn(namespace, command, args, options = {}) {
      const child = spawn('ip', ['netns', 'exec', namespace, command, ...args], { stdio: ['ignore', 'pipe', options.quiet === true ? 'ignore' : 'inherit'] });
      children.push(child);
      return child;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      liveLabs.delete(lab);
      for (const child of children) child.kill('SIGKILL');
      for (const namespace of namespaces) deleteNamespace(namespace);
    },
  };
  liveLabs.add(lab);

  try {
    const addNamespace = (namespace: string): void => {
      run('ip', ['netns', 'add', namespace]);
      namespaces.push(namespace);
      inNs(namespace, 'ip', ['link', 'set', 'lo', 'up']);
    };
    addNamespace(scanner);
    hosts.forEach((spec, index) => {
      const host = lab.hosts[index]!;
      addNamespace(host.namespace);
      // Both ends are created straight inside their namespaces: no device ever sits in the root one.
      const scanSide = `${prefix}${index}s`;
      const hostSide = `${prefix}${index}h`;
      run('ip', ['link', 'add', scanSide, 'netns', scanner, 'type', 'veth', 'peer', 'name', hostSide, 'netns', host.namespace]);
      inNs(scanner, 'ip', ['addr', 'add', `10.231.${index + 1}.1/24`, 'dev', scanSide]);
      inNs(scanner, 'ip', ['link', 'set', scanSide, 'up']);
      inNs(host.namespace, 'ip', ['addr', 'add', `${host.address}/24`, 'dev', hostSide]);
      inNs(host.namespace, 'ip', ['link', 'set', hostSide, 'up']);
      // The kernel rate-limits the ICMP errors REJECT sends (about one a second per peer after a
      // burst of six); lifted in lab hosts so every probe to a REJECT port gets its answer and
      // two scanners run back to back see the same thing.
      inNs(host.namespace, 'sysctl', ['-qw', 'net.ipv4.icmp_ratelimit=0']);
      for (const rule of spec.iptables ?? []) inNs(host.namespace, 'iptables', rule);
    });
  } catch (error) {
    lab.destroy();
    throw error;
  }
  return lab;
}

/** Starts listeners in a host's namespace and waits until every socket is bound. */
export async function startListeners(lab: Lab, host: LabHost, spec: Pick<LabHostSpec, 'tcpPorts' | 'udpPorts'>): Promise<void> {
  const args = [`tcp:${(spec.tcpPorts ?? []).join(',')}`, `udp:${(spec.udpPorts ?? []).join(',')}`];
  const child = lab.spawn(host.namespace, process.execPath, [listenerScript, ...args]);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lab listener in ${host.namespace} exited with ${String(code)}`)));
  });
}

/** createLab, then the listeners of every host. */
export async function createLabWithListeners(options: { prefix: string; hosts: readonly LabHostSpec[] }): Promise<Lab> {
  const lab = createLab(options);
  try {
    for (const [index, spec] of options.hosts.entries()) {
      if ((spec.tcpPorts?.length ?? 0) + (spec.udpPorts?.length ?? 0) > 0) await startListeners(lab, lab.hosts[index]!, spec);
    }
  } catch (error) {
    lab.destroy();
    throw error;
  }
  return lab;
}
