// Tests of GRADE's absolute effects per 1,000, with the worked examples of the GRADE Handbook.
import { describe, expect, it } from 'vitest';
import { absoluteEffect, assumedRisk, direction, interventionRisk, medianControlRisk } from '../../pipeline/appraisal/absolute-effects.ts';

// Source of the worked examples: GRADE Handbook (Schünemann, Brożek, Guyatt, Oxman, eds., 2013), section 5.2.2
// "Absolute effect" (read in its Japanese translation): RR 0.83 (95% CI 0.78 to 0.89) with a control
// risk of 40% gives 68 fewer per 1,000; OR 0.64 (0.47 to 0.89) with a control risk of 112/438 (25.6%) gives
// 77 fewer per 1,000 after the handbook rounds the RR to 0.70 first (76 fewer without that rounding).
describe('absoluteEffect', () => {
  it('RR: the handbook example, 68 fewer per 1,000', () => {
    const effect = absoluteEffect('RR', 400, { estimate: 0.83, ciLow: 0.78, ciHigh: 0.89 });
    expect(effect).toEqual({ control: 400, intervention: { estimate: 332, low: 312, high: 356 }, difference: { estimate: -68, low: -88, high: -44 } });
    expect(direction(effect.difference.estimate)).toBe('fewer');
  });

  it('OR: the handbook example, 76 fewer per 1,000 unrounded (77 with RR rounded to 0.70)', () => {
    // 112 / 438 = 25.6% as the handbook rounds it.
    const effect = absoluteEffect('OR', 256, { estimate: 0.64, ciLow: 0.47, ciHigh: 0.89 });
    expect(effect.control).toBe(256);
    expect(effect.difference.estimate).toBe(-76);
    // The handbook's route: OR → RR = OR / (1 − ACR × (1 − OR)), rounded to 0.70, then ACR × (1 − RR).
    const rr = 0.64 / (1 - 0.256 * (1 - 0.64));
    expect(rr).toBeCloseTo(0.705, 3);
    expect(Math.round(1000 * 0.256 * (1 - 0.7))).toBe(77);
    expect(interventionRisk('OR', 0.256, 0.64)).toBeCloseTo(0.256 * rr, 10);
  });

  it('HR: 1 − (1 − ACR)^HR, which is the handbook RR = (1 − e^(HR × ln(1 − CER))) / CER times CER', () => {
    const acr = 0.3;
    const hr = 0.75;
    const rr = (1 - Math.exp(hr * Math.log(1 - acr))) / acr;
    expect(interventionRisk('HR', acr, hr)).toBeCloseTo(acr * rr, 12);
    // 1 − 0.7^0.75 = 0.23471…: 235 per 1,000, 65 fewer.
    expect(absoluteEffect('HR', 300, { estimate: hr, ciLow: hr, ciHigh: hr }).difference.estimate).toBe(-65);
  });

  it('RD adds to the control risk, and a risk is kept within 0 to 1,000', () => {
    expect(absoluteEffect('RD', 100, { estimate: -0.05, ciLow: -0.2, ciHigh: 0.1 })).toEqual({ control: 100, intervention: { estimate: 50, low: 0, high: 200 }, difference: { estimate: -50, low: -100, high: 100 } });
  });

  it('more per 1,000 for a harm; none when the effect is null', () => {
    const effect = absoluteEffect('RR', 50, { estimate: 1.5, ciLow: 1, ciHigh: 2.25 });
    expect(effect.difference).toEqual({ estimate: 25, low: 0, high: 63 });
    expect(direction(effect.difference.estimate)).toBe('more');
    expect(direction(effect.difference.low)).toBe('none');
  });

  it('rounds half away from zero either side', () => {
    expect(absoluteEffect('RR', 135, { estimate: 0.5, ciLow: 0.5, ciHigh: 0.5 }).difference.estimate).toBe(-68);
    expect(absoluteEffect('RR', 135, { estimate: 1.5, ciLow: 1.5, ciHigh: 1.5 }).difference.estimate).toBe(68);
  });
});

describe('medianControlRisk', () => {
  it('the median of the control groups’ risks, per 1,000 (made-up arms)', () => {
    expect(medianControlRisk([{ events: 10, total: 100 }, { events: 30, total: 100 }, { events: 5, total: 100 }])).toBeCloseTo(100, 10);
    expect(medianControlRisk([{ events: 10, total: 100 }, { events: 30, total: 100 }])).toBeCloseTo(200, 10);
  });

  it('none without a usable control arm', () => {
    expect(medianControlRisk([])).toBeUndefined();
    expect(medianControlRisk([{ events: 0, total: 0 }])).toBeUndefined();
  });
});

describe('assumedRisk', () => {
  const binary = (events: number, total: number) => ({ data: { kind: 'binary' as const, experimental: { events: 1, total: 10 }, control: { events, total } } });
  it("certainty.csv's assumed_risk when given, else the median control risk of the pooled studies (made-up arms)", () => {
    expect(assumedRisk(45, [binary(10, 100)])).toBe(45);
    expect(assumedRisk(undefined, [binary(20, 50), binary(3, 50), binary(10, 100)])).toBeCloseTo(100, 10);
    expect(assumedRisk(undefined, [{ data: { kind: 'continuous', experimental: { mean: 1, sd: 1, n: 10 }, control: { mean: 0, sd: 1, n: 10 } } }])).toBeUndefined();
  });
});
