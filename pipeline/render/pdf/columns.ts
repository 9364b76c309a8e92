// Column widths from content: a sample of cells' widths decides how to share the page so rows stay short.

/** A column as measured on a sample of rows; widths in points, cell padding excluded. */
export interface ColumnSample {
  /** Narrower than this, a word or the heading would break. */
  min: number;
  /** Single-line width of this column's cell in each sampled row (0 when empty or spanned). */
  cells: readonly number[];
  /** Below this width a cell counts as a short label (病例系列, 12 个月) that should not wrap. */
  short: number;
}

// Wrapping wastes part of each line (a word that does not fit moves down): estimate lines with a little slack.
const WRAP_SLACK = 1.06;
// Beyond the height of each row, a cost for every extra line and for each short label broken in two.
const LINE_COST = 0.15;
const BROKEN_LABEL_COST = 0.5;
// The smallest widening considered, in points: keeps the number of rounds small on dense samples.
const MIN_GRANT = 0.5;

/** Estimated number of lines a cell of single-line width `natural` takes in a column `width` wide. */
export function estimateLines(natural: number, width: number): number {
  if (natural <= width + 0.01) return 1;
  return Math.ceil((natural * WRAP_SLACK) / width);
}

/**
 * Shares `available` points among columns. Starting from their minimums, it repeatedly widens the column where the
 * next saved line is cheapest: the estimated height of the sampled rows (each row as tall as its tallest cell), plus a
 * little for every extra line and every short label broken in two, saved per point of width. So long-text columns
 * (outcomes, conclusions) get the room, and a short column widens only when that saves a line somewhere. What is
 * left once nothing more saves a line is shared by content. The widths sum to `available`.
 */
export function allocateWidths(columns: readonly ColumnSample[], available: number): number[] {
  if (columns.length === 0) return [];
  const widths = columns.map((column) => column.min);
  const minSum = sum(widths);
  if (minSum >= available) return widths.map((width) => (minSum === 0 ? available / columns.length : (width * available) / minSum));
  const rows = Math.max(...columns.map((column) => column.cells.length));
  const lines = columns.map((column, index) => column.cells.map((natural) => (natural > 0 ? estimateLines(natural, widths[index] as number) : 0)));
  let left = available - minSum;
  for (;;) {
    const tallest = rowTallest(lines, rows);
    let best = -1;
    let bestTarget = 0;
    let bestRate = 0;
    columns.forEach((column, index) => {
      const width = widths[index] as number;
      const target = Math.max(nextBreak(column.cells, width), width + MIN_GRANT);
      if (!Number.isFinite(target) || target - width > left) return;
      const rate = saving(column, lines[index] as number[], tallest, index, target) / (target - width);
      if (rate > bestRate) {
        bestRate = rate;
        best = index;
        bestTarget = target;
      }
    });
    if (best < 0) break;
    left -= bestTarget - (widths[best] as number);
    widths[best] = bestTarget;
    const column = columns[best] as ColumnSample;
    lines[best] = column.cells.map((natural) => (natural > 0 ? estimateLines(natural, bestTarget) : 0));
  }
  const weights = columns.map((column) => sum(column.cells) + 1);
  const weightSum = sum(weights);
  return rebalance(
    columns,
    widths.map((width, index) => width + (left * (weights[index] as number)) / weightSum),
  );
}

// Moves tried by the local search, in points: coarse first.
const MOVES = [24, 12, 6, 3, 1.5];

/**
 * The greedy pass is short-sighted: a long cell saves nothing until its column has widened a lot. Moving width
 * from one column to another while that lowers the cost fixes what it missed.
 */
function rebalance(columns: readonly ColumnSample[], widths: number[]): number[] {
  const costs = new CostTable(columns, widths);
  for (const move of MOVES) {
    let improved = true;
    while (improved) {
      improved = false;
      for (let from = 0; from < widths.length; from++) {
        for (let to = 0; to < widths.length; to++) {
          if (to === from || (widths[from] as number) - move < (columns[from] as ColumnSample).min) continue;
          if (costs.tryMove(from, (widths[from] as number) - move, to, (widths[to] as number) + move)) {
            widths[from] = (widths[from] as number) - move;
            widths[to] = (widths[to] as number) + move;
            improved = true;
          }
        }
      }
    }
  }
  return widths;
}

// The cost of the current widths with each column's line counts kept, so trying a move re-estimates two columns only.
class CostTable {
  private readonly columns: readonly ColumnSample[];
  private readonly rows: number;
  private readonly lines: Int32Array[];
  private readonly extras: number[];
  private readonly scratch: [Int32Array, Int32Array];
  private cost: number;

  constructor(columns: readonly ColumnSample[], widths: readonly number[]) {
    this.columns = columns;
    this.rows = Math.max(...columns.map((column) => column.cells.length));
    this.lines = columns.map(() => new Int32Array(this.rows));
    this.extras = columns.map((_, index) => this.fill(index, widths[index] as number, this.lines[index] as Int32Array));
    this.scratch = [new Int32Array(this.rows), new Int32Array(this.rows)];
    this.cost = this.total(-1, -1);
  }

  /** Applies the move if it lowers the cost. */
  tryMove(from: number, fromWidth: number, to: number, toWidth: number): boolean {
    const [a, b] = this.scratch;
    const extraFrom = this.fill(from, fromWidth, a);
    const extraTo = this.fill(to, toWidth, b);
    const extras = this.extraSum() - (this.extras[from] as number) - (this.extras[to] as number) + extraFrom + extraTo;
    const cost = this.tallestSum(from, a, to, b) + LINE_COST * extras;
    if (cost >= this.cost - 1e-9) return false;
    (this.lines[from] as Int32Array).set(a);
    (this.lines[to] as Int32Array).set(b);
    this.extras[from] = extraFrom;
    this.extras[to] = extraTo;
    this.cost = cost;
    return true;
  }

  // Line counts of one column at a width into `out`; returns the column's extra-line cost.
  private fill(index: number, width: number, out: Int32Array): number {
    const column = this.columns[index] as ColumnSample;
    let extra = 0;
    for (let row = 0; row < this.rows; row++) {
      const natural = column.cells[row] ?? 0;
      const count = natural > 0 ? estimateLines(natural, width) : 0;
      out[row] = count;
      if (count > 1) extra += count - 1 + (natural <= column.short ? BROKEN_LABEL_COST / LINE_COST : 0);
    }
    return extra;
  }

  private extraSum(): number {
    return sum(this.extras);
  }

  private total(from: number, to: number): number {
    return this.tallestSum(from, this.lines[from < 0 ? 0 : from] as Int32Array, to, this.lines[to < 0 ? 0 : to] as Int32Array) + LINE_COST * this.extraSum();
  }

  private tallestSum(from: number, a: Int32Array, to: number, b: Int32Array): number {
    let total = 0;
    const count = this.lines.length;
    for (let row = 0; row < this.rows; row++) {
      let tallest = 1;
      for (let index = 0; index < count; index++) {
        const lines = index === from ? (a[row] as number) : index === to ? (b[row] as number) : ((this.lines[index] as Int32Array)[row] as number);
        if (lines > tallest) tallest = lines;
      }
      total += tallest;
    }
    return total;
  }
}

/** The estimated height of the sampled rows in lines, plus the small costs of extra lines and broken labels. */
export function totalCost(columns: readonly ColumnSample[], widths: readonly number[], rows: number): number {
  let total = 0;
  for (let row = 0; row < rows; row++) {
    let tallest = 1;
    let extra = 0;
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as ColumnSample;
      const natural = column.cells[row] ?? 0;
      if (natural <= 0) continue;
      const lines = estimateLines(natural, widths[index] as number);
      if (lines > tallest) tallest = lines;
      if (lines > 1) extra += lines - 1 + (natural <= column.short ? BROKEN_LABEL_COST / LINE_COST : 0);
    }
    total += tallest + LINE_COST * extra;
  }
  return total;
}

/** The narrowest width above `width` at which some cell of the column takes one line fewer (Infinity if none). */
function nextBreak(cells: readonly number[], width: number): number {
  let next = Infinity;
  for (const natural of cells) {
    if (natural <= width + 0.01) continue;
    const count = estimateLines(natural, width);
    // A hair above the threshold, so rounding cannot leave the line count where it was.
    const target = (count <= 2 ? natural : (natural * WRAP_SLACK) / (count - 1)) + 1e-6;
    if (target < next) next = target;
  }
  return next;
}

interface Tallest {
  first: number[];
  firstColumn: number[];
  second: number[];
}

// Each row's tallest and second-tallest cell, so one column's change can be judged without re-scanning the row.
function rowTallest(lines: readonly (readonly number[])[], rows: number): Tallest {
  const first = new Array<number>(rows).fill(1);
  const firstColumn = new Array<number>(rows).fill(-1);
  const second = new Array<number>(rows).fill(1);
  lines.forEach((column, index) => {
    for (let row = 0; row < rows; row++) {
      const count = column[row] ?? 0;
      if (count > (first[row] as number)) {
        second[row] = first[row] as number;
        first[row] = count;
        firstColumn[row] = index;
      } else if (count > (second[row] as number)) {
        second[row] = count;
      }
    }
  });
  return { first, firstColumn, second };
}

function saving(column: ColumnSample, current: readonly number[], tallest: Tallest, index: number, target: number): number {
  let saved = 0;
  column.cells.forEach((natural, row) => {
    if (natural <= 0) return;
    const before = current[row] as number;
    const after = estimateLines(natural, target);
    if (after === before) return;
    const others = tallest.firstColumn[row] === index ? (tallest.second[row] as number) : (tallest.first[row] as number);
    saved += Math.max(others, before) - Math.max(others, after) + LINE_COST * (before - after);
    if (after === 1 && natural <= column.short) saved += BROKEN_LABEL_COST;
  });
  return saved;
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
