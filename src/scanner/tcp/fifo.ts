// A first-in first-out queue on an array with a moving head: shift() in O(1) without the copying
// Array.prototype.shift does, which matters at tens of thousands of ports.
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  /** The item after the head. */
  peekSecond(): T | undefined {
    return this.items[this.head + 1];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Every queued item, oldest first. */
  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
