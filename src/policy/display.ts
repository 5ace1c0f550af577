// User text echoed in a one-line refusal: short, and with invisible characters spelled out so a
// message can neither hide what was refused nor break the line it sits on.

const longest = 64;

export function shown(text: string): string {
  const clipped = text.length > longest ? `${text.slice(0, longest - 3)}...` : text;
  return clipped.replace(/[\p{C}\p{Z}]/gu, (char) => (char === ' ' ? ' ' : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`));
}
