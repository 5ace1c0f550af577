// One host's results for one protocol, kept as a byte and a number per port instead of an object:
// a full-range scan has 65,535 of them, and 65,535 objects alive until the scan ends were what
// made V8 grow its young generation and a full-range scan pass 120 MB. A PortResult is built
// only when a reader asks for one; the report renders them one at a time, so they die young.
import type { PortReason, PortResult, PortResultList, PortState, Protocol, StateSummary } from './types.js';
import { verdictCode, verdictOf } from './verdict-codes.js';

/** Where no RTT was measured (nothing answered, or the attempt failed before sending). */
const NO_RTT = Number.NaN;

export class PortVerdicts implements PortResultList {
  /** Verdict code + 1 per port (verdict-codes.ts); 0 while the port is unfinished. */
  private readonly codes: Uint8Array;
  /** Round-trip time per port in ms, rounded to 0.01; NaN when nothing answered. */
  private readonly rtts: Float64Array;
  private settled = 0;

  constructor(
    readonly protocol: Protocol,
    /** Sorted, unique: index i holds the result of ports[i]. */
    private readonly ports: readonly number[],
    private readonly serviceOf: (port: number) => string | null,
  ) {
    this.codes = new Uint8Array(ports.length);
    this.rtts = new Float64Array(ports.length).fill(NO_RTT);
  }

  /** Every port of the list, finished or not (`at` skips none: it returns undefined for unfinished ones). */
  get length(): number {
    return this.ports.length;
  }

  /** How many ports have a final state. */
  get finishedCount(): number {
    return this.settled;
  }

  /** Stores a port's final state; false (and nothing changes) when it already had one. */
  set(index: number, state: PortState, reason: PortReason, rttMs: number | null): boolean {
    return this.setCode(index, verdictCode(state, reason), rttMs === null ? NO_RTT : Math.round(rttMs * 100) / 100);
  }

  /** As `set`, from a verdict code and an RTT (NaN: none), as scanner threads send them. */
  setCode(index: number, code: number, rttMs: number): boolean {
    if (this.codes[index] !== 0) return false;
    this.codes[index] = code + 1;
    this.rtts[index] = rttMs;
    this.settled++;
    return true;
  }

  isFinished(index: number): boolean {
    return this.codes[index] !== 0;
  }

  /** The verdict code of a finished port (verdict-codes.ts). */
  codeAt(index: number): number {
    return this.codes[index]! - 1;
  }

  /** The RTT of a finished port, NaN when nothing answered. */
  rttAt(index: number): number {
    return this.rtts[index]!;
  }

  stateAt(index: number): PortState {
    return verdictOf(this.codeAt(index))[0];
  }

  /** The result of ports[index], built now; undefined while the port is unfinished or out of range. */
  at(index: number): PortResult | undefined {
    const code = this.codes[index];
    if (code === undefined || code === 0) return undefined;
    const [state, reason] = verdictOf(code - 1);
    const port = this.ports[index]!;
    const rtt = this.rtts[index]!;
    return { port, protocol: this.protocol, state, reason, service: this.serviceOf(port), rttMs: Number.isNaN(rtt) ? null : rtt };
  }

  *[Symbol.iterator](): Iterator<PortResult> {
    for (let index = 0; index < this.ports.length; index++) {
      const result = this.at(index);
      if (result !== undefined) yield result;
    }
  }

  /** JSON.stringify writes the list as the array of results it stands for. */
  toJSON(): PortResult[] {
    return [...this];
  }

  /** Ports per state, counted from the codes (no result objects). */
  summary(): StateSummary {
    const summary: StateSummary = {};
    for (let index = 0; index < this.codes.length; index++) {
      if (this.codes[index] === 0) continue;
      const state = this.stateAt(index);
      summary[state] = (summary[state] ?? 0) + 1;
    }
    return summary;
  }

  /** This list when every port finished; otherwise a new one holding just the finished ports (a stopped scan). */
  finished(): PortVerdicts {
    if (this.settled === this.ports.length) return this;
    const kept: number[] = [];
    for (let index = 0; index < this.ports.length; index++) if (this.codes[index] !== 0) kept.push(index);
    const subset = new PortVerdicts(this.protocol, kept.map((index) => this.ports[index]!), this.serviceOf);
    kept.forEach((index, position) => subset.setCode(position, this.codeAt(index), this.rtts[index]!));
    return subset;
  }
}
