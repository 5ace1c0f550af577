import type { Refusal, InputProblem } from '../errors.js';
import type { Result } from '../result.js';
import type { PortProbe, ScanAddress } from '../scanner/types.js';

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
  /** Display name when the platform gives one, kept in history lines only; never used to decide anything. */
  readonly userName?: string;
}

/**
 * Permission to run one scan: the checked addresses and the requester's slot. It holds no live
 * callback (the socket share belongs to the executor that runs the scan, src/scan/), so it can be
 * honoured by a scan that runs elsewhere. Call `release()` exactly once when the scan ends.
 */
export interface ScanGrant {
  readonly addresses: readonly ScanAddress[];
  /**
   * Further addresses of the named hosts: checked and allowed, but not scanned (like nmap, a name
   * is scanned on its first address). For "Other addresses for web-1 (not scanned): ...".
   */
  readonly otherAddresses?: readonly ScanAddress[];
  /** Lines for the answer about the targets as typed, e.g. a name whose letters mix scripts. */
  readonly warnings?: readonly string[];
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
  /**
   * The same decision for targets a zone's agents resolve and check themselves: who may scan, the
   * port and address counts, the slot and the rate. The grant carries no addresses.
   */
  authoriseZoneScan(requester: Requester, targets: string, ports: readonly PortProbe[]): Promise<Result<ScanGrant, Refusal | InputProblem>>;
  /** Lets go of shared limits' connection (Redis), if any. */
  close?(): Promise<void>;
}
