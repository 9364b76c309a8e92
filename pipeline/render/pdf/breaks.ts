// Adapter for `linebreak` (UAX #14 line-break opportunities) and `hyphen` (Liang's patterns, en-us): where a word may break.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// linebreak 1.x (PDFKit's own line breaker): `new LineBreaker(text).nextBreak()` until null.
interface LineBreakerLike {
  nextBreak(): { position: number; required: boolean } | null;
}
const LineBreaker = require('linebreak') as new (text: string) => LineBreakerLike;

// hyphen 1.x: the en-us patterns' synchronous hyphenator; it marks hyphenation points with `hyphenChar`.
const { hyphenateSync } = require('hyphen/en-us') as { hyphenateSync(text: string, options: { hyphenChar: string; minWordLength?: number }): string };

// Both are asked about the same few thousand distinct words again and again (a table's cells repeat): remember them.
const CACHE_LIMIT = 20_000;
const opportunities = new Map<string, Uint8Array>();
const hyphenations = new Map<string, Uint8Array>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * UAX #14 break opportunities inside `text` (a word with no spaces): `result[i] === 1` when a line may break before
 * UTF-16 index i. A break the algorithm places after trailing spaces is moved to the visible character it precedes.
 */
export function breakOpportunities(text: string): Uint8Array {
  const known = opportunities.get(text);
  if (known !== undefined) return known;
  const result = new Uint8Array(text.length + 1);
  const breaker = new LineBreaker(text);
  // Bounded by the text: each break lies further on than the last.
  for (let found = breaker.nextBreak(), guard = 0; found !== null && guard <= text.length; found = breaker.nextBreak(), guard++) {
    if (found.position > 0 && found.position < text.length) result[found.position] = 1;
  }
  return remember(opportunities, text, result);
}

const SOFT_HYPHEN = '\u00ad';
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]{5,}/g;

/** Hyphenation points inside `text`: `result[i] === 1` when a Latin word in it may be hyphenated before index i. */
export function hyphenationPoints(text: string): Uint8Array {
  const known = hyphenations.get(text);
  if (known !== undefined) return known;
  const result = new Uint8Array(text.length + 1);
  for (const match of text.matchAll(LATIN_WORD)) {
    const marked = hyphenateSync(match[0], { hyphenChar: SOFT_HYPHEN, minWordLength: 5 });
    let at = match.index;
    for (const char of marked) {
      if (char === SOFT_HYPHEN) result[at] = 1;
      else at += char.length;
    }
  }
  return remember(hyphenations, text, result);
}
