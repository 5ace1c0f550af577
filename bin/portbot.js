#!/usr/bin/env node
// The published entry point and composition root. `npm ci` runs `prepare`, which compiles
// TypeScript into dist/; this shim hands the compiled CLI the adapter loader, because src/ never
// imports adapters/ and the chat SDKs must load only when a bot really starts.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
const registry = new URL('../dist/adapters/registry.js', import.meta.url);
if (!existsSync(cli) || !existsSync(registry)) {
  process.stderr.write('portbot: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
// Operators keep tokens in ./.env (see .env.example); variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');
// Plain JS importing compiled output by URL has no types to check; src/cli.ts holds the contract.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-member-access */
const { runCli } = await import(cli.href);
// Even the registry loads only when a bot starts: `portbot scan` is timed against nmap.
const loadAdapters = async (names, context) => (await import(registry.href)).loadAdapters(names, context);
process.exitCode = await runCli(process.argv.slice(2), { loadAdapters });
/* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-member-access */
// A chat SDK that keeps a socket or timer alive after stop() must not keep a stopped bot running.
setTimeout(() => process.exit(), 2000).unref();
