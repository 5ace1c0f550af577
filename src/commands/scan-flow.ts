// One scan, the same for chat and the CLI: port list -> policy -> scanner -> release, with exactly
// one audit entry however it ends. Rendering and progress display belong to the callers.
import type { Problem } from '../errors.js';
import { parsePortSpec } from '../request/ports.js';
import type { AuditEntry, AuditLog } from '../policy/audit.js';
import type { Requester, ScanGrant, ScanPolicy } from '../policy/types.js';
import { serviceNames } from '../report/service-names.js';
import type { scan as realScan } from '../scanner/scan.js';
import { stateTotals } from '../scanner/summary.js';
import type { PortProbe, ScanAddress, ScanProgress, ScanReport } from '../scanner/types.js';

export type Scanner = typeof realScan;

export interface ScanFlowDependencies {
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly scan: Scanner;
}

export interface ScanRequest {
  readonly targets: string;
  /** As typed; undefined means the common ports. */
  readonly ports: string | undefined;
  readonly udp: boolean;
  /** The command as typed, for the audit trail. */
  readonly text: string;
  /** Service detection on the open TCP ports (ScanOptions.services). */
  readonly services?: boolean;
  /** Port-scan every address without discovering first (ScanOptions.allHosts, nmap -Pn). */
  readonly allHosts?: boolean;
}

export interface ScanHooks {
  readonly signal?: AbortSignal;
  /** Called once the policy has granted the scan, before the first probe. */
  readonly onStart?: (addresses: readonly ScanAddress[], ports: readonly PortProbe[]) => void;
  readonly onProgress?: (progress: ScanProgress) => void;
}

export type ScanOutcome = { readonly kind: 'report'; readonly report: ScanReport } | { readonly kind: 'problem'; readonly problem: Problem };

export async function runScan(deps: ScanFlowDependencies, requester: Requester, request: ScanRequest, hooks: ScanHooks = {}): Promise<ScanOutcome> {
  const started = Date.now();
  const base = { requester, command: 'scan', text: request.text, targets: request.targets.split(','), ports: request.ports ?? 'common' } as const;
  const record = (entry: Omit<AuditEntry, keyof typeof base | 'durationMs'>): void => deps.audit.record({ ...base, ...entry, durationMs: Date.now() - started });

  const ports = parsePortSpec(request.ports ?? 'common', request.udp ? 'udp' : 'tcp');
  if (!ports.ok) {
    record({ decision: 'invalid', reason: ports.error.code });
    return { kind: 'problem', problem: ports.error };
  }
  const grant = await deps.policy.authoriseScan(requester, request.targets, ports.value);
  if (!grant.ok) {
    record({ decision: grant.error.kind === 'input' ? 'invalid' : 'refused', reason: grant.error.code });
    return { kind: 'problem', problem: grant.error };
  }
  const addresses = grant.value.addresses.map((address) => address.address);
  try {
    hooks.onStart?.(grant.value.addresses, ports.value);
    const options = {
      concurrency: grant.value.concurrency,
      serviceNames,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(request.services === true ? { services: true } : {}),
      ...(request.allHosts === true ? { allHosts: true } : {}),
    };
    const report = await deps.scan(grant.value.addresses, ports.value, options);
    record({ decision: report.cancelled ? 'cancelled' : 'allowed', addresses, summary: totals(report) });
    return { kind: 'report', report: withTargetNotes(report, grant.value) };
  } catch (error) {
    // A scanner that rejects on abort instead of resolving a partial report is still a cancel.
    if (hooks.signal?.aborted === true) {
      record({ decision: 'cancelled', addresses });
      return { kind: 'report', report: { hosts: [], durationMs: Date.now() - started, cancelled: true } };
    }
    record({ decision: 'failed', addresses, reason: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    grant.value.release();
  }
}

const totals = (report: ScanReport): Record<string, number> => Object.fromEntries(stateTotals(report.hosts));

/** The grant's other addresses and warnings ride on the report, so every answer can list them. */
function withTargetNotes(report: ScanReport, grant: ScanGrant): ScanReport {
  const others = grant.otherAddresses ?? [];
  const warnings = grant.warnings ?? [];
  return { ...report, ...(others.length > 0 ? { otherAddresses: others } : {}), ...(warnings.length > 0 ? { targetWarnings: warnings } : {}) };
}
