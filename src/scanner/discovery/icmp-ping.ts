// ICMP echo through the system's `ping` (iputils on Debian holds the raw-socket capability, so
// portbot needs none). Run with execFile and fixed arguments on an address literal the policy has
// checked: never a shell, never text a user typed. Where ping is missing or not permitted,
// discovery carries on with TCP alone (remembered for the rest of the process).
import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import type { Answer } from './tcp-ping.js';

let usable = true;

/** Whether ICMP echo can still be tried in this process. */
export const icmpUsable = (): boolean => usable;

const SUMMARY = /= ([\d.]+)\/([\d.]+)\/([\d.]+)\//;
const NOT_PERMITTED = /not permitted|permission denied|socket:|cap_net_raw/i;

/**
 * Sends echo requests every half second until one is answered or `timeoutMs` passes; resolves the
 * answer, or null. `signal` stops it early (another probe answered first).
 */
export function icmpPing(address: string, family: 4 | 6, timeoutMs: number, signal: AbortSignal): Promise<Answer | null> {
  if (!usable || isIP(address) !== family || signal.aborted) return Promise.resolve(null);
  const deadlineSeconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  const args = ['-n', '-q', `-${family}`, '-c', '1', '-i', '0.5', '-w', deadlineSeconds, '--', address];
  return new Promise((resolve) => {
    execFile('ping', args, { signal, timeout: timeoutMs + 500, env: { LC_ALL: 'C', PATH: process.env['PATH'] ?? '/usr/bin:/bin' } }, (error, stdout, stderr) => {
      if (error === null) {
        const summary = SUMMARY.exec(stdout);
        // The minimum: the other figures only add the host's and this machine's scheduling noise.
        return resolve(summary === null ? null : { reason: 'echo-reply', latencyMs: Math.round(Number(summary[1]) * 100) / 100 });
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || (error.code === 2 && NOT_PERMITTED.test(stderr))) usable = false;
      resolve(null);
    });
  });
}
