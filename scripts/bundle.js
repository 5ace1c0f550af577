// `npm run build`, second step: bundles the compiled CLI (dist/adapters/main.js) and the scanner
// thread into dist/bundle/, which bin/portbot.js runs. Loading some 200 separate ES modules (zod
// alone is over 90) took a quarter of a second and about 8 MB before a scan could start, and
// `portbot scan` is timed against nmap. Code splitting keeps one copy of each module however the
// adapters are imported later. The chat SDKs, pino and the queue (BullMQ, ioredis) stay outside:
// they load from node_modules, and only when used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start empty so no stale chunk outlives the build that made it.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { portbot: 'dist/adapters/main.js', 'scan-thread': 'dist/src/scanner/tcp/scan-thread.js', 'store-thread': 'dist/src/store/store-thread.js' },
  outdir: 'dist/bundle',
  // threaded-scan.js finds its worker as ./scan-thread.js beside itself, threaded-store.js finds
  // ./store-thread.js: every chunk and the entries therefore sit in this one folder.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // PGlite loads its WebAssembly from its package folder; pg, PGlite and BullMQ load only when asked for.
  external: ['pino', '@slack/bolt', 'discord.js', 'bullmq', 'ioredis', '@electric-sql/pglite', 'pg'],
  sourcemap: true,
  logLevel: 'warning',
});
