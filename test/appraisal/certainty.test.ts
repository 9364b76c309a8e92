// Tests of GRADE's rating arithmetic and of reading an engine result into the certainty rules' facts (the results are made up).
import { describe, expect, it } from 'vitest';
import { factsOf, rateCertainty, startOf } from '../../pipeline/appraisal/certainty.ts';

describe('rateCertainty', () => {
  it('counts one level per serious, two per very serious, up for upgrades, within high … very low', () => {
    expect(rateCertainty('high', { risk_of_bias: 'serious', imprecision: 'very serious' }).certainty).toBe('very low');
    expect(rateCertainty('high', { risk_of_bias: 'very serious', imprecision: 'very serious' }).certainty).toBe('very low');
    expect(rateCertainty('low', { large_effect: 'very large', dose_response: 'yes' }).certainty).toBe('high');
    expect(rateCertainty('low', { risk_of_bias: 'serious', large_effect: 'yes' }).certainty).toBe('low');
  });
});

describe('startOf', () => {
  it('high for randomised studies, low for none, unknown for a mix or an unknown design', () => {
    expect(startOf(['rct', 'rct'])).toBe('high');
    expect(startOf(['case-series', 'cohort-prospective'])).toBe('low');
    expect(startOf(['rct', 'case-series'])).toBeUndefined();
    expect(startOf(['rct', 'unknown'])).toBeUndefined();
    expect(startOf([])).toBeUndefined();
  });
});

describe('factsOf', () => {
  it("reads an engine result shaped as the meta-analysis engine's (made-up numbers)", () => {
    const result = {
      target: { id: 'a1', spec: { measure: 'RR' } },
      synthesis: {
        studies: [{ id: 's1' }, { id: 's2' }],
        pooled: { ciLow: 0.34, ciHigh: 0.7, i2: 92.1, predictionLow: 0.15, predictionHigh: 1.55, participants: 800, totals: { experimental: { events: 40 }, control: { events: 90 } } },
      },
    };
    expect(factsOf(result)).toEqual({ studyIds: ['s1', 's2'], pooled: { ciLow: 0.34, ciHigh: 0.7, nullValue: 1, i2: 92.1, predictionLow: 0.15, predictionHigh: 1.55, participants: 800, events: 130, binary: true } });
  });

  it('a difference measure has 0 as its null; without a pooled result, the named studies', () => {
    expect(factsOf({ target: { id: 'a2', spec: { measure: 'MD' } }, synthesis: { studies: [{ id: 's1' }], pooled: { ciLow: -1, ciHigh: 2, i2: 0 } } }).pooled).toEqual({ ciLow: -1, ciHigh: 2, nullValue: 0, i2: 0, binary: false });
    expect(factsOf({ target: { id: 'a3', spec: { measure: 'OR' }, studies: new Set(['s9']) } })).toEqual({ studyIds: ['s9'] });
  });
});
