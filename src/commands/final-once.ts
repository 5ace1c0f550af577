// "Every command gets exactly one final answer": this guard makes a second final a logged bug
// instead of a second message, and a platform failure to deliver a logged error, not a crash.
import type { Logger } from 'pino';
import type { Reply } from '../report/reply.js';
import type { Responder } from './types.js';

export interface OnceResponder extends Responder {
  readonly answered: boolean;
}

export function finalOnce(responder: Responder, logger: Logger): OnceResponder {
  let answered = false;
  return {
    get answered() {
      return answered;
    },
    progress: async (reply: Reply) => {
      if (answered) return; // a late progress update must never follow the final answer
      try {
        await responder.progress(reply);
      } catch (error) {
        logger.warn({ err: error }, 'could not deliver a progress update');
      }
    },
    final: async (reply: Reply) => {
      if (answered) {
        logger.error({ title: reply.title }, 'bug: a second final answer for one command was dropped');
        return;
      }
      answered = true;
      try {
        await responder.final(reply);
      } catch (error) {
        logger.error({ err: error }, 'could not deliver the final answer');
      }
    },
  };
}
