// The scanner's vocabulary. States and reasons are nmap's words (`nmap --reason`), so people who
// know nmap read portbot's answers without a glossary.
import type { DetectedService } from './detect/types.js';

export type { DetectedService, Finding, FindingCode, TlsInfo } from './detect/types.js';

export type Protocol = 'tcp' | 'udp';

export type PortState = 'open' | 'closed' | 'filtered' | 'open|filtered';

export type PortReason =
  | 'syn-ack'
  | 'conn-refused'
  | 'no-response'
  | 'host-unreach'
  | 'net-unreach'
  | 'admin-prohibited'
  | 'port-unreach'
  | 'udp-response';

/** One port to probe. */
export interface PortProbe {
  readonly port: number;
  readonly protocol: Protocol;
}

export interface PortResult {
  readonly port: number;
  readonly protocol: Protocol;
  readonly state: PortState;
  readonly reason: PortReason;
  /** Service name (curated list, else IANA), or null when the port has none. */
  readonly service: string | null;
  /** Round-trip time of the answer that decided the state; null when nothing answered. */
  readonly rttMs: number | null;
  /** What answers on an open TCP port, when service detection ran (`services`) and learnt something. */
  readonly detected?: DetectedService;
}

/**
 * Results in port order. The scanner's lists (port-verdicts.ts) build each PortResult when it is
 * read, so a 65,535-port report holds no object per port; a plain array is one too.
 */
export interface PortResultList extends Iterable<PortResult> {
  readonly length: number;
  /** The result at `index` (0 to length - 1). */
  at(index: number): PortResult | undefined;
}

/**
 * An address the policy has checked. The scanner connects to exactly `address` (a literal) and
 * never resolves `target` again, so DNS rebinding has no window between check and use.
 */
export interface ScanAddress {
  /** The target as the user named it, normalised (hostname, or the address itself). */
  readonly target: string;
  /** IPv4 or IPv6 literal, without brackets or zone id. */
  readonly address: string;
  readonly family: 4 | 6;
}

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly open: number;
}

/**
 * How many sockets a scan may hold open right now. Read again before each new probe, so the
 * global socket cap can be re-shared as other scans start and finish.
 */
export interface ConcurrencyShare {
  current(): number;
}

/**
 * Names a port's registered service ("ssh" for 22/tcp), or null. The scanner knows no port
 * names of its own: the report layer hands it its namer (src/report/service-names.ts), which is
 * called only when a result is read, after the scan.
 */
export type ServiceNamer = (port: number, protocol: Protocol) => string | null;

export interface ScanOptions {
  readonly signal?: AbortSignal;
  /** Fills PortResult.service (and detection's registered name); without it every service is null. */
  readonly serviceNames?: ServiceNamer;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly concurrency?: ConcurrencyShare;
  /** Probe every open TCP port for what answers there (nmap -sV's idea, with portbot's own probes). */
  readonly services?: boolean;
  /**
   * Port-scan every address even when discovery finds it down (nmap -Pn). Without it, a scan of
   * several addresses discovers hosts first and port-scans only those that are up; a scan of one
   * address is always port-scanned.
   */
  readonly allHosts?: boolean;
  /**
   * Service detection decided after the port scan by its size (the chat's default): probe the open
   * TCP ports of the finished scan within this limit. Ignored when `services` is set.
   */
  readonly detectLimit?: DetectionLimit;
  /** Called when detection after the scan starts, with how many open ports it will probe. */
  readonly onDetect?: (ports: number) => void;
}

/** How many open TCP ports detection after a scan may probe, and what happens beyond that. */
export interface DetectionLimit {
  readonly maxPorts: number;
  /** 'skip': more open ports than maxPorts means none is probed; 'first': the first maxPorts are. */
  readonly whenMore: 'skip' | 'first';
}

/** What detection after a scan did: how many open TCP ports there were and how many it probed. */
export interface DetectionOutcome {
  readonly openPorts: number;
  readonly probed: number;
  readonly maxPorts: number;
}

/** nmap's host reasons: what proved a host up, or that nothing did. */
export type HostReason = 'syn-ack' | 'conn-refused' | 'echo-reply' | 'no-response';

export interface HostStatus {
  readonly state: 'up' | 'down';
  readonly reason: HostReason;
  /** Round-trip time of the answer that proved the host up (ms, 0.01 precision); null when down. */
  readonly latencyMs: number | null;
}

export type StateSummary = Partial<Record<PortState, number>>;

export interface HostReport {
  readonly target: string;
  readonly address: string;
  /**
   * Up or down, and why. scan() sets it on every host; optional only because reports made before
   * discovery existed (stored history, older agents) have none. A host found down has no ports.
   */
  readonly status?: HostStatus;
  /** Every scanned port, sorted by protocol then port. */
  readonly ports: PortResultList;
  readonly summary: StateSummary;
}

export interface ScanReport {
  readonly hosts: readonly HostReport[];
  readonly durationMs: number;
  /** True when the scan was stopped by its AbortSignal; `hosts` then holds what was finished. */
  readonly cancelled: boolean;
  /** Filled in above the scanner (the scan flow): further checked addresses of scanned names, not scanned. */
  readonly otherAddresses?: readonly ScanAddress[];
  /** Filled in above the scanner: lines about the targets as typed (e.g. a name mixing scripts). */
  readonly targetWarnings?: readonly string[];
  /** Set when detection was decided after the scan (`detectLimit`): whether it ran, or was skipped. */
  readonly detection?: DetectionOutcome;
}

/** What a protocol prober (TCP, UDP) gets from `scan` for one host. */
export interface HostProbeOptions {
  readonly signal?: AbortSignal;
  /** Names the results' services when they are read (ScanOptions.serviceNames); none: null. */
  readonly serviceNames?: ServiceNamer;
  readonly concurrency: ConcurrencyShare;
  /**
   * Called once per port, as soon as its state is final (drives progress reports). `index` is the
   * port's position in the prober's `ports`.
   */
  readonly onResult: (index: number, state: PortState) => void;
  /**
   * A round-trip time already measured to this host (its discovery answer), so the first timeouts
   * follow it instead of the 1 s default, as nmap seeds a host's timing from its ping: a host whose
   * every port drops probes then costs a few 100 ms timeouts, not a few seconds.
   */
  readonly initialRttMs?: number;
}

/**
 * Probes ports of one protocol on one checked address: `ports` are distinct and sorted. Resolves
 * with every port's result in port order (only the finished ones when the scan was stopped).
 */
export type HostProber = (
  address: ScanAddress,
  ports: readonly number[],
  options: HostProbeOptions,
) => Promise<PortResultList>;
