// Where a port sits in a sorted port list: results name their port, arrays are kept by position,
// and a binary search costs nothing in memory where a Map of 65,535 entries costs megabytes.

/** Position of `port` in `sorted` (ascending, unique), or -1. */
export function indexOfPort(sorted: readonly number[], port: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle]!;
    if (value === port) return middle;
    if (value < port) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
