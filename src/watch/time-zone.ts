// PORTBOT_TIMEZONE: an IANA zone name ("Europe/Berlin", "UTC"), checked against the zones this
// Node's ICU knows, and the way run times are written in it ("Tue 4 Mar 06:00 CET").

/** Names only: Intl also takes "+05:00" on newer Nodes, but an offset has no daylight saving rules. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether `name` is a time zone this process can compute in (IANA names and their aliases, e.g. "UTC", "US/Eastern"). */
export function isTimeZone(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_EXAMPLES = 'e.g. UTC, Europe/Berlin or America/New_York';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** "Tue 4 Mar 06:00 CET": a run time as people in `timeZone` read it, always with the zone named. */
export function runTimeText(when: Date, timeZone: string): string {
  const part = new Map(formatIn(timeZone).formatToParts(when).map(({ type, value }) => [type, value]));
  return `${part.get('weekday')} ${part.get('day')} ${part.get('month')} ${part.get('hour')}:${part.get('minute')} ${part.get('timeZoneName')}`;
}
