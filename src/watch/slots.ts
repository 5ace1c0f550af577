// The run slots of a watch: its creation (the anchor, when the baseline runs), then every time its
// schedule names after that. Slots are the same in every process that reads the same watch, so a
// slot names one run: the lease takes it once, however many bot processes share the database.
// Clock times come from croner (time zones and daylight saving); intervals are plain arithmetic.
import { Cron } from 'croner';
import { PortbotError } from '../errors.js';
import { cronPattern, type WatchSchedule } from './schedule.js';

type ClockSchedule = Exclude<WatchSchedule, { kind: 'every' }>;

/** Pattern evaluators by pattern and zone; a Cron made without a function schedules nothing. */
const evaluators = new Map<string, Cron>();

function evaluator(schedule: ClockSchedule): Cron {
  const pattern = cronPattern(schedule);
  const key = `${pattern} ${schedule.timeZone}`;
  let cron = evaluators.get(key);
  if (cron === undefined) {
    cron = new Cron(pattern, { timezone: schedule.timeZone });
    evaluators.set(key, cron);
  }
  return cron;
}

/** The first slot strictly after `after`. */
export function nextSlot(schedule: WatchSchedule, anchor: Date, after: Date): Date {
  if (after.getTime() < anchor.getTime()) return anchor;
  if (schedule.kind === 'every') {
    const period = schedule.seconds * 1000;
    const passed = Math.floor((after.getTime() - anchor.getTime()) / period);
    return new Date(anchor.getTime() + (passed + 1) * period);
  }
  const next = evaluator(schedule).nextRun(after);
  if (next === null) throw new PortbotError('watch-schedule', `no run time after ${after.toISOString()} for ${cronPattern(schedule)}`);
  return next;
}

/** The newest slot at or before `now` (the run that is due), or undefined before the anchor. */
export function dueSlot(schedule: WatchSchedule, anchor: Date, now: Date): Date | undefined {
  if (now.getTime() < anchor.getTime()) return undefined;
  if (schedule.kind === 'every') {
    const period = schedule.seconds * 1000;
    return new Date(anchor.getTime() + Math.floor((now.getTime() - anchor.getTime()) / period) * period);
  }
  const [previous] = evaluator(schedule).previousRuns(1, now);
  return previous !== undefined && previous.getTime() > anchor.getTime() ? previous : anchor;
}
