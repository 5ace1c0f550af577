// A one-reader queue of events with an async iterator: the executor pushes, the scan service reads.
// Progress is state, not history: while the reader is busy, a newer progress event replaces the
// one waiting, so a slow reader never piles up thousands of them.
export class EventChannel<T extends { readonly kind: string }> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  push(event: T): void {
    if (this.closed) return;
    const last = this.queue.at(-1);
    if (event.kind === 'progress' && last?.kind === 'progress') this.queue[this.queue.length - 1] = event;
    else this.queue.push(event);
    this.wake?.();
  }

  /** No more events after those queued. */
  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const next = this.queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
