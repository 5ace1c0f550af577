// The UDP lab used by the lab test and the benchmark: one host behind a veth pair (from
// test/lab), with Linux's default ICMP rate limit, real DNS and NTP responders, an echo service,
// a silent listener, unbound ports and iptables DROP/REJECT rules. Scans run inside the lab's
// scanning namespace: portbot's prober (scan-main.js) and `nmap -sU` side by side.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLabWithListeners, type Lab, type LabHost } from '../../lab/lab.js';

export interface UdpLab {
  readonly lab: Lab;
  readonly host: LabHost;
}

export interface PortAnswer {
  readonly port: number;
  readonly state: string;
  readonly reason: string;
}

const responders = fileURLToPath(new URL('./responders-main.js', import.meta.url));
const scanMain = fileURLToPath(new URL('./scan-main.js', import.meta.url));

const reject = (port: number | string, how: string): string[] => ['-A', 'INPUT', '-p', 'udp', '--dport', String(port), '-j', 'REJECT', '--reject-with', how];

/** The lab's fixed services and filters; every other port has nothing bound (closed). */
export const LAB_PORTS = {
  dns: 53,
  ntp: 123,
  echo: 7,
  silent: 514,
  drop: [600, 601],
  portUnreachable: 610,
  adminProhibited: 611,
  hostProhibited: 612,
  /** ICMP codes 1 and 0: dropped by the kernel before a UDP socket sees them. */
  hostUnreachable: 613,
  netUnreachable: 614,
} as const;

/** What a lab port really is, in portbot's words (the lab is built that way); `dropped` adds DROP ports. */
export function labTruth(port: number, dropped: readonly number[] = []): string {
  if (([LAB_PORTS.echo, LAB_PORTS.dns, LAB_PORTS.ntp] as number[]).includes(port)) return 'open udp-response';
  if (port === LAB_PORTS.silent || dropped.includes(port) || (LAB_PORTS.drop as readonly number[]).includes(port)) return 'open|filtered no-response';
  if (port === LAB_PORTS.adminProhibited || port === LAB_PORTS.hostProhibited) return 'filtered admin-prohibited';
  // ICMP codes 1 and 0 never reach a connected UDP socket (src/scanner/udp/icmp-verdict.ts).
  if (port === LAB_PORTS.hostUnreachable || port === LAB_PORTS.netUnreachable) return 'open|filtered no-response';
  return 'closed port-unreach';
}

export const labRules = (): string[][] => [
  ['-A', 'INPUT', '-p', 'udp', '-m', 'multiport', '--dports', LAB_PORTS.drop.join(','), '-j', 'DROP'],
  reject(LAB_PORTS.portUnreachable, 'icmp-port-unreachable'),
  reject(LAB_PORTS.adminProhibited, 'icmp-admin-prohibited'),
  reject(LAB_PORTS.hostProhibited, 'icmp-host-prohibited'),
  reject(LAB_PORTS.hostUnreachable, 'icmp-host-unreachable'),
  reject(LAB_PORTS.netUnreachable, 'icmp-net-unreachable'),
];

/** `extraRules` come after the standard ones (e.g. DROP for a whole range). */
export async function createUdpLab(prefix: string, extraRules: readonly string[][] = []): Promise<UdpLab> {
  const lab = await createLabWithListeners({ prefix, hosts: [{ name: 'udp', udpPorts: [LAB_PORTS.echo], iptables: [...labRules(), ...extraRules] }] });
  try {
    const host = lab.host('udp');
    // test/lab lifts the ICMP rate limit in its hosts (TCP tests want every REJECT answered);
    // the UDP lab is about that limit, so its host gets the machine's own setting back.
    lab.exec(host.namespace, 'sysctl', ['-qw', `net.ipv4.icmp_ratelimit=${machineIcmpRatelimit()}`]);
    const child = lab.spawn(host.namespace, process.execPath, [responders, `dns:${LAB_PORTS.dns}`, `ntp:${LAB_PORTS.ntp}`, `silent:${LAB_PORTS.silent}`]);
    await new Promise<void>((resolve, rejectReady) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      });
      child.once('exit', (code) => rejectReady(new Error(`UDP responders exited with ${String(code)}`)));
    });
    return { lab, host };
  } catch (error) {
    lab.destroy();
    throw error;
  }
}

/** The root namespace's setting (Linux's default is 1000 ms), read, never written. */
export function machineIcmpRatelimit(): number {
  return Number(readFileSync('/proc/sys/net/ipv4/icmp_ratelimit', 'utf8').trim());
}

export function scanWithPortbot(udpLab: UdpLab, ports: readonly number[]): { durationMs: number; answers: PortAnswer[] } {
  const output = udpLab.lab.exec(udpLab.lab.scanner, process.execPath, [scanMain, udpLab.host.address, ports.join(',')]);
  const parsed = JSON.parse(output) as { durationMs: number; results: PortAnswer[] };
  return { durationMs: parsed.durationMs, answers: parsed.results.map(({ port, state, reason }) => ({ port, state, reason })) };
}

/** `nmap -sU -Pn -n --reason` from the scanning namespace, read from its XML output. */
export function scanWithNmap(udpLab: UdpLab, ports: readonly number[]): { durationMs: number; answers: PortAnswer[] } {
  const started = performance.now();
  const xml = udpLab.lab.exec(udpLab.lab.scanner, 'nmap', ['-sU', '-Pn', '-n', '--reason', '-p', ports.join(','), '-oX', '-', udpLab.host.address]);
  const durationMs = performance.now() - started;
  const answers: PortAnswer[] = [];
  for (const match of xml.matchAll(/<port protocol="udp" portid="(\d+)"><state state="([^"]+)" reason="([^"]+)"/g)) {
    answers.push({ port: Number(match[1]), state: match[2]!, reason: match[3]! });
  }
  // nmap lists only the ports it does not fold into <extraports>; those carry one state each.
  for (const block of xml.matchAll(/<extraports state="([^"]+)"[^>]*>([\s\S]*?)<\/extraports>/g)) {
    for (const reason of block[2]!.matchAll(/<extrareasons reason="([^"]+)"[^>]*ports="([^"]+)"/g)) {
      for (const port of expandPortList(reason[2]!)) answers.push({ port, state: block[1]!, reason: reason[1]! });
    }
  }
  return { durationMs, answers: answers.sort((a, b) => a.port - b.port) };
}

function expandPortList(list: string): number[] {
  return list.split(',').flatMap((item) => {
    const [from = '', to = from] = item.split('-');
    const ports: number[] = [];
    for (let port = Number(from); port <= Number(to); port++) ports.push(port);
    return ports;
  });
}
