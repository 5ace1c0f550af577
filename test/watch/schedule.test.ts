// What people type as a watch schedule: the forms that work, one clear line for the rest, the
// operator's minimum interval, and the words portbot says back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemLine } from '../../src/errors.js';
import { durationWords, parseDuration, shortDuration } from '../../src/watch/duration.js';
import { cronPattern, parseSchedule, scheduleWords, type ScheduleSettings, type WatchSchedule } from '../../src/watch/schedule.js';
import { isTimeZone, runTimeText } from '../../src/watch/time-zone.js';

const settings: ScheduleSettings = { minIntervalSeconds: 900, timeZone: 'UTC' };
const labs: ScheduleSettings = { minIntervalSeconds: 2, timeZone: 'Europe/Berlin' };

const parsed = (text: string, with_ = settings): WatchSchedule => {
  const result = parseSchedule(text.split(' '), with_);
  assert.ok(result.ok, `"${text}" should parse: ${result.ok ? '' : problemLine(result.error)}`);
  return result.value;
};

const problem = (text: string, with_ = settings) => {
  const result = parseSchedule(text.split(' '), with_);
  assert.ok(!result.ok, `"${text}" should be refused`);
  return result.error;
};

test('durations: units, compounds and spaces; a bare number or an unknown unit is not a duration', () => {
  assert.equal(parseDuration('30m'), 1800);
  assert.equal(parseDuration('6h'), 21_600);
  assert.equal(parseDuration('1d'), 86_400);
  assert.equal(parseDuration('2s'), 2);
  assert.equal(parseDuration('1h30m'), 5400);
  assert.equal(parseDuration('90 minutes'), 5400);
  assert.equal(parseDuration('2 Hours'), 7200);
  for (const bad of ['15', '', 'm', '5 fortnights', '0m', '-5m', '1.5h', '1h 30']) assert.equal(parseDuration(bad), undefined, bad);
  assert.equal(shortDuration(900), '15m');
  assert.equal(shortDuration(5400), '1h30m');
  assert.equal(durationWords(5400), '1 hour 30 minutes');
  assert.equal(durationWords(1), '1 second');
  assert.equal(durationWords(172_800), '2 days');
});

test('intervals, hourly and daily are counted from the watch creation; clock times keep the zone they were set in', () => {
  assert.deepEqual(parsed('every 30m'), { kind: 'every', seconds: 1800 });
  assert.deepEqual(parsed('every 6h'), { kind: 'every', seconds: 21_600 });
  assert.deepEqual(parsed('every 1d'), { kind: 'every', seconds: 86_400 });
  assert.deepEqual(parsed('every hour'), { kind: 'every', seconds: 3600 });
  assert.deepEqual(parsed('Every 2 hours'), { kind: 'every', seconds: 7200 });
  assert.deepEqual(parsed('hourly'), { kind: 'every', seconds: 3600 });
  assert.deepEqual(parsed('daily'), { kind: 'every', seconds: 86_400 });
  assert.deepEqual(parsed('daily at 06:00'), { kind: 'daily', at: '06:00', timeZone: 'UTC' });
  assert.deepEqual(parsed('daily at 6:05', labs), { kind: 'daily', at: '06:05', timeZone: 'Europe/Berlin' });
  assert.deepEqual(parsed('every day at 23:59'), { kind: 'daily', at: '23:59', timeZone: 'UTC' });
  assert.deepEqual(parsed('weekdays at 09:30'), { kind: 'weekdays', at: '09:30', timeZone: 'UTC' });
  assert.deepEqual(parsed('on weekdays at 9:30'), { kind: 'weekdays', at: '09:30', timeZone: 'UTC' });
  assert.deepEqual(parsed('every 2s', labs), { kind: 'every', seconds: 2 });
  // A stored schedule survives JSON unchanged.
  const schedule = parsed('weekdays at 09:30');
  assert.deepEqual(JSON.parse(JSON.stringify(schedule)), schedule);
});

test('what is not a schedule gets one line with examples that work', () => {
  for (const text of ['every', 'every fortnight', 'daily at 25:00', 'daily at noon', 'weekly', 'every 15', 'at 06:00', '']) {
    const error = problem(text);
    assert.equal(error.kind, 'input');
    assert.match(error.message, /every 30m, every 6h, every 1d, hourly, daily at 06:00 or weekdays at 09:30\.$/);
    assert.ok(!error.message.includes('\n'));
  }
  assert.match(problem('every fortnight').message, /^Can't read the schedule "every fortnight"/);
  assert.match(problem('').message, /^No schedule given/);
});

test('more often than PORTBOT_WATCH_MIN_INTERVAL is refused with one line that says the minimum', () => {
  const error = problem('every 5m');
  assert.equal(error.kind, 'refusal');
  assert.equal(error.code, 'watch-too-frequent');
  assert.equal(error.message, 'Watches run at most every 15 minutes here (PORTBOT_WATCH_MIN_INTERVAL): write every 15m or longer.');
  assert.ok(parseSchedule(['every', '15m'], settings).ok);
  assert.equal(problem('every 1s', labs).message, 'Watches run at most every 2 seconds here (PORTBOT_WATCH_MIN_INTERVAL): write every 2s or longer.');
  // A clock time runs daily: refused only when the minimum is over a day.
  assert.equal(problem('daily at 06:00', { ...settings, minIntervalSeconds: 2 * 86_400 }).code, 'watch-too-frequent');
});

test('longer than 30 days is refused as a likely typo', () => {
  const error = problem('every 31d');
  assert.equal(error.kind, 'input');
  assert.match(error.message, /at least every 30 days/);
  assert.ok(parseSchedule(['every', '30d'], settings).ok);
});

test('schedules in words, and the croner patterns of clock times', () => {
  assert.equal(scheduleWords({ kind: 'every', seconds: 3600 }), 'every hour');
  assert.equal(scheduleWords({ kind: 'every', seconds: 86_400 }), 'every day');
  assert.equal(scheduleWords({ kind: 'every', seconds: 21_600 }), 'every 6 hours');
  assert.equal(scheduleWords({ kind: 'every', seconds: 5400 }), 'every 1 hour 30 minutes');
  assert.equal(scheduleWords({ kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' }), 'daily at 06:00 (Europe/Berlin)');
  assert.equal(scheduleWords({ kind: 'weekdays', at: '09:30', timeZone: 'UTC' }), 'weekdays at 09:30 (UTC)');
  assert.equal(cronPattern({ kind: 'daily', at: '06:05', timeZone: 'UTC' }), '0 5 6 * * *');
  assert.equal(cronPattern({ kind: 'weekdays', at: '09:30', timeZone: 'UTC' }), '0 30 9 * * 1-5');
});

test('time zones: IANA names and aliases pass, offsets and inventions do not; run times name their zone', () => {
  for (const name of ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) assert.ok(isTimeZone(name), name);
  for (const name of ['Mars/Base', '+05:00', '', 'Europe/', 'UTC; rm -rf']) assert.ok(!isTimeZone(name), name);
  assert.equal(runTimeText(new Date('2025-03-04T05:00:00Z'), 'Europe/Berlin'), 'Tue 4 Mar 06:00 CET');
  assert.equal(runTimeText(new Date('2025-07-04T05:00:00Z'), 'Europe/Berlin'), 'Fri 4 Jul 07:00 CEST');
  assert.equal(runTimeText(new Date('2025-03-04T18:00:00Z'), 'UTC'), 'Tue 4 Mar 18:00 UTC');
});
