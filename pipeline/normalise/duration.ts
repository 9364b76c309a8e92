// Reads follow-up and treatment durations ("96 weeks", "week 96", "第96周", "30 个月", "mean 6 mo") into weeks.

import { foldFullWidth } from './number.ts';
import { parsed, preview, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

/** A duration as written (amount and unit) and in weeks, for comparing across papers. */
export interface Duration {
  weeks: number;
  amount: number;
  unit: DurationUnit;
}

// A month and a year are the Julian averages; papers that write "6 months" do not mean a calendar.
const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

// A bare "月" is left out: "6月" reads as June as often as six months, while "6个月" is unambiguous.
const UNIT_WORDS: ReadonlyMap<string, DurationUnit> = new Map<string, DurationUnit>([
  ...words('day', ['d', 'day', 'days', '天', '日']),
  ...words('week', ['w', 'wk', 'wks', 'week', 'weeks', '周', '週', '星期']),
  ...words('month', ['mo', 'mos', 'mon', 'month', 'months', '个月', '個月']),
  ...words('year', ['y', 'yr', 'yrs', 'year', 'years', '年']),
]);

const QUALIFIER_BEFORE = /^(?:mean|median|average|平均|中位数?)\s*(?::\s*)?/;
// The spaces before it are trimmed, not matched: /\s*\(mean\)$/ retried its \s* from every space of a
// run, which took time quadratic in the run.
const QUALIFIER_AFTER = /\((?:mean|median|average|平均|中位数?)\)$/;
const AMOUNT_THEN_UNIT = /^(?:第\s*)?(?<amount>\d+(?:\.\d+)?)\s*(?<unit>[a-z]+|个月|個月|星期|[天日周週年])$/;
const UNIT_THEN_AMOUNT = /^(?<unit>[a-z]+)\s*(?<amount>\d+(?:\.\d+)?)$/;

// The longest text parseDuration reads: 1,000 characters; "median: 30 months" is 17.
const MAX_LENGTH = 1_000;

function words(unit: DurationUnit, spellings: readonly string[]): [string, DurationUnit][] {
  return spellings.map((spelling) => [spelling, unit]);
}

/**
 * Parses "amount unit" ("96 weeks", "4周", "第96周") or "unit amount" ("week 96", "wk 48"), after an
 * optional mean/median/平均 qualifier, which is dropped. Units: days, weeks, months (个月) and years.
 */
export function parseDuration(raw: string): Parsed<Duration> {
  const long = tooLong(raw, MAX_LENGTH, "a duration is a few characters, such as '96 weeks'");
  if (long !== undefined) return long;
  const shown = raw.trim();
  const text = withoutQualifierAfter(foldFullWidth(shown).toLowerCase().replace(QUALIFIER_BEFORE, ''));
  const groups = (AMOUNT_THEN_UNIT.exec(text) ?? UNIT_THEN_AMOUNT.exec(text))?.groups;
  const unit = groups?.unit === undefined ? undefined : UNIT_WORDS.get(groups.unit);
  if (groups?.amount === undefined || unit === undefined) {
    return rejected(`'${shown}' is not a duration; expected e.g. '96 weeks', 'week 96' or '30 个月'`);
  }
  const amount = Number(groups.amount);
  const weeks = (amount * DAYS_PER_UNIT[unit]) / 7;
  // 400 digits read as Infinity: a duration must be a finite number, in its unit and in weeks.
  if (!Number.isFinite(amount) || !Number.isFinite(weeks)) {
    const why = Number.isFinite(amount) ? 'is too large to give a finite number of weeks' : 'is not a finite number';
    return rejected(`'${preview(shown)}' is not a duration: its amount ${why}`);
  }
  return parsed({ weeks, amount, unit });
}

/** The text without a final "(mean)", "(median)" … and the spaces before it. */
function withoutQualifierAfter(text: string): string {
  const qualifier = QUALIFIER_AFTER.exec(text);
  return qualifier === null ? text : text.slice(0, qualifier.index).trimEnd();
}
