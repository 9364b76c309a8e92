// Column widths from content: a sample of cells' widths decides how to share the page so rows stay short.
import { maxOf } from '../../arrays.ts';

/** A column as measured on a sample of rows; widths in points, cell padding excluded. */
export interface ColumnSample {
  /** Narrower than this, a word or the heading would break. */
  min: number;
  /**
   * This column's cell in each sampled row: the single-line width of each of its forced lines (a cell with <br> has
   * several); empty when the cell is empty or spanned.
   */
  cells: readonly (readonly number[])[];
  /** Below this width a one-line cell counts as a short label (病例系列, 12 个月) that should not wrap. */
  short: number;
}

// Wrapping wastes part of each line (a word that does not fit moves down): estimate lines with a little slack.
const WRAP_SLACK = 1.06;
// Beyond the height of each row, a cost for every extra line and for each short label broken in two.
const LINE_COST = 0.15;
const BROKEN_LABEL_COST = 0.5;
// The smallest widening considered, as a share of the width to hand out: keeps the rounds few on dense samples.
const MIN_GRANT = 1 / 120;
// Moves tried by the local search, in points, coarse first; and a bound on the moves tried in all.
const MOVES = [24, 12, 6, 3, 1.5];
const MAX_TRIES = 1500;

/** Estimated number of lines a text of single-line width `natural` takes in a column `width` wide. */
export function estimateLines(natural: number, width: number): number {
  if (natural <= width + 0.01) return 1;
  return Math.ceil((natural * WRAP_SLACK) / width);
}

/** Estimated lines of a cell made of forced lines; 0 for an empty cell. */
export function cellLines(cell: readonly number[], width: number): number {
  let lines = 0;
  for (const natural of cell) lines += estimateLines(natural, width);
  return lines;
}

// A column's sample packed into flat arrays: the cost is evaluated thousands of times while widths are shared out.
class PackedColumn {
  readonly min: number;
  readonly max: number;
  readonly weight: number;
  /** Forced-line widths of all cells, row after row; row r owns [starts[r], starts[r + 1]). */
  readonly widths: Float64Array;
  readonly starts: Int32Array;
  readonly label: Uint8Array;

  constructor(sample: ColumnSample, rows: number) {
    const flat = sample.cells.flat();
    this.widths = Float64Array.from(flat);
    this.starts = new Int32Array(rows + 1);
    this.label = new Uint8Array(rows);
    let at = 0;
    for (let row = 0; row < rows; row++) {
      const cell = sample.cells[row] ?? [];
      this.starts[row] = at;
      at += cell.length;
      this.label[row] = cell.length === 1 && (cell[0] as number) <= sample.short ? 1 : 0;
    }
    this.starts[rows] = at;
    this.min = sample.min;
    this.max = maxOf(flat, sample.min);
    this.weight = flat.reduce((a, b) => a + b, 0) + 1;
  }

  /** Estimated lines of row `row` at `width`; 0 for an empty cell. */
  lines(row: number, width: number): number {
    let lines = 0;
    for (let i = this.starts[row] as number, end = this.starts[row + 1] as number; i < end; i++) lines += estimateLines(this.widths[i] as number, width);
    return lines;
  }

  /** Lines beyond the forced ones, with broken labels weighted in, for a row at `lines`. */
  extra(row: number, lines: number): number {
    const forced = (this.starts[row + 1] as number) - (this.starts[row] as number);
    if (lines <= forced) return 0;
    return lines - forced + (this.label[row] === 1 ? BROKEN_LABEL_COST / LINE_COST : 0);
  }

  /** The narrowest width above `width` at which some cell takes one line fewer (Infinity if none). */
  nextBreak(width: number): number {
    let next = Infinity;
    // An index loop: this runs thousands of times while the table's first rows are still unoptimised code, where a
    // for-of over a typed array allocates an iterator result per value.
    const widths = this.widths;
    for (let i = 0; i < widths.length; i++) {
      const natural = widths[i] as number;
      if (natural <= width + 0.01) continue;
      const count = estimateLines(natural, width);
      // A hair above the threshold, so rounding cannot leave the line count where it was.
      const target = (count <= 2 ? natural : (natural * WRAP_SLACK) / (count - 1)) + 1e-6;
      if (target < next) next = target;
    }
    return next;
  }
}

/**
 * Shares `available` points among columns. Starting from their minimums, it repeatedly widens the column where the
 * next saved line is cheapest: the estimated height of the sampled rows (each row as tall as its tallest cell), plus a
 * little for every extra line and every short label broken in two, saved per point of width. So long-text columns
 * (outcomes, conclusions) get the room, and a short column widens only when that saves a line somewhere. What is
 * left once nothing more saves a line is shared by content; a local search then moves width between columns while
 * that lowers the cost. The widths sum to `available`.
 */
export function allocateWidths(samples: readonly ColumnSample[], available: number): number[] {
  if (samples.length === 0) return [];
  const widths = samples.map((sample) => sample.min);
  const minSum = sum(widths);
  if (minSum >= available) return widths.map((width) => (minSum === 0 ? available / samples.length : (width * available) / minSum));
  const rows = maxOf(samples.map((sample) => sample.cells.length));
  const table = new CostTable(samples.map((sample) => new PackedColumn(sample, rows)), rows, widths);
  let left = available - minSum;
  const grant = Math.max(0.5, left * MIN_GRANT);
  // Each round widens one column, so the others' next break points stay as they were: found once per width.
  const nextBreaks = widths.map(() => Number.NaN);
  for (;;) {
    const tallest = table.tallest();
    let best = -1;
    let bestTarget = 0;
    let bestRate = 0;
    table.columns.forEach((column, index) => {
      const width = widths[index] as number;
      if (width >= column.max) return;
      let nextBreak = nextBreaks[index] as number;
      if (Number.isNaN(nextBreak)) nextBreak = nextBreaks[index] = column.nextBreak(width);
      const target = Math.max(nextBreak, width + grant);
      if (!Number.isFinite(target) || target - width > left) return;
      const rate = table.saving(index, target, tallest) / (target - width);
      if (rate > bestRate) {
        bestRate = rate;
        best = index;
        bestTarget = target;
      }
    });
    if (best < 0) break;
    left -= bestTarget - (widths[best] as number);
    widths[best] = bestTarget;
    nextBreaks[best] = Number.NaN;
    table.set(best, bestTarget);
  }
  const weightSum = sum(table.columns.map((column) => column.weight));
  table.columns.forEach((column, index) => table.set(index, (widths[index] as number) + (left * column.weight) / weightSum));
  return rebalance(table);
}

/**
 * The greedy pass is short-sighted: a long cell saves nothing until its column has widened a lot. Moving width
 * from one column to another while that lowers the cost fixes what it missed.
 */
function rebalance(table: CostTable): number[] {
  const widths = table.widths;
  let tries = 0;
  for (const move of MOVES) {
    let improved = true;
    while (improved && tries < MAX_TRIES) {
      improved = false;
      for (let from = 0; from < widths.length; from++) {
        for (let to = 0; to < widths.length; to++) {
          if (to === from || (widths[from] as number) - move < (table.columns[from] as PackedColumn).min) continue;
          tries++;
          if (table.tryMove(from, to, move)) improved = true;
        }
      }
    }
  }
  return [...widths];
}

interface Tallest {
  first: Int32Array;
  column: Int32Array;
  second: Int32Array;
}

// The current widths with each column's line counts per row, so a change re-estimates only the columns it touches.
class CostTable {
  readonly columns: readonly PackedColumn[];
  readonly widths: number[];
  private readonly rows: number;
  private readonly lines: Int32Array[];
  private readonly scratch: [Int32Array, Int32Array];
  // The cost at the current widths, once known.
  private current: number | null = null;

  constructor(columns: readonly PackedColumn[], rows: number, widths: readonly number[]) {
    this.columns = columns;
    this.rows = rows;
    this.widths = [...widths];
    this.lines = columns.map(() => new Int32Array(rows));
    columns.forEach((_, index) => this.fill(index, this.widths[index] as number, this.lines[index] as Int32Array));
    this.scratch = [new Int32Array(rows), new Int32Array(rows)];
  }

  set(index: number, width: number): void {
    this.current = null;
    this.widths[index] = width;
    this.fill(index, width, this.lines[index] as Int32Array);
  }

  /** Each row's tallest and second-tallest cell: one column's change is then judged without re-scanning rows. */
  tallest(): Tallest {
    const first = new Int32Array(this.rows).fill(1);
    const column = new Int32Array(this.rows).fill(-1);
    const second = new Int32Array(this.rows).fill(1);
    this.lines.forEach((lines, index) => {
      for (let row = 0; row < this.rows; row++) {
        const count = lines[row] as number;
        if (count > (first[row] as number)) {
          second[row] = first[row] as number;
          first[row] = count;
          column[row] = index;
        } else if (count > (second[row] as number)) {
          second[row] = count;
        }
      }
    });
    return { first, column, second };
  }

  /** How much the cost falls if column `index` is widened to `target`. */
  saving(index: number, target: number, tallest: Tallest): number {
    const packed = this.columns[index] as PackedColumn;
    const current = this.lines[index] as Int32Array;
    let saved = 0;
    for (let row = 0; row < this.rows; row++) {
      const before = current[row] as number;
      if (before <= 1) continue;
      const after = packed.lines(row, target);
      if (after === before) continue;
      const others = tallest.column[row] === index ? (tallest.second[row] as number) : (tallest.first[row] as number);
      saved += Math.max(others, before) - Math.max(others, after) + LINE_COST * (packed.extra(row, before) - packed.extra(row, after));
    }
    return saved;
  }

  /** Moves `move` points from one column to another if that lowers the cost. */
  tryMove(from: number, to: number, move: number): boolean {
    const [a, b] = this.scratch;
    this.fill(from, (this.widths[from] as number) - move, a);
    this.fill(to, (this.widths[to] as number) + move, b);
    this.current ??= this.cost(-1, a, -1, b);
    const after = this.cost(from, a, to, b);
    if (after >= this.current - 1e-9) return false;
    this.current = after;
    this.widths[from] = (this.widths[from] as number) - move;
    this.widths[to] = (this.widths[to] as number) + move;
    (this.lines[from] as Int32Array).set(a);
    (this.lines[to] as Int32Array).set(b);
    return true;
  }

  private fill(index: number, width: number, out: Int32Array): void {
    const column = this.columns[index] as PackedColumn;
    for (let row = 0; row < this.rows; row++) out[row] = column.lines(row, width);
  }

  // The cost with columns `a` and `b` (b may be -1) at the given line counts and every other column as it is.
  private cost(a: number, linesA: Int32Array, b: number, linesB: Int32Array): number {
    let total = 0;
    const count = this.lines.length;
    for (let row = 0; row < this.rows; row++) {
      let tallest = 1;
      let extra = 0;
      for (let index = 0; index < count; index++) {
        const lines = index === a ? (linesA[row] as number) : index === b ? (linesB[row] as number) : ((this.lines[index] as Int32Array)[row] as number);
        if (lines > tallest) tallest = lines;
        if (lines > 1) extra += (this.columns[index] as PackedColumn).extra(row, lines);
      }
      total += tallest + LINE_COST * extra;
    }
    return total;
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Up to `count` row indexes spread evenly over `total` rows, first and last included. */
export function sampleIndexes(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1)));
}
