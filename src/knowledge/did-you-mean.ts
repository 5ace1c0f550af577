// Suggestions for misspelt topics and service names. Levenshtein distance over a few hundred
// short words is cheap, and it only runs on the error path.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
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
