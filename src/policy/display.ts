// User text echoed in a one-line refusal: short, and with invisible characters spelled out as
// <U+XXXX>, so a message can neither hide what was refused nor break the line it sits on.

const longest = 64;

/** Characters that would not show, or would move or break the text around them. */
const hidden = /[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
const everyHidden = new RegExp(hidden.source, 'gu');

/** "U+FE0F": how a refusal names a character. */
export const codePointName = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that would not show, or undefined. */
export const firstHiddenCharacter = (text: string): string | undefined => hidden.exec(text)?.[0];

export function shown(text: string): string {
  const clipped = text.length > longest ? `${Array.from(text).slice(0, longest - 3).join('')}...` : text;
  return clipped.replace(everyHidden, (char) => (char === ' ' ? ' ' : `<${codePointName(char)}>`));
}
