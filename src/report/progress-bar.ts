// The CLI's progress bar (stderr, terminals only): one line redrawn in place.
import type { ScanProgress } from '../scanner/types.js';
import { formatCount } from './fold.js';

const WIDTH = 30;

export function progressBar(progress: ScanProgress): string {
  const ratio = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(ratio * WIDTH);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
  return `[${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatCount(progress.done)}/${formatCount(progress.total)} ports, ${formatCount(progress.open)} open`;
}
