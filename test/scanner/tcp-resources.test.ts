// Out of descriptors (EMFILE) says nothing about a port: the prober backs off and retries, and
// still reports every port correctly. Run in a child process with a tiny `ulimit -n`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PortResult } from '../../src/scanner/types.js';
import { engines } from './helpers.js';

const script = fileURLToPath(new URL('./fixtures/scan-under-fd-limit.js', import.meta.url));

for (const { engine, skip } of engines) {
  test(`${engine} engine: EMFILE backs off and retries, never misreports`, { skip }, () => {
    const output = execFileSync('sh', ['-c', `ulimit -n 40 && exec "${process.execPath}" "${script}" ${engine}`], { encoding: 'utf8' });
    const { refused, open, results } = JSON.parse(output) as { refused: number; open: number[]; results: PortResult[] };
    assert.ok(refused > 0, 'the limit was low enough to make the kernel refuse sockets');
    assert.equal(results.length, 32);
    for (const result of results) assert.equal(result.state, open.includes(result.port) ? 'open' : 'closed', `port ${result.port}`);
  });
}
