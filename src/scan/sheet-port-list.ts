// A host's ports read back from its sheets (the store's folded form, store/port-sheet.ts) as the
// scanner's PortResultList: a result that crossed the queue renders, folds and serialises like a
// local one without expanding 65,535 objects. Folded ports carry no service in a sheet; it is
// named again here by the scanner's own lookup, so `--json` lists the same names either way.
import { serviceNames } from '../report/service-names.js';
import type { PortResult, PortResultList, Protocol } from '../scanner/types.js';
import { SheetReader } from '../store/port-sheet.js';
import type { PortSheet } from '../store/types.js';

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

interface Part {
  readonly protocol: Protocol;
  readonly reader: SheetReader;
  /** Index of this part's first port in the whole list. */
  readonly start: number;
  /** Index of each range's first port within the part, for `at`. */
  readonly rangeStarts: readonly number[];
}

export class SheetPortList implements PortResultList {
  readonly length: number;
  private readonly parts: readonly Part[];

  constructor(sheets: Readonly<Partial<Record<Protocol, PortSheet>>>) {
    const parts: Part[] = [];
    let start = 0;
    for (const protocol of PROTOCOLS) {
      const sheet = sheets[protocol];
      if (sheet === undefined) continue;
      const rangeStarts: number[] = [];
      let count = 0;
      for (const [first, last] of sheet.ranges) {
        rangeStarts.push(count);
        count += last - first + 1;
      }
      parts.push({ protocol, reader: new SheetReader(sheet), start, rangeStarts });
      start += count;
    }
    this.parts = parts;
    this.length = start;
  }

  at(index: number): PortResult | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const part = this.parts.findLast((candidate) => candidate.start <= index)!;
    const offset = index - part.start;
    // The last range that starts at or before `offset` (binary search: a sheet may have thousands).
    let low = 0;
    let high = part.rangeStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (part.rangeStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const range = low;
    const port = part.reader.sheet.ranges[range]![0] + offset - part.rangeStarts[range]!;
    return this.result(part, port);
  }

  *[Symbol.iterator](): Iterator<PortResult> {
    for (const part of this.parts) for (const [first, last] of part.reader.sheet.ranges) for (let port = first; port <= last; port++) yield this.result(part, port);
  }

  /** JSON.stringify writes the list as the array of results it stands for (as the scanner's lists do). */
  toJSON(): PortResult[] {
    return [...this];
  }

  private result(part: Part, port: number): PortResult {
    const listed = part.reader.listed(port);
    if (listed !== undefined) return { ...listed, protocol: part.protocol };
    const folded = part.reader.lookup(port)!;
    return { ...folded, protocol: part.protocol, service: serviceNames(port, part.protocol) };
  }
}
