import type { Config } from '../config.js';
import type { AuditLog } from '../policy/audit.js';
import type { ScanPolicy } from '../policy/types.js';
import type { Bot } from './types.js';

export interface BotDependencies {
  readonly config: Config;
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
}

/** The one bot every adapter talks to. STUB: replaced by the bot-core work. */
export function createBot(_deps: BotDependencies): Bot {
  throw new Error('createBot: not implemented yet');
}
