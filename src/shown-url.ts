// A connection URL as messages and logs may show it: its password never appears. One helper for
// every setting that holds one (PORTBOT_DATABASE_URL, PORTBOT_REDIS_URL).

/** The URL with its password as `***`; the setting's name when the text is not a URL at all. */
export function shownUrl(url: string, setting: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return setting;
  }
}
