// "Did you mean …": the nearest known word to a mistyped kind, field, flag or command.

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
    if (i > 0 && Math.min(...rows[i]!) > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known word closest to `word`, if it is close enough to be a typo: at most 1 edit for short
 * words, 2 for words of 5 or more characters, 3 from 9 (case and `_`/`-` ignored). Inputs longer
 * than 64 characters get no suggestion: bounded work on hostile input.
 *
 * @example
 * ```ts
 * suggest('qualifcation', ['qualification', 'award']); // 'qualification'
 * ```
 */
export function suggest(word: string, known: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > 64) return undefined;
  const norm = (s: string) => s.toLowerCase().replace(/_/g, '-');
  const w = norm(word);
  const limit = w.length >= 9 ? 3 : w.length >= 5 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = editDistance(w, norm(k), limit);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(word: string, known: readonly string[], prefix = ''): string {
  const s = suggest(word, known);
  return s === undefined ? '' : ` (did you mean "${prefix}${s}"?)`;
}
