// Text inside XML attributes. Hostnames, banners and user input end up in portbot's XML, so every
// value is escaped; characters XML 1.0 cannot carry at all (most control characters, lone
// surrogates) become U+FFFD, where escaping them as &#1; would make the whole file unreadable.

/** Anything that needs work: markup, quotes, whitespace an attribute would normalise, forbidden characters. */
const NEEDS_WORK = /[&<>"'\t\n\r]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written as references so a reader's attribute normalisation does not turn them into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** A value for a double-quoted XML attribute. */
export function xmlAttr(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char]!);
}

/** ` name="value"` for each defined entry, in order; undefined values are left out. */
export function xmlAttrs(entries: readonly (readonly [string, string | number | undefined])[]): string {
  let out = '';
  for (const [name, value] of entries) if (value !== undefined) out += ` ${name}="${xmlAttr(String(value))}"`;
  return out;
}
