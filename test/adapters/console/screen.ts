// Reading a captured terminal screen of the console: which answer belongs to which command, the
// sentences and words it shows, and its progress lines.

/** A prompt row; the terminal keeps no trailing space, so an empty prompt reads "portbot>". */
const PROMPT_ROW = /^portbot>(?: |$)/;
export const isPrompt = (row: string): boolean => PROMPT_ROW.test(row);
/** The console's progress line: "… Scanning 10.231.1.2… 4,000 of 20,000 ports done (20%), …". */
export const PROGRESS = /ports done \(\d+%\)/;

export interface Answer {
  readonly command: string;
  /** The screen rows between this prompt and the next. */
  readonly rows: readonly string[];
}

/** The answers on the screen, one per prompt line, in order. */
export function answers(screen: string): Answer[] {
  const found: { command: string; rows: string[] }[] = [];
  for (const row of screen.split('\n')) {
    if (isPrompt(row)) found.push({ command: row.replace(PROMPT_ROW, '').trim(), rows: [] });
    else found.at(-1)?.rows.push(row);
  }
  return found.filter((answer) => answer.command !== '');
}

/** How many commands have been answered: prompts shown after the first. */
export const answered = (screen: string): number => screen.split('\n').filter(isPrompt).length - 1;

export const progressRows = (screen: string): string[] => screen.split('\n').filter((row) => PROGRESS.test(row));

/** The sentences of a wrapped answer: rows joined, split after . ! ? before a capital. */
export function sentences(rows: readonly string[]): string[] {
  return rows
    .join(' ')
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["(A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 12);
}

/** Words made of letters (what a cut at the edge would break), without the punctuation around them. */
export const letterWords = (text: string): string[] =>
  text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((word) => /^[\p{L}][\p{L}'’-]*$/u.test(word));

/** The sentences an answer says more than once. */
export function repeated(answer: Answer): string[] {
  const said = sentences(answer.rows);
  return said.filter((sentence, index) => said.indexOf(sentence) !== index);
}
