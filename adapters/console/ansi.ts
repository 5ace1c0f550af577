// Terminal colour and hygiene. Colour only on a terminal and never when NO_COLOR is set
// (no-color.org); every untrusted string loses its control characters first, so a hostname or an
// echoed command cannot move the cursor, clear the screen or forge portbot's own output.
import type { ReplyTone } from '../../src/report/reply.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  tone(tone: ReplyTone, text: string): string;
  state(state: string, text: string): string;
  warn(text: string): string;
}

const wrap = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const TONE_CODE: Record<ReplyTone, string> = { info: '36', success: '32', warning: '33', danger: '31', progress: '35' };
const STATE_CODE: Record<string, string> = { open: '32', closed: '31', filtered: '33', 'open|filtered': '33' };

export const plain: Paint = { bold: (t) => t, dim: (t) => t, tone: (_tone, t) => t, state: (_state, t) => t, warn: (t) => t };

export const colour: Paint = {
  bold: wrap('1'),
  dim: wrap('2'),
  tone: (tone, text) => wrap(`1;${TONE_CODE[tone]}`)(text),
  state: (state, text) => (STATE_CODE[state] === undefined ? text : wrap(STATE_CODE[state])(text)),
  warn: wrap('1;33'),
};

export function useColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

/** Removes control characters (ESC, BEL, CR, ...) except newlines and tabs, which become spaces when `singleLine`. */
export function clean(text: string, singleLine = true): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const withoutControls = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  return singleLine ? withoutControls.replace(/[\n\t]+/g, ' ') : withoutControls.replace(/\t/g, ' ');
}
