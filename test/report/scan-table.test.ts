import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanTable } from '../../src/report/scan-table.js';
import { host, report, thousandPorts } from './fixtures.js';

test("the terminal table reads like nmap's: header, Not shown line, aligned columns", () => {
  const text = scanTable(report([host('web-1', '10.0.0.5', thousandPorts([22, 80]))], 2500));
  const lines = text.split('\n');
  assert.equal(lines[0], 'portbot scan report for web-1 (10.0.0.5)');
  assert.equal(lines[1], 'Not shown: 998 closed tcp ports (conn-refused)');
  assert.match(lines[2]!, /^PORT\s+STATE\s+SERVICE\s+REASON$/);
  assert.match(lines[3]!, /^22\/tcp\s+open\s+ssh\s+syn-ack$/);
  assert.match(lines[4]!, /^80\/tcp\s+open\s+\S+\s+syn-ack$/);
  assert.equal(lines[2]!.indexOf('STATE'), lines[3]!.indexOf('open'), 'columns line up');
  assert.match(text, /portbot done: 1 address scanned in 2\.5 seconds\n$/);
});

test('a cancelled scan has no "done" line and no note about it: the CLI says it once, on stderr', () => {
  const text = scanTable(report([host('a', '127.0.0.1', [])], 100, true));
  assert.doesNotMatch(text, /portbot done|cancel/);
  assert.match(scanTable(report([host('a', '127.0.0.1', [])], 100, false)), /portbot done: 1 address scanned in 0\.10 seconds\n$/);
});
