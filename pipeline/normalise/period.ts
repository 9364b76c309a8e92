// Parses a study's recruitment period ("2010-2018", "2015.01–2017.06", "2012 至 2016") into a year range.
import { parsed, rejected, tooLong, type Parsed } from './types.ts';

/** Inclusive calendar-year range; a single year gives from === to. */
export interface Period {
  from: number;
  to: number;
}

const YEAR = String.raw`(1[89]\d\d|20\d\d)(?:[./-]\d{1,2})?`;
const RANGE = new RegExp(String.raw`^${YEAR}\s*(?:-|–|—|~|～|至|to|until)\s*${YEAR}$`, 'i');
const SINGLE = new RegExp(String.raw`^${YEAR}$`);
// The longest text parsePeriod reads: 1,000 characters; "2015.01–2017.06" is 15.
const MAX_LENGTH = 1_000;

export function parsePeriod(raw: string): Parsed<Period> {
  const long = tooLong(raw, MAX_LENGTH, 'a period is a few characters, such as 2010-2018');
  if (long !== undefined) return long;
  const value = raw.trim();
  const range = RANGE.exec(value);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) return rejected(`period ${value} ends before it starts`);
    return parsed({ from, to });
  }
  const single = SINGLE.exec(value);
  if (single) return parsed({ from: Number(single[1]), to: Number(single[1]) });
  return rejected(`'${value}' is not a period (e.g. 2010-2018)`);
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}
