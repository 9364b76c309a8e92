// Tests for certainty/inconsistency. The results are made up: pooled by the engine from made-up trials, or given directly.
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../helpers/rule-tester.ts';
import { createInconsistencyRule } from '../../../pipeline/checks/certainty/inconsistency.ts';
import { inconsistencySignal } from '../../../pipeline/appraisal/certainty.ts';
import { ENGINE, HEADER, madeUpSource } from './signals.ts';

testRule('certainty/inconsistency', {
  valid: [
    { name: 'no pooled result is known (no analyses.csv): nothing is said', tables: { certainty: HEADER + 'a1,not serious,not serious,high\n' } },
    { name: 'no certainty.csv', tables: {} },
    { name: 'an analysis id that analyses.csv does not have', tables: { ...ENGINE, certainty: HEADER + 'other,not serious,not serious,high\n' } },
  ],
  invalid: [
    {
      name: 'two trials pointing opposite ways, pooled by the engine',
      tables: { ...ENGINE, certainty: HEADER + 'sae,not serious,not serious,high\n' },
      diagnostics: [{ line: 2, column: 5, field: 'inconsistency', message: "sae: I² is 95% (75% or more), but inconsistency is 'not serious'" }],
    },
  ],
});

const run = (row: string, pooled: Parameters<typeof madeUpSource>[0]) => runRule('certainty/inconsistency', { certainty: HEADER + row }, createInconsistencyRule(madeUpSource(pooled)));
const BASE = { ciLow: 0.34, ciHigh: 0.7, nullValue: 1, binary: true };

describe('certainty/inconsistency with made-up pooled results', () => {
  it('I² of 92% rated not serious', () => {
    expect(run('a1,not serious,,low\n', { ...BASE, i2: 92.12 }).map((d) => [d.line, d.column, d.message])).toEqual([[2, 4, "a1: I² is 92% (75% or more), but inconsistency is 'not serious'"]]);
  });

  it('a prediction interval across 1 rated not serious', () => {
    expect(run('a1,not serious,,low\n', { ...BASE, i2: 40, predictionLow: 0.1546, predictionHigh: 1.549 }).map((d) => d.message)).toEqual([
      "a1: the 95% prediction interval 0.15 to 1.55 includes 1 (no effect), but inconsistency is 'not serious'",
    ]);
  });

  it('rated serious, or homogeneous: nothing', () => {
    expect(run('a1,serious,,low\n', { ...BASE, i2: 92 })).toEqual([]);
    expect(run('a1,not serious,,low\n', { ...BASE, i2: 10, predictionLow: 0.3, predictionHigh: 0.8 })).toEqual([]);
    expect(run('a2,not serious,,low\n', { ...BASE, i2: 92 })).toEqual([]);
  });
});

describe('inconsistencySignal', () => {
  it('75% is considerable; a difference measure crosses 0', () => {
    expect(inconsistencySignal({ ...BASE, i2: 75 })).toEqual({ kind: 'i2', i2: 75 });
    expect(inconsistencySignal({ ...BASE, i2: 74.9 })).toBeUndefined();
    expect(inconsistencySignal({ ciLow: 1, ciHigh: 3, nullValue: 0, binary: false, predictionLow: -0.5, predictionHigh: 4 })).toEqual({ kind: 'prediction', low: -0.5, high: 4 });
  });
});
