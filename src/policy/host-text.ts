// The one gate in front of node:url's host parser. `domainToASCII` runs the WHATWG URL host
// setter, which stops at '/', '?', '#' and '\' (they end a URL's host), strips tabs and newlines,
// and maps default-ignorable code points (variation selectors, U+034F, ...) to nothing under
// UTS #46. Given raw text it returns a shorter name than the one typed ("10.0.0.5#127.0.0.1" ->
// "10.0.0.5"). So text reaches it only when every character is one the parser keeps as part of a
// name: ASCII letters, digits, '.', '-', '_', and beyond ASCII letters, marks and decimal digits
// (IDN, fullwidth forms) and the dots UTS #46 reads as '.'. Nothing else can be cut off or dropped.
import { domainToASCII } from 'node:url';

const nameCharacter = /[A-Za-z0-9._\-\p{L}\p{M}\p{Nd}\u3002\uFF0E\uFF61]/u;
const ignorable = /\p{Default_Ignorable_Code_Point}/u;

/** The first character the host parser would not keep as part of a name, or undefined. */
export function foreignCharacter(text: string): string | undefined {
  for (const char of text) if (!nameCharacter.test(char) || ignorable.test(char)) return char;
  return undefined;
}

/** `text` as the WHATWG host parser reads it (IDN -> punycode, IPv4 forms kept), or null. */
export function hostToASCII(text: string): string | null {
  if (text.length === 0 || foreignCharacter(text) !== undefined) return null;
  const ascii = domainToASCII(text);
  return ascii.length === 0 ? null : ascii;
}
