// Run slots: the creation, then the schedule's times. The same in every process, computed from
// the stored watch alone, and right across daylight saving changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueSlot, nextSlot } from '../../src/watch/slots.js';

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | undefined): string | undefined => date?.toISOString();

test('intervals count from the anchor, whatever time it is asked', () => {
  const every = { kind: 'every', seconds: 1800 } as const;
  const anchor = at('2025-03-04T10:17:00.250Z');
  assert.equal(iso(nextSlot(every, anchor, anchor)), '2025-03-04T10:47:00.250Z');
  assert.equal(iso(nextSlot(every, anchor, at('2025-03-04T10:47:00.250Z'))), '2025-03-04T11:17:00.250Z');
  assert.equal(iso(nextSlot(every, anchor, at('2025-03-04T12:00:00Z'))), '2025-03-04T12:17:00.250Z');
  assert.equal(iso(nextSlot(every, anchor, at('2025-03-04T09:00:00Z'))), iso(anchor), 'before the anchor: the anchor');
  assert.equal(iso(dueSlot(every, anchor, at('2025-03-04T12:00:00Z'))), '2025-03-04T11:47:00.250Z');
  assert.equal(iso(dueSlot(every, anchor, at('2025-03-04T11:47:00.250Z'))), '2025-03-04T11:47:00.250Z', 'a slot is due at its own instant');
  assert.equal(dueSlot(every, anchor, at('2025-03-04T10:00:00Z')), undefined);
});

test('clock times follow the zone, across daylight saving', () => {
  const daily = { kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' } as const;
  const anchor = at('2025-03-28T12:00:00Z');
  // Berlin moves to summer time on 30 March 2025: 06:00 is 05:00Z before, 04:00Z after.
  assert.equal(iso(nextSlot(daily, anchor, anchor)), '2025-03-29T05:00:00.000Z');
  assert.equal(iso(nextSlot(daily, anchor, at('2025-03-29T05:00:00Z'))), '2025-03-30T04:00:00.000Z');
  assert.equal(iso(dueSlot(daily, anchor, at('2025-03-31T03:00:00Z'))), '2025-03-30T04:00:00.000Z');
  assert.equal(iso(dueSlot(daily, anchor, at('2025-03-28T20:00:00Z'))), iso(anchor), 'no clock time yet since creation: the anchor');
  const weekdays = { kind: 'weekdays', at: '09:30', timeZone: 'UTC' } as const;
  assert.equal(iso(nextSlot(weekdays, anchor, at('2025-03-28T13:00:00Z'))), '2025-03-31T09:30:00.000Z', 'Friday after 09:30: Monday');
  assert.equal(iso(dueSlot(weekdays, anchor, at('2025-03-30T12:00:00Z'))), '2025-03-28T12:00:00.000Z', 'the weekend: Friday\'s creation');
});
