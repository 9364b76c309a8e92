// Reads confidence intervals as papers print them ("−10.0 to −6.8", "(1.2, 3.4)", "1.2–3.4", "95% CI −10.0 至 −6.8").

import { foldFullWidth, parseNumber } from './number.ts';
import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

/** The two bounds of an interval, in the order written. */
export interface ConfidenceInterval {
  low: number;
  high: number;
}

const CONFIDENCE_PREFIX = /^\d+(?:\.\d+)?\s*%\s*(?:CI|置信区间)\s*(?::\s*)?/i;
// The longest text parseInterval reads: 1,000 characters; "95% CI −10.0 to −6.8" is 20.
const MAX_LENGTH = 1_000;

// Sticky patterns for the scanner. A bound keeps commas only as thousands separators (",ddd" not
// followed by a digit), so "-10.0,-6.8" splits at the comma while "1,234 to 2,345" does not.
const BOUND = /[+\-\u2013]?(?:\d+(?:,\d{3}(?!\d))*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD_SEPARATOR = /\s*(?:to|至|~|\u301C|,|;|、)\s*/iy;
const DASH_SEPARATOR = /(?<before>\s*)[-\u2013\u2014](?<after>\s*)/y;

/**
 * Parses "low to high" with any of the separators to, ',', ';', '~', '至' or a dash, optionally in
 * brackets and after a "95% CI" label. Bounds are returned as written, never reordered: a reversed
 * interval is for a later check to report.
 */
export function parseInterval(raw: string): Parsed<ConfidenceInterval> {
  const long = tooLong(raw, MAX_LENGTH, 'an interval is a few characters, such as (1.2, 3.4)');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const text = withoutBrackets(foldFullWidth(shown).replace(CONFIDENCE_PREFIX, ''));

  const low = matchAt(BOUND, text, 0);
  if (low === null) return notAnInterval(shown);
  const afterLow = low.index + low[0].length;
  if (afterLow === text.length) return rejected(`'${shown}' has one number; an interval has two (low to high)`);

  const separator = readSeparator(text, afterLow, shown);
  if (!separator.ok) return separator;
  const high = matchAt(BOUND, text, separator.value);
  if (high === null || high.index + high[0].length !== text.length) return notAnInterval(shown);

  return bounds(low[0], high[0]);
}

function notAnInterval(shown: string): Parsed<never> {
  return rejected(`'${shown}' is not an interval; expected 'low to high'`);
}

/**
 * What is inside "(…)" or "[…]" (either bracket may close either), trimmed; other text as it is.
 * Slicing and trimming, not /^[([]\s*(.*?)\s*[)\]]$/s, whose lazy middle between two \s* took time
 * cubic in a run of spaces ("(" + 3,200 spaces + "x" took 19 s).
 */
function withoutBrackets(text: string): string {
  const first = text.charAt(0);
  if (first !== '(' && first !== '[') return text;
  const last = text.charAt(text.length - 1);
  if (text.length < 2 || (last !== ')' && last !== ']')) return text;
  return text.slice(1, -1).trim();
}

/** Returns where the second bound starts. */
function readSeparator(text: string, position: number, shown: string): Parsed<number> {
  const word = matchAt(WORD_SEPARATOR, text, position);
  if (word !== null) return parsed(position + word[0].length);
  const dash = matchAt(DASH_SEPARATOR, text, position);
  if (dash === null) return notAnInterval(shown);
  // "1.2 -3.4" could be a range or two numbers, the second negative; spacing that is the same on
  // both sides of the dash ("1.2-3.4", "1.2 - 3.4") can only be a range.
  if ((dash.groups?.before === '') !== (dash.groups?.after === '')) {
    return rejected(`'${shown}' is ambiguous: write the range as 'low to high'`);
  }
  return parsed(position + dash[0].length);
}

function bounds(lowText: string, highText: string): Parsed<ConfidenceInterval> {
  const low = parseNumber(lowText);
  if (!low.ok) return low;
  const high = parseNumber(highText);
  if (!high.ok) return high;
  return parsed({ low: low.value, high: high.value });
}

function matchAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}
