// Names whose letters come from more than one script ("lоcalhost" with a Cyrillic "о") look like
// a name they are not. They are still read (IDN is legitimate), but the answer says so. Han mixed
// with kana, Hangul or Bopomofo is ordinary Japanese, Korean or Chinese writing, not a warning.

const scripts = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Cherokee', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Thai',
  'Lao', 'Khmer', 'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo',
] as const;

const patterns = scripts.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);
const eastAsianCompanions = new Set(['Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);

function scriptOf(letter: string): string {
  return patterns.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'another script';
}

/** The scripts of one label's letters, when there is more than one; else null. */
function labelScripts(label: string): string[] | null {
  const found = new Set<string>();
  for (const char of label) if (/\p{L}/u.test(char)) found.add(scriptOf(char));
  if ([...found].some((script) => eastAsianCompanions.has(script))) found.delete('Han');
  return found.size > 1 ? [...found] : null;
}

/** A warning for the answer when a label of `typed` mixes scripts, else undefined. */
export function mixedScriptWarning(typed: string, shownAs: string): string | undefined {
  for (const label of typed.split(/[.\u3002\uFF0E\uFF61]/)) {
    const found = labelScripts(label);
    if (found === null) continue;
    const names = found.length === 2 ? found.join(' and ') : `${found.slice(0, -1).join(', ')} and ${found.at(-1) ?? ''}`;
    return `"${shownAs}" mixes ${names} letters, so it may not be the name it looks like`;
  }
  return undefined;
}
