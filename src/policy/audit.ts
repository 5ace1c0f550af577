import type { Requester } from './types.js';

/** One audit line per command: who, what, which addresses, the decision and the outcome. */
export interface AuditEntry {
  readonly requester: Requester;
  readonly command: 'scan' | 'ping' | 'port' | 'help' | 'action' | 'history' | 'diff' | 'watch';
  readonly text: string;
  readonly targets?: readonly string[];
  readonly addresses?: readonly string[];
  readonly ports?: string;
  readonly decision: 'allowed' | 'refused' | 'invalid' | 'failed' | 'cancelled' | 'answered';
  readonly reason?: string;
  readonly durationMs: number;
  readonly summary?: Record<string, number>;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}
