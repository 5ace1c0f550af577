// `portbot scan` without --save must stay as quick and small as before history existed: it never
// loads the store's code (Drizzle, PGlite's 27 MB of WebAssembly, pg). With --save it does. The
// real CLI process runs with loader hooks that log every module it resolves.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ENTRY } from './run-cli.js';

const hooks = new URL('./fixtures/register-module-log.js', import.meta.url);
const STORE_CODE = /\/src\/store\/(open-store|drizzle-store|embedded-store|postgres-store)\.js|\/node_modules\/(drizzle-orm|@electric-sql\/pglite|pg)\//;

async function modulesOf(args: readonly string[]): Promise<{ code: number | null; modules: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-modules-'));
  try {
    const log = join(dir, 'modules.log');
    const child = spawn(process.execPath, ['--import', hooks.href, ENTRY.pathname, ...args], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', PORTBOT_DATA_DIR: join(dir, 'data'), PORTBOT_TEST_MODULE_LOG: log },
      stdio: 'ignore',
    });
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, modules: readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('portbot scan loads no store code; with --save it does', { timeout: 60_000 }, async () => {
  const plain = await modulesOf(['scan', '127.0.0.1', '1']);
  assert.equal(plain.code, 0);
  assert.ok(plain.modules.some((url) => url.includes('/src/scan/scan-service.js')), 'the log works: the scan service was loaded');
  assert.deepEqual(plain.modules.filter((url) => STORE_CODE.test(url)), []);

  const saved = await modulesOf(['scan', '127.0.0.1', '1', '--save']);
  assert.equal(saved.code, 0);
  assert.ok(saved.modules.some((url) => STORE_CODE.test(url)), 'the control: --save loads the store');
});
