#!/usr/bin/env node
// The published entry point. `npm ci` runs `prepare`, which compiles TypeScript into dist/ and
// bundles the CLI (scripts/bundle.js); this shim reads ./.env and runs that bundle, whose entry,
// adapters/main.ts, hands the CLI the adapter loader.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/portbot.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('portbot: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
// Operators keep tokens in ./.env (see .env.example); variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');
// The bundle of adapters/main.ts: it runs the CLI and sets process.exitCode before this resolves.
await import(bundle.href);
// A chat SDK that keeps a socket or timer alive after stop() must not keep a stopped bot running.
setTimeout(() => process.exit(), 2000).unref();
