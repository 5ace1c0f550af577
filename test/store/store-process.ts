// Drives store-child.js: starts it on a store location, reads its JSON events, kills it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { StoreLocation } from '../../src/store/index.js';

const script = new URL('./store-child.js', import.meta.url).pathname;

export type ChildEvent = Record<string, unknown> & { readonly event: string };

export class StoreChild {
  private readonly queue: ChildEvent[] = [];
  private waiting: (() => void) | undefined;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private closed = false;

  constructor(mode: 'hold' | 'finish-loop', location: StoreLocation) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['PORTBOT_DATA_DIR'];
    delete env['PORTBOT_DATABASE_URL'];
    if (location.kind === 'embedded') env['PORTBOT_DATA_DIR'] = location.dataDir;
    else env['PORTBOT_DATABASE_URL'] = location.url;
    this.child = spawn(process.execPath, [script, mode], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    // 'close', not 'exit': every line the child wrote has been read by then.
    this.exited = new Promise((resolve) =>
      this.child.once('close', (code) => {
        this.closed = true;
        resolve(code);
      }),
    );
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.queue.push(JSON.parse(line) as ChildEvent);
      this.waiting?.();
    });
    void this.exited.then(() => this.waiting?.());
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The next event (any kind); rejects if the child exits first. */
  async next(): Promise<ChildEvent> {
    for (;;) {
      const event = this.queue.shift();
      if (event !== undefined) return event;
      if (this.closed) throw new Error(`the store child exited (${String(this.child.exitCode ?? this.child.signalCode)}) without another event`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Skips events until one of `kind` arrives. */
  async until(kind: string): Promise<ChildEvent> {
    for (let event = await this.next(); ; event = await this.next()) {
      if (event.event === kind) return event;
      if (event.event === 'problem') throw new Error(`store child: ${String(event['message'])}`);
    }
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks a `hold` child to close its store and exit. */
  async stop(): Promise<void> {
    this.child.stdin!.end();
    await this.exited;
  }
}
