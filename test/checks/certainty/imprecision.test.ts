// Tests for certainty/imprecision. The results are made up: pooled by the engine from made-up trials, or given directly.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';
import { createImprecisionRule } from '../../../pipeline/checks/certainty/imprecision.ts';
import { imprecisionSignal } from '../../../pipeline/appraisal/certainty.ts';
import { ENGINE, HEADER, madeUpSource } from './signals.ts';

testRule('certainty/imprecision', {
  valid: [
    { name: 'no pooled result is known (no analyses.csv): nothing is said', tables: { certainty: HEADER + 'a1,not serious,not serious,high\n' } },
    { name: 'no certainty.csv', tables: {} },
    { name: 'an analysis id that analyses.csv does not have', tables: { ...ENGINE, certainty: HEADER + 'other,not serious,not serious,high\n' } },
  ],
  invalid: [
    {
      name: 'two trials pointing opposite ways, pooled by the engine',
      tables: { ...ENGINE, certainty: HEADER + 'sae,not serious,not serious,high\n' },
      diagnostics: [{ line: 2, column: 17, field: 'imprecision', message: "sae: the 95% CI 0.01 to 51.04 includes 1 (no effect), but imprecision is 'not serious'" }],
    },
  ],
});

const run = (row: string, pooled: Parameters<typeof madeUpSource>[0]) => runRule('certainty/imprecision', { certainty: HEADER + row }, createImprecisionRule(madeUpSource(pooled)));

describe('certainty/imprecision with made-up pooled results', () => {
  it('a CI across 1 rated not serious', () => {
    expect(run('a1,,not serious,high\n', { ciLow: 0.8, ciHigh: 1.1, nullValue: 1, binary: true, events: 900 }).map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 5, "a1: the 95% CI 0.8 to 1.1 includes 1 (no effect), but imprecision is 'not serious'"],
    ]);
  });

  it('too few events, or too few patients for a continuous outcome', () => {
    expect(run('a1,,not serious,high\n', { ciLow: 0.4, ciHigh: 0.7, nullValue: 1, binary: true, events: 120 }).map((d) => d.message)).toEqual([
      "a1: 120 events, fewer than the 300 of GRADE's optimal information size, but imprecision is 'not serious'",
    ]);
    expect(run('a1,,not serious,high\n', { ciLow: 1.2, ciHigh: 3.4, nullValue: 0, binary: false, participants: 212 }).map((d) => d.message)).toEqual([
      "a1: 212 patients, fewer than the 400 of GRADE's optimal information size, but imprecision is 'not serious'",
    ]);
  });

  it('rated serious, or precise: nothing', () => {
    expect(run('a1,,serious,moderate\n', { ciLow: 0.8, ciHigh: 1.1, nullValue: 1, binary: true })).toEqual([]);
    expect(run('a1,,not serious,high\n', { ciLow: 0.4, ciHigh: 0.7, nullValue: 1, binary: true, events: 450 })).toEqual([]);
  });
});

describe('imprecisionSignal', () => {
  it('a CI ending at the null holds it', () => {
    expect(imprecisionSignal({ ciLow: 0.5, ciHigh: 1, nullValue: 1, binary: true })).toEqual({ kind: 'ci', low: 0.5, high: 1 });
  });
});
