// What is left of one message's Block Kit allowance while the renderer fills it.
import { slackLimits } from './limits.js';

export class BlockBudget {
  constructor(
    public blocks: number = slackLimits.blocksPerMessage,
    public chars: number = slackLimits.totalBlockText,
  ) {}

  fits(blocks: number, chars: number): boolean {
    return blocks <= this.blocks && chars <= this.chars;
  }

  spend(blocks: number, chars: number): void {
    this.blocks -= blocks;
    this.chars -= chars;
  }
}

/**
 * Packs lines into texts of at most `maxText` characters each (one section block apiece) while the
 * budget lasts. Returns the texts and how many leading lines made it in.
 */
export function packLines(
  lines: readonly string[],
  wrap: (chunk: readonly string[]) => string,
  overhead: number,
  maxText: number,
  budget: BlockBudget,
): { readonly texts: readonly string[]; readonly packed: number } {
  const texts: string[] = [];
  let chunk: string[] = [];
  let chunkLength = overhead;
  let packed = 0;
  const close = (): void => {
    if (chunk.length === 0) return;
    const text = wrap(chunk);
    budget.spend(1, text.length);
    texts.push(text);
    chunk = [];
    chunkLength = overhead;
  };
  for (const line of lines) {
    const cost = line.length + (chunk.length > 0 ? 1 : 0);
    if (chunk.length > 0 && chunkLength + cost > maxText) close();
    const opening = chunk.length === 0;
    const lineCost = opening ? overhead + line.length : line.length + 1;
    // The open chunk has not been spent yet: count it against the budget before taking a line.
    const pending = chunk.length === 0 ? 0 : chunkLength;
    if (overhead + line.length > maxText || !budget.fits(1, pending + lineCost)) break;
    chunk.push(line);
    chunkLength = opening ? lineCost : chunkLength + lineCost;
    packed += 1;
  }
  close();
  return { texts, packed };
}
