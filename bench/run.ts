// `npm run bench`: every case in bench/cases/, portbot and nmap side by side in the same run,
// medians of several runs and their ratio, printed as a table and saved in bench/results/.
// Options: --runs N (default 5), --only <case name>[,<case name>].
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLabWithListeners, type Lab } from '../test/lab/lab.js';
import type { BenchCase, BenchContext, BenchRow } from './case.js';
import { formatTable } from './table.js';

const here = new URL('./', import.meta.url);
const root = ((): URL => {
  for (let dir = new URL('../', here); dir.pathname !== '/'; dir = new URL('../', dir)) if (existsSync(new URL('package.json', dir))) return dir;
  throw new Error('bench: cannot find the project root');
})();

/** bin/portbot.js loads dist/; a bench compiled elsewhere (a private --outDir) runs its own build's CLI. */
const portbotCommand = here.href === new URL('dist/bench/', root).href
  ? [process.execPath, fileURLToPath(new URL('bin/portbot.js', root))]
  : [process.execPath, fileURLToPath(new URL('cli-entry.js', here))];

async function loadCases(): Promise<BenchCase[]> {
  const files = readdirSync(new URL('cases/', here)).filter((file) => file.endsWith('.js')).sort();
  const modules = await Promise.all(files.map((file) => import(new URL(`cases/${file}`, here).href) as Promise<{ benchCases?: BenchCase[] }>));
  return modules.flatMap((module) => module.benchCases ?? []);
}

function machine(): Record<string, string> {
  let nmap = 'not installed';
  try {
    nmap = execFileSync('nmap', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? nmap;
  } catch {
    // reported as not installed
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    nproc: String(cpus().length),
    kernel: release(),
    node: process.version,
    nmap,
    load: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs));
const only = values.only?.split(',');
const info = machine();
process.stderr.write(`portbot bench: ${Object.entries(info).map(([key, value]) => `${key} ${value}`).join('; ')}\n`);

const rows: (BenchRow & { case: string })[] = [];
const skipped: string[] = [];
for (const benchCase of await loadCases()) {
  if (only !== undefined && !only.includes(benchCase.name)) continue;
  const reason = benchCase.skipReason();
  if (reason !== undefined) {
    skipped.push(`${benchCase.name}: ${reason}`);
    process.stderr.write(`- ${benchCase.name}: skipped (${reason})\n`);
    continue;
  }
  process.stderr.write(`- ${benchCase.name} ...\n`);
  const labs: Lab[] = [];
  const context: BenchContext = {
    runs,
    portbotCommand,
    lab: async (prefix, hosts) => {
      const lab = await createLabWithListeners({ prefix, hosts });
      labs.push(lab);
      return lab;
    },
  };
  try {
    for (const row of await benchCase.run(context)) rows.push({ ...row, case: benchCase.name });
  } finally {
    for (const lab of labs) lab.destroy();
  }
}

const table = formatTable(rows);
process.stdout.write(`${table}\n`);
for (const line of skipped) process.stdout.write(`skipped: ${line}\n`);

const resultsDir = new URL('bench/results/', root);
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const document = { date: new Date().toISOString(), machine: info, runs, rows, skipped };
writeFileSync(new URL(`${stamp}.json`, resultsDir), `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(new URL('latest.txt', resultsDir), `${Object.entries(info).map(([key, value]) => `${key}: ${value}`).join('\n')}\n\n${table}\n`);
process.stderr.write(`results: bench/results/${stamp}.json\n`);
