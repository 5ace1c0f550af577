// How long, as people type it ("30m", "6h", "1d", "2s", "1h30m", "90 minutes") and as portbot says
// it back ("every 6 hours", "15m"). Watch intervals and PORTBOT_WATCH_MIN_INTERVAL read the same
// words, so the operator's limit and the user's interval can never disagree about what "1d" means.

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86_400, day: 86_400, days: 86_400,
};

/** One or more "<number><unit>" parts, optionally spaced: "30m", "1h30m", "1 h 30 m", "90 minutes". */
const DURATION = /^(?:\d{1,6}\s*[a-z]+\s*)+$/i;
const PART = /(\d{1,6})\s*([a-z]+)/gi;

/** Whole seconds, or undefined when the text is not a duration (a bare number has no unit: undefined). */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    const perUnit = UNIT_SECONDS[unit!.toLowerCase()];
    if (perUnit === undefined) return undefined;
    seconds += Number(amount) * perUnit;
  }
  return seconds > 0 ? seconds : undefined;
}

const SHORT_UNITS: readonly (readonly [string, number])[] = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]];
const LONG_UNITS: readonly (readonly [string, number])[] = [['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];

function parts(seconds: number, units: readonly (readonly [string, number])[]): [number, string][] {
  const found: [number, string][] = [];
  let left = Math.max(0, Math.round(seconds));
  for (const [unit, size] of units) {
    const count = Math.floor(left / size);
    if (count > 0) found.push([count, unit]);
    left -= count * size;
  }
  return found;
}

/** "15m", "1h30m", "2s": the form people type, for lines that say what to type. */
export function shortDuration(seconds: number): string {
  const found = parts(seconds, SHORT_UNITS);
  return found.length === 0 ? '0s' : found.map(([count, unit]) => `${count}${unit}`).join('');
}

/** "15 minutes", "1 hour 30 minutes", "1 day": the form portbot says. */
export function durationWords(seconds: number): string {
  const found = parts(seconds, LONG_UNITS);
  if (found.length === 0) return '0 seconds';
  return found.map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`).join(' ');
}
