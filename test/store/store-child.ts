// A portbot-like process for the store's process tests: opens the store the environment names
// (PORTBOT_DATA_DIR or PORTBOT_DATABASE_URL, through the real config) and reports on stdout, one
// JSON line per event, so the parent can refuse it, kill it mid-write, or share a database with it.
//   node store-child.js hold            open, start one running job, wait to be killed
//   node store-child.js finish-loop     record large results one after another until killed
import { loadConfig } from '../../src/config.js';
import { openStore, storeLocation } from '../../src/store/index.js';
import { bigReport, newJob } from './fixtures.js';

const say = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

const mode = process.argv[2];
const opened = await openStore(storeLocation(loadConfig()), { heartbeatMs: 200, leaseMs: 5_000 });
if (!opened.ok) {
  say({ event: 'problem', code: opened.error.code, message: opened.error.message });
  process.exit(1);
}
const store = opened.value;
say({ event: 'open', pid: process.pid, instanceId: store.instanceId });

if (mode === 'hold') {
  const job = await store.createJob(newJob([`held-${String(process.pid)}`]));
  await store.markRunning(job.id, 100);
  say({ event: 'running', id: job.id });
  // Stays alive (the open store keeps no handle that does): until the parent kills it or closes stdin.
  process.stdin.resume();
  process.stdin.once('end', () => {
    void store.close().then(() => process.exit(0));
  });
} else if (mode === 'finish-loop') {
  const report = bigReport();
  for (;;) {
    const job = await store.createJob(newJob(['kill-target']));
    await store.markRunning(job.id, 4 * 65535);
    say({ event: 'finishing', id: job.id });
    await store.finishJob(job.id, report);
    say({ event: 'finished', id: job.id });
  }
} else {
  say({ event: 'problem', code: 'usage', message: `unknown mode ${String(mode)}` });
  process.exit(2);
}
