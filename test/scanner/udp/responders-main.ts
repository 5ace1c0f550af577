// Run inside a lab host namespace: `node responders-main.js dns:53 ntp:123 silent:514`.
// Prints "ready" once every socket is bound.
import { startDnsResponder } from './dns-responder.js';
import { startNtpResponder, startSilentListener } from './ntp-responder.js';

const starters = { dns: startDnsResponder, ntp: startNtpResponder, silent: startSilentListener } as const;

const bound = process.argv.slice(2).map((arg) => {
  const [kind = '', port = ''] = arg.split(':');
  const start = starters[kind as keyof typeof starters] as (typeof starters)[keyof typeof starters] | undefined;
  if (start === undefined) throw new Error(`unknown responder ${kind}`);
  return start(Number(port), '0.0.0.0');
});
await Promise.all(bound);
process.stdout.write('ready\n');
