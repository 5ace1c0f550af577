// One schema: the committed migrations must be exactly what drizzle-kit generates from schema.ts.
// A schema change without `npm run store:generate` fails here, not on a user's database.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrationsFolder } from '../../src/store/migrations-folder.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const drizzleKit = join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');

test('the migrations match schema.ts', { skip: existsSync(drizzleKit) ? undefined : 'drizzle-kit is not installed (npm ci installs it)' }, () => {
  const copy = mkdtempSync(join(tmpdir(), 'portbot-migrations-'));
  try {
    cpSync(migrationsFolder(), copy, { recursive: true });
    const before = readdirSync(copy).sort();
    // drizzle-kit takes --out relative to the working directory.
    const output = execFileSync(process.execPath, [drizzleKit, 'generate', '--dialect', 'postgresql', '--schema', 'src/store/schema.ts', '--out', relative(root, copy)], { cwd: root, encoding: 'utf8' });
    assert.match(output, /No schema changes/, output);
    assert.deepEqual(readdirSync(copy).sort(), before);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
