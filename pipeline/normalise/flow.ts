// The boxes of a PRISMA 2020 flow diagram (the PRISMA2020 package's data keys) and the numbers a box holds.
import { parseCount } from './number.ts';
import { nearest } from './nearest.ts';
import { parsed, rejected, tooLong, type Parsed } from './types.ts';

/** The data keys of the PRISMA2020 package's template (`PRISMA2020-template.csv`, column `data`), in its order. */
export const FLOW_KEYS = [
  'previous_studies', 'previous_reports',
  'database_results', 'register_results',
  'website_results', 'organisation_results', 'citations_results',
  'duplicates', 'excluded_automatic', 'excluded_other',
  'records_screened', 'records_excluded',
  'dbr_sought_reports', 'dbr_notretrieved_reports', 'other_sought_reports', 'other_notretrieved_reports',
  'dbr_assessed', 'dbr_excluded', 'other_assessed', 'other_excluded',
  'new_studies', 'new_reports', 'total_studies', 'total_reports',
] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

/**
 * Rows of the PRISMA2020 template that draw a title or a side box and carry no number: `NA` (its
 * title boxes) and the three blue phase boxes. They are read and ignored.
 */
export const FLOW_LAYOUT_KEYS = ['NA', 'identification', 'screening', 'included'] as const;
export type FlowLayoutKey = (typeof FLOW_LAYOUT_KEYS)[number];

/** Boxes that may list reasons with their numbers (`Wrong population, 40; Wrong design, 35`). */
export function isExclusionBox(key: FlowKey): boolean {
  return key.endsWith('_excluded');
}

export function parseFlowKey(raw: string): Parsed<FlowKey | FlowLayoutKey> {
  const value = raw.trim();
  const key = [...FLOW_KEYS, ...FLOW_LAYOUT_KEYS].find((known) => known.toLowerCase() === value.toLowerCase());
  if (key !== undefined) return parsed(key);
  return rejected(`'${value}' is not a PRISMA 2020 box (the PRISMA2020 template's keys: ${FLOW_KEYS.slice(0, 3).join(', ')} …)`, nearest(value, FLOW_KEYS));
}

/** One reason for exclusion and its number, as written. */
export interface FlowReason {
  reason: string;
  n: number;
}

/** Most reasons one box may list. */
const MAX_REASONS = 200;
// "Wrong population, 40", "人群不符：40", "Wrong design 35": the number closes the item.
const REASON = /^(.*?)[\s,，:：]+(\d[\d,]*)$/u;

/** `Reason, n; Reason, n` (`;` or `；` between items, `,` `:` or a space before each number). */
export function parseReasons(raw: string): Parsed<FlowReason[]> {
  const long = tooLong(raw, 20_000, 'a list of reasons is at most a few hundred items');
  if (long) return long;
  const items = raw.split(/[;；]/).map((item) => item.trim()).filter(Boolean);
  if (items.length > MAX_REASONS) return rejected(`lists ${items.length} reasons; at most ${MAX_REASONS}`);
  const reasons: FlowReason[] = [];
  for (const item of items) {
    const match = REASON.exec(item);
    const count = match ? parseCount(match[2] as string) : undefined;
    if (!match || !count?.ok || !(match[1] as string).trim()) return rejected(`'${item}' is not a reason with its number ('Wrong population, 40'; items separated by ';')`);
    reasons.push({ reason: (match[1] as string).trim(), n: count.value });
  }
  return parsed(reasons);
}

/** A box's number, and the reasons it lists when the cell gives them (the PRISMA2020 template writes an excluded box's reasons in `n`). */
export interface FlowCount {
  n: number;
  reasons?: FlowReason[];
}

/** A count, `NA` (the PRISMA2020 package's "not reported": no number), or a list of reasons, whose sum is the box's number. */
export function parseFlowCount(raw: string): Parsed<FlowCount | undefined> {
  const value = raw.trim();
  if (value.toUpperCase() === 'NA') return parsed(undefined);
  const count = parseCount(value);
  if (count.ok) return parsed({ n: count.value });
  if (!/[;；,，:：]/.test(value)) return count;
  const reasons = parseReasons(value);
  if (!reasons.ok) return reasons;
  return parsed({ n: reasons.value.reduce((sum, reason) => sum + reason.n, 0), reasons: reasons.value });
}
