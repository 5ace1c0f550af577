#!/usr/bin/env node
// The published entry point. `npm ci` runs `prepare`, which compiles TypeScript into dist/;
// this shim only loads the compiled CLI so `npx portbot ...` starts with plain node.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('portbot: not built yet; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
await import(cli.href);
