// Each study's effect size and its variance, as metafor's escalc computes them (SMD is Hedges' g).
import { lnGamma } from './distributions.ts';
import { RATIO_MEASURES, type Measure, type StudyData } from './types.ts';

/** A study's effect on the pooling scale, or why it has none. */
export type Effect = { ok: true; theta: number; variance: number; corrected: boolean } | { ok: false; reason: string };

/** Added to every cell of a 2×2 table with a zero cell (escalc's add = 1/2, to = "only0"). */
export const ZERO_CELL_CORRECTION = 0.5;

interface Table2x2 {
  a: number;
  b: number;
  c: number;
  d: number;
}

export function tableOf(data: Extract<StudyData, { kind: 'binary' }>): Table2x2 {
  const { experimental: e, control: c } = data;
  return { a: e.events, b: e.total - e.events, c: c.events, d: c.total - c.events };
}

/** Whether a study has no events in either arm: no information on a ratio (Cochrane Handbook 10.4.4.2). */
export function isDoubleZero(data: StudyData): boolean {
  return data.kind === 'binary' && data.experimental.events === 0 && data.control.events === 0;
}

function binaryEffect(measure: Measure, data: Extract<StudyData, { kind: 'binary' }>): Effect {
  const { experimental, control } = data;
  for (const arm of [experimental, control]) {
    if (!(arm.total > 0) || arm.events < 0 || arm.events > arm.total) return { ok: false, reason: `events ${arm.events} of ${arm.total} is no count` };
  }
  if (measure !== 'RD' && isDoubleZero(data)) return { ok: false, reason: 'no events in either arm' };
  const cells = tableOf(data);
  const corrected = cells.a === 0 || cells.b === 0 || cells.c === 0 || cells.d === 0;
  const add = corrected ? ZERO_CELL_CORRECTION : 0;
  const a = cells.a + add;
  const b = cells.b + add;
  const c = cells.c + add;
  const d = cells.d + add;
  const n1 = a + b;
  const n2 = c + d;
  switch (measure) {
    case 'RR':
      return { ok: true, theta: Math.log(a / n1 / (c / n2)), variance: 1 / a - 1 / n1 + 1 / c - 1 / n2, corrected };
    case 'OR':
      return { ok: true, theta: Math.log((a * d) / (b * c)), variance: 1 / a + 1 / b + 1 / c + 1 / d, corrected };
    default: {
      const p1 = a / n1;
      const p2 = c / n2;
      return { ok: true, theta: p1 - p2, variance: (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2, corrected };
    }
  }
}

/** Hedges' exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)). */
function hedgesCorrection(m: number): number {
  return Math.exp(lnGamma(m / 2) - 0.5 * Math.log(m / 2) - lnGamma((m - 1) / 2));
}

function continuousEffect(measure: Measure, data: Extract<StudyData, { kind: 'continuous' }>): Effect {
  const { experimental: e, control: c } = data;
  for (const arm of [e, c]) {
    if (!(arm.n >= 1) || !(arm.sd >= 0)) return { ok: false, reason: `SD ${arm.sd} with n ${arm.n} gives no variance` };
  }
  if (measure === 'MD') return { ok: true, theta: e.mean - c.mean, variance: (e.sd * e.sd) / e.n + (c.sd * c.sd) / c.n, corrected: false };
  const m = e.n + c.n - 2;
  if (m < 2) return { ok: false, reason: `${e.n + c.n} patients are too few for an SMD` };
  const pooledSd = Math.sqrt(((e.n - 1) * e.sd * e.sd + (c.n - 1) * c.sd * c.sd) / m);
  if (!(pooledSd > 0)) return { ok: false, reason: 'the pooled SD is 0' };
  const g = (hedgesCorrection(m) * (e.mean - c.mean)) / pooledSd;
  return { ok: true, theta: g, variance: 1 / e.n + 1 / c.n + (g * g) / (2 * (e.n + c.n)), corrected: false };
}

/** A study's effect for `measure` from the data it gives; a positive finite variance or a reason. */
export function studyEffect(measure: Measure, data: StudyData): Effect {
  let effect: Effect;
  if (data.kind === 'binary') effect = binaryEffect(measure, data);
  else if (data.kind === 'continuous') effect = continuousEffect(measure, data);
  else effect = { ok: true, theta: data.theta, variance: data.se * data.se, corrected: false };
  if (effect.ok && !(effect.variance > 0 && Number.isFinite(effect.variance) && Number.isFinite(effect.theta))) {
    return { ok: false, reason: effect.variance === 0 ? 'its variance is 0' : 'its estimate or variance is not finite' };
  }
  return effect;
}

/** A value on the pooling scale as shown: ratios back from their logarithm. */
export function shown(measure: Measure, theta: number): number {
  return RATIO_MEASURES.has(measure) ? Math.exp(theta) : theta;
}
