// One command's answers go out one at a time, in order: a progress edit still in flight must not
// land after the final answer and overwrite it. Progress that piles up is coalesced to the newest
// (only the latest state matters), and the final answer is sent exactly once; anything after it
// is ignored, so a late progress update or a second final can never double-post.
import type { Logger } from 'pino';
import type { Reply } from '../../src/report/reply.js';
import type { Responder } from '../../src/commands/types.js';

export interface AnswerSink {
  showProgress(reply: Reply): Promise<void>;
  showFinal(reply: Reply): Promise<void>;
}

export class AnswerQueue implements Responder {
  private chain: Promise<void>;
  private pendingProgress: Reply | null = null;
  private finalSent = false;
  private readonly settledFinal: Promise<void>;
  private resolveFinal: () => void = () => undefined;

  /** `ready` is the acknowledgement (the deferral) that every answer must follow. */
  constructor(
    private readonly sink: AnswerSink,
    private readonly logger: Logger,
    ready: Promise<void> = Promise.resolve(),
  ) {
    this.chain = ready;
    this.settledFinal = new Promise((resolve) => (this.resolveFinal = resolve));
  }

  /** Resolves once the final answer has been delivered (or has failed and been logged). */
  get done(): Promise<void> {
    return this.settledFinal;
  }

  get answered(): boolean {
    return this.finalSent;
  }

  progress(reply: Reply): Promise<void> {
    if (this.finalSent) return Promise.resolve();
    const alreadyQueued = this.pendingProgress !== null;
    this.pendingProgress = reply;
    if (alreadyQueued) return this.chain;
    return this.enqueue(async () => {
      const latest = this.pendingProgress;
      this.pendingProgress = null;
      if (latest !== null && !this.finalSent) await this.sink.showProgress(latest);
    }, 'progress');
  }

  final(reply: Reply): Promise<void> {
    if (this.finalSent) {
      this.logger.warn({ title: reply.title }, 'discord: a second final answer for one command was ignored');
      return Promise.resolve();
    }
    this.finalSent = true;
    this.pendingProgress = null;
    const sent = this.enqueue(() => this.sink.showFinal(reply), 'final');
    void sent.finally(this.resolveFinal);
    return sent;
  }

  /**
   * Runs a step of the sink's own (moving the answer before a token expires) in line with the
   * answers, so it never overtakes a progress edit or races the final answer.
   */
  interject(step: () => Promise<void>, what: string): Promise<void> {
    return this.enqueue(step, what);
  }

  private enqueue(step: () => Promise<void>, what: string): Promise<void> {
    // A failed step is logged and does not stop the next: the final answer must still go out.
    this.chain = this.chain.then(step).catch((error: unknown) => {
      this.logger.error({ err: error }, `discord: sending the ${what} answer failed`);
    });
    return this.chain;
  }
}
