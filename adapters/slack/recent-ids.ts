// Slack redelivers an event it thinks we missed (HTTP: X-Slack-Retry-Num after 3 s or a non-200;
// Socket Mode: retry_attempt on an unacknowledged envelope). Remembering recent event ids turns a
// redelivery into a no-op, so a mention is never answered twice.
export class RecentIds {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 2000) {}

  /** True the first time an id is offered, false for every repeat while it is remembered. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
