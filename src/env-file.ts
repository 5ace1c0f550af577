// ./.env, read the same way by every entry point (bin/portbot.js and `npm run discord:register`):
// Node's own reader (process.loadEnvFile), variables already in the environment win, and no file
// at all is fine. Node skips lines it cannot read without a word, so a token on a malformed line
// would silently be missing; the file is checked first and a bad line is named (never echoed: it
// may hold a secret).
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from './result.js';

const ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

/** Loads `path` into process.env; 'absent' when there is no such file, a one-line problem when it is unreadable. */
export function loadDotEnv(path = '.env'): Result<'loaded' | 'absent', string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return ok('absent');
    return err(`cannot read ${path}: ${code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error)}`);
  }
  const problem = envFileProblem(text);
  if (problem !== undefined) return err(`${path} ${problem}`);
  process.loadEnvFile(path);
  return ok('loaded');
}

/** The first line Node's reader would skip or misread, described without its content. */
export function envFileProblem(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\s*export\s+[A-Za-z_]/.test(line)) return `line ${number}: drop the word "export" (write NAME=value); Node's .env reader ignores such lines`;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment === null) return `line ${number} is not of the form NAME=value (for example DISCORD_TOKEN=...)`;
    const [, name = '', value = ''] = assignment;
    const quote = /^\s*(["'`])/.exec(value)?.[1];
    if (quote === undefined || value.trimStart().slice(1).includes(quote)) continue;
    // A quoted value may run over several lines; it must close somewhere.
    const closing = lines.findIndex((later, laterIndex) => laterIndex > index && later.includes(quote));
    if (closing < 0) return `line ${number}: the value of ${name} opens a quote (${quote}) that is never closed`;
    index = closing;
  }
  return undefined;
}
