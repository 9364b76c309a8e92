// Which outcome rows an `{{outcome "study" "outcome" …}}` call names: one filter rule for the render and for the prose checks.
import type { OutcomeRecord } from '../schema/tables.ts';

/** The filters `{{outcome}}` takes besides `field`. */
export const OUTCOME_FILTERS: ReadonlySet<string> = new Set(['arm', 'category', 'analysis', 'measure', 'unit', 'timepoint', 'reference_id']);

/** The rows of one study's outcome that every filter matches (`timepoint` as written; the others as terms). */
export function selectOutcomeRows(rows: readonly OutcomeRecord[], outcome: string, filters: Readonly<Record<string, unknown>>): OutcomeRecord[] {
  const wanted = Object.entries(filters);
  return rows.filter((row) => row.outcome === outcome && wanted.every(([key, expected]) => matchesFilter(row, key, expected)));
}

function matchesFilter(row: OutcomeRecord, key: string, expected: unknown): boolean {
  const wanted = String(expected);
  switch (key) {
    case 'timepoint':
      return row.timepoint?.raw === wanted;
    case 'arm':
    case 'category':
    case 'analysis':
    case 'measure':
    case 'unit':
    case 'reference_id':
      return (row[key] ?? '') === wanted;
    default:
      return false;
  }
}
