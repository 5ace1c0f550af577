// Suggestions for misspelt topics and service names. An edit distance over a few hundred short
// words is cheap, and it only runs on the error path.

/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps ("tpc" is one typo from "tcp"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** How far a word may be from a candidate and still count as a typo of it. */
const tolerance = (word: string): number => (word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3);

/** The closest candidate within typo distance, or undefined. Ties go to the earlier candidate. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const limit = tolerance(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
