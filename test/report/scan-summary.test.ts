import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, hostLabel } from '../../src/report/scan-summary.js';

test('durations: two decimals under 1 s, one under 100 s, whole seconds above', () => {
  assert.equal(formatDuration(1234), '1.2 s');
  assert.equal(formatDuration(40), '0.04 s');
  assert.equal(formatDuration(123_456), '123 s');
});

test('a host typed as its address is not repeated', () => {
  assert.equal(hostLabel({ target: '10.0.0.5', address: '10.0.0.5' }), '10.0.0.5');
  assert.equal(hostLabel({ target: 'web-1', address: '10.0.0.5' }), 'web-1 (10.0.0.5)');
});
