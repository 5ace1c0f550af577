// What people type after the target of /watch ("every 30m", "hourly", "daily at 06:00",
// "weekdays at 09:30") -> a schedule the store keeps as JSON. A clock time keeps the time zone it
// was confirmed in, so a later change of PORTBOT_TIMEZONE never moves a watch people agreed to.
import { inputProblem, refusal, type Problem } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { durationWords, parseDuration, shortDuration } from './duration.js';

export type WatchSchedule =
  /** Every `seconds`, counted from the watch's creation (its baseline run). */
  | { readonly kind: 'every'; readonly seconds: number }
  /** At a clock time ("06:00", 24-hour) every day, or Monday to Friday, in `timeZone`. */
  | { readonly kind: 'daily' | 'weekdays'; readonly at: string; readonly timeZone: string };

export interface ScheduleSettings {
  /** PORTBOT_WATCH_MIN_INTERVAL in seconds: nothing may run more often. */
  readonly minIntervalSeconds: number;
  /** PORTBOT_TIMEZONE: the zone of clock times. */
  readonly timeZone: string;
}

const DAY = 86_400;
/** A watch runs at least monthly: longer intervals are nearly always a typo (every 30h → 30d). */
export const MAX_INTERVAL_SECONDS = 30 * DAY;

export const SCHEDULE_EXAMPLES = 'every 30m, every 6h, every 1d, hourly, daily at 06:00 or weekdays at 09:30';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const EVERY_ONE: Readonly<Record<string, number>> = { minute: 60, hour: 3600, day: DAY };

/** `words`: the schedule part of the command, e.g. ["every", "6h"] or ["daily", "at", "06:00"]. */
export function parseSchedule(words: readonly string[], settings: ScheduleSettings): Result<WatchSchedule, Problem> {
  const text = words.join(' ').trim();
  const schedule = readSchedule(text.toLowerCase(), settings.timeZone);
  if (schedule === undefined) {
    const said = text === '' ? 'No schedule given' : `Can't read the schedule "${text.slice(0, 40)}"`;
    return err(inputProblem('invalid-command', `${said}: write ${SCHEDULE_EXAMPLES}.`));
  }
  const gap = shortestGap(schedule);
  if (gap < settings.minIntervalSeconds) {
    const minimum = shortDuration(settings.minIntervalSeconds);
    return err(
      refusal(
        'watch-too-frequent',
        `Watches run at most every ${durationWords(settings.minIntervalSeconds)} here (PORTBOT_WATCH_MIN_INTERVAL): write every ${minimum} or longer.`,
      ),
    );
  }
  if (gap > MAX_INTERVAL_SECONDS) {
    return err(inputProblem('invalid-command', `"${text.slice(0, 40)}" is too long: a watch runs at least every 30 days, e.g. every 7d or daily at 06:00.`));
  }
  return ok(schedule);
}

function readSchedule(text: string, timeZone: string): WatchSchedule | undefined {
  if (text === 'hourly') return { kind: 'every', seconds: 3600 };
  if (text === 'daily') return { kind: 'every', seconds: DAY };
  const clock = /^(daily|every day|weekdays|every weekday|on weekdays) at (\S+)$/.exec(text);
  if (clock !== null) {
    const at = clockTime(clock[2]!);
    if (at === undefined) return undefined;
    return { kind: clock[1]!.includes('weekday') ? 'weekdays' : 'daily', at, timeZone };
  }
  const every = /^every (.+)$/.exec(text);
  if (every === null) return undefined;
  const one = EVERY_ONE[every[1]!];
  if (one !== undefined) return { kind: 'every', seconds: one };
  const seconds = parseDuration(every[1]!);
  return seconds === undefined ? undefined : { kind: 'every', seconds };
}

/** "6:00" -> "06:00"; undefined when not a 24-hour clock time. */
function clockTime(text: string): string | undefined {
  const match = CLOCK.exec(text);
  return match === null ? undefined : `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/** The shortest time between two runs, which the minimum interval is checked against. */
export function shortestGap(schedule: WatchSchedule): number {
  return schedule.kind === 'every' ? schedule.seconds : DAY;
}

/** "every 6 hours", "every hour", "daily at 06:00 (Europe/Berlin)", "weekdays at 09:30 (UTC)". */
export function scheduleWords(schedule: WatchSchedule): string {
  if (schedule.kind !== 'every') return `${schedule.kind} at ${schedule.at} (${schedule.timeZone})`;
  const words = durationWords(schedule.seconds);
  return `every ${words.startsWith('1 ') && !words.includes(' ', 2) ? words.slice(2) : words}`;
}

/** The croner pattern (seconds first) of a clock-time schedule. */
export function cronPattern(schedule: Exclude<WatchSchedule, { kind: 'every' }>): string {
  const [hour, minute] = schedule.at.split(':').map(Number);
  return `0 ${minute} ${hour} * * ${schedule.kind === 'weekdays' ? '1-5' : '*'}`;
}
