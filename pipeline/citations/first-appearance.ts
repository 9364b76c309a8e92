// Shared by the numbering rules: where each reference number is first cited, in reading order.
import type { CitationUse, CitedDocument } from './types.ts';
import { maxOf } from '../arrays.ts';

export interface FirstAppearance {
  number: number;
  citation: CitationUse;
  /** 0-based rank among first appearances. */
  rank: number;
}

/**
 * First appearances of readable numbers ≥ 1, in reading order (numbers within one citation in
 * ascending order). Numbers beyond a known reference list are left to citation/out-of-range.
 */
export function firstAppearances(document: CitedDocument): FirstAppearance[] {
  const last = document.references && document.references.length > 0 ? maxOf(document.references.map((r) => r.number)) : Infinity;
  const seen = new Set<number>();
  const order: FirstAppearance[] = [];
  // A malformed citation's readable numbers count ("[1,,2]" cites 1 and 2); its malformation is reported by citation/malformed.
  for (const citation of document.citations) {
    for (const number of [...citation.numbers].sort((a, b) => a - b)) {
      if (number < 1 || number > last || seen.has(number)) continue;
      seen.add(number);
      order.push({ number, citation, rank: order.length });
    }
  }
  return order;
}

/** A first citation that jumps past numbers not yet cited: the numbers it skips, split by whether they appear later. */
export interface NumberingJump extends FirstAppearance {
  /** The highest number cited before this citation. */
  previous: number;
  /** Skipped numbers that are first cited later (an order problem). */
  citedLater: number[];
  /** Skipped numbers that are never cited (a gap). */
  neverCited: number[];
}

export function numberingJumps(document: CitedDocument): NumberingJump[] {
  const appearances = firstAppearances(document);
  const rankOf = new Map(appearances.map((a) => [a.number, a.rank]));
  const jumps: NumberingJump[] = [];
  let highest = 0;
  for (const appearance of appearances) {
    if (appearance.number > highest + 1) {
      const citedLater: number[] = [];
      const neverCited: number[] = [];
      for (let k = highest + 1; k < appearance.number; k++) {
        const rank = rankOf.get(k);
        if (rank === undefined) neverCited.push(k);
        else if (rank > appearance.rank) citedLater.push(k);
      }
      jumps.push({ ...appearance, previous: highest, citedLater, neverCited });
    }
    highest = Math.max(highest, appearance.number);
  }
  return jumps;
}
