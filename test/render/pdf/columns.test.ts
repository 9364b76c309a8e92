// Column widths: minimums kept, the long-text column gets the room, the widths fill the table.
import { describe, expect, it } from 'vitest';
import { allocateWidths, cellLines, estimateLines, sampleIndexes, type ColumnSample } from '../../../pipeline/render/pdf/columns.ts';

const column = (min: number, cells: number[], short = 40): ColumnSample => ({ min, cells: cells.map((width) => [width]), short });
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('allocateWidths', () => {
  it('fills the available width and keeps each minimum', () => {
    const columns = [column(30, [60, 65, 50]), column(20, [20, 22, 20]), column(30, [400, 300, 350]), column(25, [30, 30, 30])];
    const widths = allocateWidths(columns, 400);
    expect(sum(widths)).toBeCloseTo(400, 6);
    widths.forEach((width, index) => expect(width).toBeGreaterThanOrEqual((columns[index] as ColumnSample).min - 1e-9));
    expect(Math.max(...widths)).toBe(widths[2]);
  });

  it('keeps short labels on one line when the room allows', () => {
    const widths = allocateWidths([column(10, [35, 35, 35]), column(20, [300, 280, 320])], 300);
    expect(widths[0]).toBeGreaterThanOrEqual(35);
  });

  it('shares the width between two long columns so rows stay short', () => {
    const widths = allocateWidths([column(20, [300, 300]), column(20, [300, 300])], 200);
    // An even split gives 4 lines each; neither column may end up taller than that.
    for (const width of widths) expect(estimateLines(300, width)).toBeLessThanOrEqual(estimateLines(300, 100));
  });

  it('scales the minimums down when even they do not fit', () => {
    const widths = allocateWidths([column(100, [100]), column(300, [300])], 200);
    expect(widths).toEqual([50, 150]);
  });
});

describe('cells with forced line breaks', () => {
  it('count each forced line on its own', () => {
    expect(cellLines([100, 30], 50)).toBe(4);
    expect(cellLines([], 50)).toBe(0);
  });

  it('give a column of many short forced lines less room than one long line of the same text', () => {
    const long = allocateWidths([{ min: 20, cells: [[600], [600]], short: 40 }, column(20, [300, 300])], 300);
    const broken = allocateWidths([{ min: 20, cells: [Array(10).fill(60), Array(10).fill(60)], short: 40 }, column(20, [300, 300])], 300);
    expect(broken[0]).toBeLessThan(long[0] as number);
  });
});

describe('helpers', () => {
  it('estimates lines with a little wrapping slack', () => {
    expect(estimateLines(100, 100)).toBe(1);
    expect(estimateLines(100, 50)).toBe(3);
    expect(estimateLines(100, 60)).toBe(2);
  });

  it('samples rows evenly, first and last included', () => {
    expect(sampleIndexes(3, 5)).toEqual([0, 1, 2]);
    expect(sampleIndexes(101, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});
