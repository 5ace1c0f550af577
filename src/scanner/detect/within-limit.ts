// Service detection decided after the port scan by its size: a chat answers a small result with
// what runs on each open port, but a block with hundreds of open ports would take minutes and
// touch every service, so above a limit it probes none (and the answer says how to ask) or only
// the first ones. Hosts run in parallel and split the scan's socket share between them.
import type { ConcurrencyShare, DetectionLimit, DetectionOutcome, HostReport, PortResult } from '../types.js';
import { DetectedPorts, openTcpPorts } from './detected-ports.js';
import { detectHostPorts, type DetectOptions } from './index.js';

export interface LimitedDetection {
  readonly hosts: HostReport[];
  readonly detection: DetectionOutcome;
}

/** The open TCP ports of each host to probe, in report order, at most `limit.maxPorts` of them in all. */
function portsToProbe(hosts: readonly HostReport[], limit: DetectionLimit): { readonly open: number; readonly chosen: PortResult[][] } {
  const open = hosts.map((host) => openTcpPorts(host.ports));
  const total = open.reduce((sum, ports) => sum + ports.length, 0);
  if (total > limit.maxPorts && limit.whenMore === 'skip') return { open: total, chosen: hosts.map(() => []) };
  let left = limit.maxPorts;
  const chosen = open.map((ports) => {
    const taken = ports.slice(0, Math.max(0, left));
    left -= taken.length;
    return taken;
  });
  return { open: total, chosen };
}

export async function detectWithinLimit(
  hosts: readonly HostReport[],
  limit: DetectionLimit,
  options: DetectOptions & { readonly onStart?: (ports: number) => void },
): Promise<LimitedDetection> {
  const { open, chosen } = portsToProbe(hosts, limit);
  const probed = chosen.reduce((sum, ports) => sum + ports.length, 0);
  const detection = { openPorts: open, probed, maxPorts: limit.maxPorts };
  if (probed === 0 || options.signal?.aborted === true) return { hosts: [...hosts], detection: { ...detection, probed: 0 } };
  options.onStart?.(probed);
  const allowance: ConcurrencyShare = options.concurrency ?? { current: () => 64 };
  let active = chosen.filter((ports) => ports.length > 0).length;
  const share: ConcurrencyShare = { current: () => Math.max(1, Math.floor(allowance.current() / Math.max(1, active))) };
  const detected = await Promise.all(
    hosts.map(async (host, index) => {
      const ports = chosen[index] ?? [];
      if (ports.length === 0) return host;
      try {
        const found = await detectHostPorts(host, ports, { ...options, concurrency: share });
        return found.size === 0 ? host : { ...host, ports: new DetectedPorts(host.ports, found) };
      } finally {
        active--;
      }
    }),
  );
  return { hosts: detected, detection };
}
