// One ping, the same for chat and the CLI (ScanService.ping): the scan policy decides exactly as for a scan (the
// allowlist on the resolved addresses, who may scan, the per-minute and running-scan limits), for
// the TCP ports discovery connects to; then host discovery runs on the checked addresses only.
// Exactly one audit entry however it ends.
import type { Problem } from '../errors.js';
import type { AuditEntry, AuditLog } from '../policy/audit.js';
import type { Requester, ScanPolicy } from '../policy/types.js';
import type { PingReport } from '../report/ping-reply.js';
import { DISCOVERY_PORTS } from '../scanner/discovery/index.js';
import type { discoverHosts } from '../scanner/discovery/index.js';
import type { PortProbe } from '../scanner/types.js';

export type Discoverer = typeof discoverHosts;

export interface PingFlowDependencies {
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly discover: Discoverer;
}

export interface PingRequest {
  readonly targets: string;
  /** The command as typed, for the audit trail. */
  readonly text: string;
}

export type PingOutcome = { readonly kind: 'report'; readonly report: PingReport } | { readonly kind: 'problem'; readonly problem: Problem };

/** What a ping touches, as the policy counts ports: the TCP ports discovery connects to (ICMP echo besides). */
export const PING_PROBES: readonly PortProbe[] = DISCOVERY_PORTS.map((port) => ({ port, protocol: 'tcp' }));

export async function runPing(deps: PingFlowDependencies, requester: Requester, request: PingRequest, signal?: AbortSignal): Promise<PingOutcome> {
  const started = Date.now();
  const base = { requester, command: 'ping', text: request.text, targets: request.targets.split(','), ports: DISCOVERY_PORTS.join(',') } as const;
  const record = (entry: Omit<AuditEntry, keyof typeof base | 'durationMs'>): void => deps.audit.record({ ...base, ...entry, durationMs: Date.now() - started });

  const grant = await deps.policy.authoriseScan(requester, request.targets, PING_PROBES);
  if (!grant.ok) {
    record({ decision: grant.error.kind === 'input' ? 'invalid' : 'refused', reason: grant.error.code });
    return { kind: 'problem', problem: grant.error };
  }
  const { addresses, otherAddresses = [], warnings = [] } = grant.value;
  const checked = addresses.map((address) => address.address);
  try {
    const statuses = await deps.discover(addresses, signal ? { signal } : {});
    const hosts = addresses.flatMap((address, index) => {
      const status = statuses[index];
      return status === undefined ? [] : [{ target: address.target, address: address.address, status }];
    });
    const cancelled = signal?.aborted === true;
    const up = hosts.filter((host) => host.status.state === 'up').length;
    record({ decision: cancelled ? 'cancelled' : 'allowed', addresses: checked, summary: { up, down: hosts.length - up } });
    const report: PingReport = {
      hosts,
      durationMs: Date.now() - started,
      cancelled,
      ...(otherAddresses.length > 0 ? { otherAddresses } : {}),
      ...(warnings.length > 0 ? { targetWarnings: warnings } : {}),
    };
    return { kind: 'report', report };
  } catch (error) {
    record({ decision: 'failed', addresses: checked, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    grant.value.release();
  }
}
