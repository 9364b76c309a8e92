// Finds the closest known word to a misspelt one, for "did you mean" suggestions on column names and vocabulary terms.

/** The longest word (and candidate) compared, in UTF-16 code units; longer ones are never suggested. */
const MAX_WORD_LENGTH = 1_000;

/** Options for nearest(). */
export interface NearestOptions {
  /** Largest edit distance still worth suggesting; by default a third of the word's length, at least 1. */
  maxDistance?: number;
}

/**
 * The candidate closest to `word` by Damerau–Levenshtein distance (optimal string alignment: an
 * adjacent transposition such as "auhtors" → "authors" counts as one edit), compared case-folded and
 * by code point. Returns undefined when none is within the maximum distance; on a tie, the
 * candidate that comes first.
 */
export function nearest(word: string, candidates: readonly string[], options: NearestOptions = {}): string | undefined {
  return new NearestIndex(candidates).nearest(word, options);
}

/**
 * Candidates folded once, for many look-ups against the same list (every id of a table): folding
 * each candidate anew for every misspelt id cost more than comparing it.
 */
export class NearestIndex {
  private readonly candidates: readonly string[];
  private readonly folded: readonly (readonly string[] | null)[];

  constructor(candidates: readonly string[]) {
    this.candidates = candidates;
    // A candidate longer than any word looked up is never within reach: it is kept out, unfolded.
    this.folded = candidates.map((candidate) => (candidate.length > MAX_WORD_LENGTH ? null : fold(candidate)));
  }

  get size(): number {
    return this.candidates.length;
  }

  nearest(word: string, options: NearestOptions = {}): string | undefined {
    // No misspelling is this long; folding a 10 MB word into code points alone cost seconds.
    if (word.length > MAX_WORD_LENGTH) return undefined;
    const target = fold(word);
    const maxDistance = options.maxDistance ?? Math.max(1, Math.floor(target.length / 3));
    let best: string | undefined;
    let bestDistance = maxDistance + 1;
    for (let i = 0; i < this.folded.length; i++) {
      const source = this.folded[i];
      if (!source) continue;
      // The length difference is a lower bound on the distance, so most candidates cost nothing.
      if (Math.abs(source.length - target.length) >= bestDistance) continue;
      const distance = editDistance(source, target, bestDistance - 1);
      if (distance < bestDistance) {
        best = this.candidates[i];
        bestDistance = distance;
        if (distance === 0) break;
      }
    }
    return best;
  }
}

/** Case-folded code points, as words are compared. */
function fold(word: string): string[] {
  return Array.from(word.toLowerCase());
}

/**
 * Optimal-string-alignment distance between two code-point arrays, or `limit + 1` as soon as it is
 * certain to exceed `limit`. Three rows of the table, reused from call to call: a table's ids are
 * compared by the hundred thousand, and allocating rows cost more than filling them.
 */
export function editDistance(a: readonly string[], b: readonly string[], limit = Infinity): number {
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    rows[current] = i;
    let rowMinimum = i;
    const ai = a[i - 1];
    for (let j = 1; j < width; j += 1) {
      const bj = b[j - 1];
      const substitution = (rows[previous + j - 1] as number) + (ai === bj ? 0 : 1);
      let cost = Math.min((rows[previous + j] as number) + 1, (rows[current + j - 1] as number) + 1, substitution);
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) cost = Math.min(cost, (rows[beforePrevious + j - 2] as number) + 1);
      rows[current + j] = cost;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > limit) return limit + 1;
    const oldest = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(rows[previous + b.length] as number, limit + 1);
}

/** The three rows editDistance works in, grown when a longer word comes. */
let rows = new Int32Array(3 * 64);
