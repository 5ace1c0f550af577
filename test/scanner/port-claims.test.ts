import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localClaims, sharedClaimCounter, sharedClaims } from '../../src/scanner/tcp/port-claims.js';

const drain = (next: () => number | undefined): number[] => {
  const taken: number[] = [];
  for (let position = next(); position !== undefined; position = next()) taken.push(position);
  return taken;
};

test('local claims hand out every position once, in order, then nothing', () => {
  const claims = localClaims(4);
  assert.deepEqual(drain(() => claims.next()), [0, 1, 2, 3]);
  assert.equal(claims.exhausted, true);
  assert.equal(claims.next(), undefined);
  assert.equal(localClaims(0).next(), undefined);
});

test('claims sharing one counter split the positions between them without overlap or gaps', () => {
  const counter = sharedClaimCounter();
  const first = sharedClaims(counter, 10);
  const second = sharedClaims(counter, 10);
  const taken = [first.next(), second.next(), second.next(), first.next(), ...drain(() => first.next()), ...drain(() => second.next())];
  assert.deepEqual(taken, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.ok(first.exhausted && second.exhausted);
  assert.equal(second.next(), undefined);
});
