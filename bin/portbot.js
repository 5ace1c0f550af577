#!/usr/bin/env node
// The published entry point. `npm ci` runs `prepare`, which compiles TypeScript into dist/ and
// bundles the CLI (scripts/bundle.js); this shim reads ./.env (src/env-file.ts, the same reader
// `npm run discord:register` uses) and runs that bundle, whose entry, adapters/main.ts, hands the
// CLI the adapter loader.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/portbot.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('portbot: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
// Operators keep tokens in ./.env (see .env.example); variables already in the environment win.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- built JS without types: the cast says what it holds
const envFile = /** @type {{ loadDotEnv(): { ok: true } | { ok: false, error: string } }} */ (
  await import(new URL('../dist/src/env-file.js', import.meta.url).href)
);
const env = envFile.loadDotEnv();
if (!env.ok) {
  process.stderr.write(`portbot: ${env.error}\n`);
  process.exit(2);
}
// The bundle of adapters/main.ts: it runs the CLI and sets process.exitCode before this resolves.
await import(bundle.href);
// A chat SDK that keeps a socket or timer alive after stop() must not keep a stopped bot running.
setTimeout(() => process.exit(), 2000).unref();
