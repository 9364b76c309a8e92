// Deliberate mistakes in about 1% of outcome rows, one kind after another, so a benchmarked check has real findings to report.
import type { Random } from '../lib/random.ts';
import type { OutcomeRow } from './outcomes.ts';

export const BAD_ROW_KINDS = ['word-in-number', 'count-over-denominator', 'dangling-study', 'ragged-row', 'bad-percent', 'ci-outside'] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

/** The rule each kind of mistake must set off (the bench test checks that it does). */
export const RULE_FOR_KIND: Readonly<Record<BadRowKind, string>> = {
  'word-in-number': 'record/invalid-value',
  'count-over-denominator': 'consistency/count-exceeds-n',
  'dangling-study': 'record/dangling-link',
  'ragged-row': 'record/csv-syntax',
  'bad-percent': 'consistency/percentage',
  'ci-outside': 'consistency/ci-contains-estimate',
};

/** A spoiled row; a ragged one is written with its last fields cut off. */
export interface SpoiledRow {
  row: OutcomeRow;
  dropFields: number;
}

/**
 * One mistake per block of `every` rows, at a random place in the block. A kind that does not fit the
 * row there (a bad percent on a row without one) waits for the next row it fits, so every kind appears
 * in turn and the rate stays at one per block.
 */
export class BadRowPlanner {
  private readonly random: Random;
  private readonly every: number;
  private readonly waiting: BadRowKind[] = [];
  private nextKind = 0;
  private blockStart = 0;
  private target: number;

  constructor(random: Random, every = 100) {
    this.random = random;
    this.every = every;
    this.target = random.int(0, every - 1);
  }

  /** The kind of mistake row `index` (0-based, in file order) takes, if any. */
  take(index: number, row: OutcomeRow): BadRowKind | undefined {
    if (index >= this.target) this.armNext();
    const at = this.waiting.findIndex((kind) => fits(kind, row));
    if (at < 0) return undefined;
    return this.waiting.splice(at, 1)[0];
  }

  private armNext(): void {
    this.waiting.push(BAD_ROW_KINDS[this.nextKind % BAD_ROW_KINDS.length] as BadRowKind);
    this.nextKind++;
    this.blockStart += this.every;
    this.target = this.blockStart + this.random.int(0, this.every - 1);
  }
}

function fits(kind: BadRowKind, row: OutcomeRow): boolean {
  switch (kind) {
    case 'word-in-number':
      return row.n !== undefined;
    case 'count-over-denominator':
      return row.count !== undefined && row.denominator !== undefined;
    case 'bad-percent':
      return row.percent !== undefined;
    case 'ci-outside':
      return row.value !== undefined && row.ci_high !== undefined;
    case 'dangling-study':
    case 'ragged-row':
      return true;
  }
}

/** The row with the mistake made; `serial` makes each dangling id different. */
export function spoil(kind: BadRowKind, row: OutcomeRow, random: Random, serial: number): SpoiledRow {
  switch (kind) {
    case 'word-in-number':
      return { row: { ...row, n: `about ${row.n}` }, dropFields: 0 };
    case 'count-over-denominator': {
      // The percent and the text go too: a percent over 100 would be a different finding.
      const count = Number(row.denominator) + random.int(1, 5);
      return { row: { ...row, count, percent: undefined, reported: undefined }, dropFields: 0 };
    }
    case 'dangling-study':
      return { row: { ...row, study_id: `withdrawn-${serial.toString(36)}` }, dropFields: 0 };
    case 'ragged-row':
      return { row, dropFields: 4 };
    case 'bad-percent':
      return { row: { ...row, percent: wrongPercent(row, random), reported: undefined }, dropFields: 0 };
    case 'ci-outside':
      return { row: { ...row, value: (Number(row.ci_high) + random.decimal(0.5, 3, 1)).toFixed(1), reported: undefined }, dropFields: 0 };
  }
}

/** A percent 5–15 points away from count/denominator, inside 0–100, written with the right decimals. */
function wrongPercent(row: OutcomeRow, random: Random): string {
  const right = Number(row.percent);
  const shift = random.int(5, 15);
  const wrong = right + shift <= 100 ? right + shift : right - shift;
  return wrong.toFixed(String(row.percent).includes('.') ? 1 : 0);
}
