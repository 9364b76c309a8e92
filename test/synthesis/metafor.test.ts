// Every figure of the engine against metafor's on the same data (test/fixtures/metafor/expected.json, made by generate.R there).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthesise } from '../../pipeline/synthesis/synthesise.ts';
import { RATIO_MEASURES, type AnalysisSpec, type Measure, type Method, type Pooled, type StudyData, type StudyInput } from '../../pipeline/synthesis/types.ts';

type Row = Record<string, number | string>;
interface Expected {
  k: number; estimate: number; se: number; ciLow: number; ciHigh: number; z: number; p: number; q: number; pQ: number;
  i2: number; h2: number; tau2: number; tau2Low?: number; tau2High?: number; predictionLow?: number; predictionHigh?: number;
  yi: number[]; vi: number[]; weights: number[];
}
interface Case {
  name: string; type: 'binary' | 'continuous' | 'generic'; measure: Measure; method: string; ci: 'z' | 'hksj';
  studies: Row[];
  expected: Expected & { notEstimable: { id: string }[]; subgroups?: (Expected & { value: string })[]; subgroupTest?: { q: number; df: number; p: number } };
}
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/metafor/expected.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** 1e-6 relative; 1e-9 absolute for figures that are zero in exact arithmetic (tau² at its bound, I² of 0). */
const RELATIVE = 1e-6;
const ABSOLUTE = 1e-9;

function dataOf(type: Case['type'], row: Row): StudyData {
  const n = (key: string) => Number(row[key]);
  if (type === 'binary') return { kind: 'binary', experimental: { events: n('a'), total: n('n1') }, control: { events: n('c'), total: n('n2') } };
  if (type === 'continuous') {
    return { kind: 'continuous', experimental: { mean: n('m1'), sd: n('sd1'), n: n('n1') }, control: { mean: n('m2'), sd: n('sd2'), n: n('n2') } };
  }
  return { kind: 'contrast', theta: n('yi'), se: n('se') };
}

function specOf(c: Case): AnalysisSpec {
  const method = (c.method === 'FE' ? 'IV' : c.method) as Method;
  const random = ['DL', 'REML', 'PM'].includes(method);
  return { measure: c.measure, model: random ? 'random' : 'common', method, ci: c.ci, prediction: random };
}

/** The engine's figures on metafor's scale (the log for ratios). */
function onModelScale(c: Case, pooled: Pooled): Record<string, number | undefined> {
  const scale = (x: number | undefined) => (x === undefined ? undefined : RATIO_MEASURES.has(c.measure) ? Math.log(x) : x);
  return {
    k: pooled.k, estimate: pooled.theta, se: pooled.se, ciLow: scale(pooled.ciLow), ciHigh: scale(pooled.ciHigh), z: pooled.z, p: pooled.p,
    q: pooled.q, pQ: pooled.pQ, i2: pooled.i2, h2: pooled.h2, tau2: pooled.tau2, tau2Low: pooled.tau2Low, tau2High: pooled.tau2High,
    predictionLow: scale(pooled.predictionLow), predictionHigh: scale(pooled.predictionHigh),
  };
}

function agree(label: string, actual: number | undefined, expected: number | null | undefined): void {
  if (expected === null || expected === undefined) return; // metafor gives no such figure here
  expect(actual, label).toBeDefined();
  const ok = Math.abs(actual! - expected) <= RELATIVE * Math.abs(expected) + ABSOLUTE;
  expect(ok, `${label}: metafor ${expected}, engine ${actual}`).toBe(true);
}

function compareFit(label: string, c: Case, pooled: Pooled | undefined, expected: Expected, studies: { theta: number; variance: number; weight: number }[]): void {
  expect(pooled, `${label}: pooled`).toBeDefined();
  const mine = onModelScale(c, pooled!);
  for (const key of ['k', 'estimate', 'se', 'ciLow', 'ciHigh', 'z', 'p', 'q', 'pQ', 'i2', 'h2', 'tau2', 'tau2Low', 'tau2High', 'predictionLow', 'predictionHigh'] as const) {
    agree(`${label} ${key}`, mine[key], expected[key]);
  }
  expect(studies.length, `${label}: studies`).toBe(expected.yi.length);
  studies.forEach((s, i) => {
    agree(`${label} yi[${i}]`, s.theta, expected.yi[i]);
    agree(`${label} vi[${i}]`, s.variance, expected.vi[i]);
    agree(`${label} weight[${i}]`, s.weight, expected.weights[i]);
  });
}

describe('the engine agrees with metafor', () => {
  it('holds many cases', () => {
    expect(cases.length).toBeGreaterThan(150);
  });
  for (const c of cases) {
    it(c.name, () => {
      const studies: StudyInput[] = c.studies.map((row) => ({
        id: String(row.id),
        label: String(row.id),
        ...(row.subgroup === undefined ? {} : { subgroup: String(row.subgroup) }),
        data: dataOf(c.type, row),
      }));
      const result = synthesise(specOf(c), studies, c.expected.subgroups !== undefined);
      expect(result.notEstimable.map((n) => n.id)).toEqual(c.expected.notEstimable.map((n) => String(n.id)));
      compareFit(c.name, c, result.pooled, c.expected, result.studies);
      for (const expected of c.expected.subgroups ?? []) {
        const group = result.subgroups?.find((s) => s.value === expected.value);
        expect(group, `subgroup ${expected.value}`).toBeDefined();
        compareFit(`${c.name} [${expected.value}]`, c, group!.pooled, expected, group!.studies);
      }
      if (c.expected.subgroupTest) {
        agree('subgroup Q', result.subgroupTest?.q, c.expected.subgroupTest.q);
        expect(result.subgroupTest?.df).toBe(c.expected.subgroupTest.df);
        agree('subgroup p', result.subgroupTest?.p, c.expected.subgroupTest.p);
      }
    });
  }
});
