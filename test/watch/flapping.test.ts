// The flapping rule on every history of changes up to ten comparisons long: each property of the
// rule written in src/watch/flapping.ts is checked on all 2,046 histories, not on a few examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FLAP_CHANGES, FLAP_RUNS, portVerdict, type PortVerdict } from '../../src/watch/flapping.js';

const WINDOW = FLAP_RUNS - 1;

function* histories(longest: number): Generator<boolean[]> {
  for (let length = 1; length <= longest; length++) {
    for (let bits = 0; bits < 1 << length; bits++) yield Array.from({ length }, (_, index) => ((bits >> index) & 1) === 1);
  }
}

/** The verdict after each comparison, as a watch would have announced them run by run. */
const verdicts = (history: readonly boolean[]): PortVerdict[] => history.map((_, index) => portVerdict(history.slice(0, index + 1)));

const changesInWindow = (history: readonly boolean[], index: number): number =>
  history.slice(Math.max(0, index - WINDOW + 1), index + 1).filter(Boolean).length;

test('examples: two changes are announced, the third within five runs is one summary, then silence, then steady', () => {
  assert.deepEqual(portVerdict([true]), { kind: 'change' });
  assert.deepEqual(portVerdict([false]), { kind: 'quiet' });
  assert.deepEqual(portVerdict([true, true]), { kind: 'change' }, 'opened, then closed by its owner: both announced');
  assert.deepEqual(portVerdict([true, true, true]), { kind: 'flapping', changes: 3, runs: 4 });
  assert.deepEqual(portVerdict([false, true, true, true]), { kind: 'flapping', changes: 3, runs: 5 });
  assert.deepEqual(portVerdict([true, true, true, true]), { kind: 'quiet' });
  assert.deepEqual(portVerdict([true, true, true, false, false, false]), { kind: 'quiet' });
  assert.deepEqual(portVerdict([true, true, true, false, false, false, false]), { kind: 'steady', runs: FLAP_RUNS });
  assert.deepEqual(portVerdict([true, false, false, false, true, false, false, false, true]), { kind: 'change' }, 'a change every five runs is not flapping');
});

test('every history up to ten comparisons keeps the rule', () => {
  let checked = 0;
  for (const history of histories(10)) {
    const said = verdicts(history);
    let flapping = false;
    said.forEach((verdict, index) => {
      const changed = history[index]!;
      const count = changesInWindow(history, index);
      const where = `${history.map(Number).join('')} @${index}`;
      switch (verdict.kind) {
        case 'change':
          assert.ok(changed && !flapping && count < FLAP_CHANGES, `change only when it changed and is not flapping: ${where}`);
          break;
        case 'flapping':
          assert.ok(changed && !flapping && count >= FLAP_CHANGES, `summary once, when the third change lands: ${where}`);
          assert.equal(verdict.changes, count);
          flapping = true;
          break;
        case 'steady':
          assert.ok(flapping && count === 0 && !changed, `steady only after a summary and a whole quiet window: ${where}`);
          flapping = false;
          break;
        case 'quiet':
          assert.ok(flapping || !changed, `a change outside flapping is never silent: ${where}`);
          if (flapping) assert.ok(count > 0, `a flapping port with a quiet window is announced steady: ${where}`);
          break;
      }
    });
    // However it flaps, no window of runs carries more than three changes or summaries (a "steady"
    // may precede them: the port held still for a whole window before it started again).
    for (let end = 0; end < said.length; end++) {
      const spoken = said.slice(Math.max(0, end - WINDOW + 1), end + 1).filter((verdict) => verdict.kind === 'change' || verdict.kind === 'flapping').length;
      assert.ok(spoken <= FLAP_CHANGES, `at most ${FLAP_CHANGES} announcements in ${FLAP_RUNS} runs: ${history.map(Number).join('')}`);
    }
    checked++;
  }
  assert.equal(checked, 2046);
});
