// Reads counts as papers print them ("14 (56%)", "14/25", "14 of 25 (56.0%)", "14 例（56%）") into count, denominator and percent.

import { foldFullWidth, parseCount, parsePercent } from './number.ts';
import type { Percent } from './number.ts';
import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

/** A count as reported, with the denominator and percentage when the paper gives them. */
export interface ReportedCount {
  count: number;
  denominator?: number;
  percent?: Percent;
}

// The spaces around a separator are trimmed from the terms, not matched: /\s*(?:\/|of)\s*/ retried its
// \s* from every space of a run, which took time quadratic in the run.
const DENOMINATOR_SEPARATOR = /\/|\bout of\b|\bof\b/i;
// Papers write the unit after the number ("14 例", "14 patients"); it carries nothing to keep.
const COUNT_NOUN = /(?:例|人|名|patients?|participants?|subjects?|cases?)$/i;
// The longest text parseReportedCount reads: 1,000 characters; "14 of 25 patients (56.0%)" is 25.
const MAX_LENGTH = 1_000;

/**
 * Parses "count", "count/denominator", "count of denominator", each optionally followed by
 * "(percent)". A bare number in the parentheses ("14 (56.0)") is read as a percent, as in columns
 * headed "n (%)". Whether the three agree is left to the consistency checks.
 */
export function parseReportedCount(raw: string): Parsed<ReportedCount> {
  const long = tooLong(raw, MAX_LENGTH, "a reported count is a few characters, such as '14/25 (56%)'");
  if (long !== undefined) return long;
  const shown = raw.trim();
  const text = foldFullWidth(shown);
  const open = text.endsWith(')') ? text.lastIndexOf('(') : -1;

  const counts = readFraction(open < 0 ? text : text.slice(0, open).trimEnd(), shown);
  if (!counts.ok || open < 0) return counts;

  const percent = parsePercent(text.slice(open + 1, -1));
  if (!percent.ok) return percent;
  counts.value.percent = percent.value;
  return counts;
}

function readFraction(text: string, shown: string): Parsed<ReportedCount> {
  if (text === '' || text.includes('%')) return rejected(`'${shown}' has no count; expected a count such as '14 (56%)'`);
  const terms = text.split(DENOMINATOR_SEPARATOR).map((term) => term.trim());
  if (terms.length > 2) return rejected(`'${shown}' has more than one denominator; expected e.g. '14/25 (56%)'`);

  const count = parseCount(withoutCountNoun(terms[0] ?? ''));
  if (!count.ok) return count;
  if (terms[1] === undefined) return parsed({ count: count.value });

  const denominator = parseCount(withoutCountNoun(terms[1]));
  if (!denominator.ok) return denominator;
  return parsed({ count: count.value, denominator: denominator.value });
}

/** The term without a final count noun and the spaces before it; `text` is trimmed. */
function withoutCountNoun(text: string): string {
  if (endsWithDigit(text)) return text;
  const noun = COUNT_NOUN.exec(text);
  return noun === null ? text : text.slice(0, noun.index).trimEnd();
}

function endsWithDigit(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0x30 && last <= 0x39;
}
