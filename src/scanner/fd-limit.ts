// How many sockets this process may open. Node has no getrlimit(); on Linux the soft limit is in
// /proc/self/limits. Elsewhere assume the common default of 1024.
import { readFileSync } from 'node:fs';

const FALLBACK = 1024;
/** Descriptors left for everything else the process holds: stdio, logs, chat connections. */
const RESERVED = 128;

function softLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const value = line?.split(/\s{2,}/)[1];
    if (value === 'unlimited') return Number.MAX_SAFE_INTEGER;
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : FALLBACK;
  } catch {
    return FALLBACK;
  }
}

/** Most sockets one scan may hold at once, below the open-file limit. */
export const socketCeiling: number = Math.max(16, softLimit() - RESERVED);
