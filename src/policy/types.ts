import type { Refusal, InputProblem } from '../errors.js';
import type { Result } from '../result.js';
import type { ConcurrencyShare, PortProbe, ScanAddress } from '../scanner/types.js';

export type Platform = 'slack' | 'discord' | 'console' | 'cli';

/** Who asked, by platform ids (never display names: anyone can change those). */
export interface Requester {
  readonly platform: Platform;
  readonly userId: string;
  /** Slack workspace (team) id or Discord guild id. */
  readonly workspaceId?: string;
  readonly channelId?: string;
  /** Discord role ids of the member, when known. */
  readonly roleIds?: readonly string[];
  /**
   * Slack: the workspace the bot's own token belongs to (auth.test), set by the adapter, never
   * taken from a request; the default for PORTBOT_ALLOWED_WORKSPACES.
   */
  readonly botWorkspaceId?: string;
}

/** Permission to run one scan. Call `release()` exactly once when the scan ends, however it ends. */
export interface ScanGrant {
  readonly addresses: readonly ScanAddress[];
  /**
   * Further addresses of the named hosts: checked and allowed, but not scanned (like nmap, a name
   * is scanned on its first address). For "Other addresses for web-1 (not scanned): ...".
   */
  readonly otherAddresses?: readonly ScanAddress[];
  /** Lines for the answer about the targets as typed, e.g. a name whose letters mix scripts. */
  readonly warnings?: readonly string[];
  readonly concurrency: ConcurrencyShare;
  release(): void;
}

export interface ScanPolicy {
  /**
   * Normalises and resolves `targets` (comma-separated hosts, addresses, small CIDR blocks) once,
   * checks every resolved address against deny- and allowlists, the requester's authorisation
   * and the limits, and returns the exact addresses to scan.
   */
  authoriseScan(
    requester: Requester,
    targets: string,
    ports: readonly PortProbe[],
  ): Promise<Result<ScanGrant, Refusal | InputProblem>>;
}
