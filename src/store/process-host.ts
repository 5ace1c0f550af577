// Whether a process that wrote a lock or owns a job still runs. A PID means something only on the
// host, and in the PID namespace, it came from: `processHost()` names both (hostname plus the
// namespace's inode), and a PID from anywhere else is never judged dead from here.
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

let cached: string | undefined;

export function processHost(): string {
  if (cached !== undefined) return cached;
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid'); // e.g. "pid:[4026531836]"
  } catch {
    // not Linux: the hostname alone
  }
  cached = namespace === '' ? hostname() : `${hostname()} ${namespace}`;
  return cached;
}

/** True while `pid` runs here (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
