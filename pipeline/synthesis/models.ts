// Pooling models as metafor fits them: inverse variance (rma.uni: FE, DL, REML, PM, Knapp–Hartung), Mantel–Haenszel (rma.mh), Peto (rma.peto).
import { chiSquareQuantile, chiSquareUpper, normalQuantile, normalTwoSided, studentQuantile, studentTwoSided } from './distributions.ts';
import { tableOf } from './effects.ts';
import type { Measure, Method, StudyData } from './types.ts';

/** Iteration cap of REML's Fisher scoring and of the Paule–Mandel and Q-profile root searches. */
export const MAX_ITERATIONS = 1000;
/**
 * Convergence: a step in tau² smaller than this times (1 + tau²). metafor stops at 1e-5 absolute by
 * default; the fixtures are made with 1e-12 so both sides sit on the same root to well under 1e-6.
 */
export const TAU2_TOLERANCE = 1e-13;

const Z975 = normalQuantile(0.975);

/** A model's fit on the pooling scale, before any back-transformation. */
export interface Fit {
  k: number;
  theta: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  z: number;
  testDf?: number;
  p: number;
  tau2: number;
  tau2Low?: number;
  tau2High?: number;
  i2: number;
  h2: number;
  q: number;
  df: number;
  pQ: number;
  predictionLow?: number;
  predictionHigh?: number;
  /** Each study's share of the total weight, in percent. */
  weights: number[];
  /** False when an iterative tau² estimator hit MAX_ITERATIONS. */
  converged: boolean;
}

interface Sums {
  sw: number;
  mean: number;
  /** Σ w (y − mean)² */
  q: number;
}

function weightedSums(y: readonly number[], v: readonly number[], tau2: number): Sums {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const w = 1 / (v[i]! + tau2);
    sw += w;
    swy += w * y[i]!;
  }
  const mean = swy / sw;
  let q = 0;
  for (let i = 0; i < y.length; i++) q += (y[i]! - mean) ** 2 / (v[i]! + tau2);
  return { sw, mean, q };
}

/** Cochran's Q with common-effect weights, and its p on k − 1 df (k = 1: Q = 0, p = 1, as metafor). */
function cochran(y: readonly number[], v: readonly number[]): { q: number; df: number; pQ: number } {
  const df = y.length - 1;
  if (df < 1) return { q: 0, df: 0, pQ: 1 };
  const q = Math.max(0, weightedSums(y, v, 0).q);
  return { q, df, pQ: chiSquareUpper(q, df) };
}

/** I² and H² from Q (common-effect models), as metafor reports them. */
function fromQ(q: number, df: number): { i2: number; h2: number } {
  if (df < 1) return { i2: 0, h2: 1 };
  return { i2: Math.max(0, (100 * (q - df)) / q) || 0, h2: q / df };
}

/** I² and H² from tau² and the typical within-study variance (random-effects models, Higgins & Thompson 2002). */
function fromTau2(v: readonly number[], tau2: number): { i2: number; h2: number } {
  const k = v.length;
  if (k < 2) return { i2: 0, h2: 1 };
  let sw = 0;
  let sw2 = 0;
  for (const vi of v) {
    sw += 1 / vi;
    sw2 += 1 / (vi * vi);
  }
  const typical = ((k - 1) * sw) / (sw * sw - sw2);
  return { i2: (100 * tau2) / (typical + tau2), h2: (typical + tau2) / typical };
}

function dersimonianLaird(y: readonly number[], v: readonly number[]): number {
  const k = y.length;
  let sw = 0;
  let sw2 = 0;
  for (const vi of v) {
    sw += 1 / vi;
    sw2 += 1 / (vi * vi);
  }
  const { q } = weightedSums(y, v, 0);
  return Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
}

/**
 * REML by Fisher scoring (metafor's algorithm for an intercept-only model), from the DL estimate,
 * halving a step that would make tau² negative.
 */
function restrictedMaximumLikelihood(y: readonly number[], v: readonly number[]): { tau2: number; converged: boolean } {
  let tau2 = dersimonianLaird(y, v);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let sw = 0;
    let sw2 = 0;
    let sw3 = 0;
    let swy = 0;
    for (let i = 0; i < y.length; i++) {
      const w = 1 / (v[i]! + tau2);
      sw += w;
      sw2 += w * w;
      sw3 += w * w * w;
      swy += w * y[i]!;
    }
    const mean = swy / sw;
    let yppy = 0;
    for (let i = 0; i < y.length; i++) yppy += ((y[i]! - mean) / (v[i]! + tau2)) ** 2;
    const traceP = sw - sw2 / sw;
    const tracePP = sw2 - (2 * sw3) / sw + (sw2 * sw2) / (sw * sw);
    let step = (yppy - traceP) / tracePP;
    while (tau2 + step < 0) step /= 2;
    if (tau2 === 0 && step <= 0) return { tau2: 0, converged: true };
    tau2 += step;
    if (Math.abs(step) <= TAU2_TOLERANCE * (1 + tau2)) return { tau2, converged: true };
  }
  return { tau2, converged: false };
}

/**
 * The tau² at which the generalised Q statistic Σ (y − μ̂)² / (v + tau²) equals `target` (0 when it is
 * below `target` already): Paule–Mandel with target k − 1, and the Q-profile CI's bounds. Q falls as
 * tau² grows, with slope −Σ (y − μ̂)² / (v + tau²)²; Newton steps from 0 approach the root from below.
 */
function generalisedQRoot(y: readonly number[], v: readonly number[], target: number): { tau2: number; converged: boolean } {
  let tau2 = 0;
  let low = 0;
  let high = Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const { mean, q } = weightedSums(y, v, tau2);
    const excess = q - target;
    if (iteration === 0 && excess <= 0) return { tau2: 0, converged: true };
    if (excess > 0) low = tau2;
    else high = tau2;
    let slope = 0;
    for (let i = 0; i < y.length; i++) slope -= ((y[i]! - mean) / (v[i]! + tau2)) ** 2;
    let next = slope < 0 ? tau2 - excess / slope : NaN;
    // Newton from below cannot overshoot a convex Q; should Q not be convex, bisect the bracket.
    if (!(next > low && next < high)) next = Number.isFinite(high) ? (low + high) / 2 : Math.max(2 * tau2, 1);
    if (Math.abs(next - tau2) <= TAU2_TOLERANCE * (1 + next)) return { tau2: next, converged: true };
    tau2 = next;
  }
  return { tau2, converged: false };
}

/** tau² by the chosen estimator (common-effect methods: 0). */
function estimateTau2(method: Method, y: readonly number[], v: readonly number[]): { tau2: number; converged: boolean } {
  if (y.length < 2) return { tau2: 0, converged: true };
  switch (method) {
    case 'DL':
      return { tau2: dersimonianLaird(y, v), converged: true };
    case 'REML':
      return restrictedMaximumLikelihood(y, v);
    case 'PM':
      return generalisedQRoot(y, v, y.length - 1);
    default:
      return { tau2: 0, converged: true };
  }
}

/** The Q-profile 95% CI of tau² (Viechtbauer 2007), as metafor's confint. */
function qProfile(y: readonly number[], v: readonly number[]): { low: number; high: number; converged: boolean } {
  const df = y.length - 1;
  const low = generalisedQRoot(y, v, chiSquareQuantile(0.975, df));
  const high = generalisedQRoot(y, v, chiSquareQuantile(0.025, df));
  return { low: low.tau2, high: high.tau2, converged: low.converged && high.converged };
}

/**
 * Inverse-variance pooling of `y` (variances `v`): common effect (method IV) or random effects
 * (DL, REML, PM), with a z test or Knapp–Hartung's t test (`hksj`; k = 1 falls back to z, as metafor).
 */
export function inverseVariance(y: readonly number[], v: readonly number[], method: Method, hksj: boolean, prediction: boolean): Fit {
  const k = y.length;
  const random = method === 'DL' || method === 'REML' || method === 'PM';
  const { tau2, converged } = estimateTau2(method, y, v);
  const { sw, mean, q: residual } = weightedSums(y, v, tau2);
  const knapp = hksj && k > 1;
  const se = knapp ? Math.sqrt(residual / (k - 1) / sw) : Math.sqrt(1 / sw);
  const testDf = knapp ? k - 1 : undefined;
  const critical = testDf === undefined ? Z975 : studentQuantile(0.975, testDf);
  const z = mean / se;
  const heterogeneity = cochran(y, v);
  const fit: Fit = {
    k,
    theta: mean,
    se,
    ciLow: mean - critical * se,
    ciHigh: mean + critical * se,
    z,
    p: testDf === undefined ? normalTwoSided(z) : studentTwoSided(z, testDf),
    tau2,
    ...(random ? fromTau2(v, tau2) : fromQ(heterogeneity.q, heterogeneity.df)),
    ...heterogeneity,
    weights: v.map((vi) => (100 / (vi + tau2)) / sw),
    converged,
  };
  if (testDf !== undefined) fit.testDf = testDf;
  if (random && k > 1) {
    const profile = qProfile(y, v);
    fit.tau2Low = profile.low;
    fit.tau2High = profile.high;
    fit.converged &&= profile.converged;
  }
  if (random && prediction) {
    const spread = critical * Math.sqrt(se * se + tau2);
    fit.predictionLow = mean - spread;
    fit.predictionHigh = mean + spread;
  }
  return fit;
}

type BinaryData = Extract<StudyData, { kind: 'binary' }>;

/** A common-effect fit from an estimate and its SE (z test), with Q of the studies' own effects around that estimate (as metafor). */
function commonFit(theta: number, se: number, y: readonly number[], v: readonly number[], weights: number[]): Fit {
  const df = y.length - 1;
  let q = 0;
  for (let i = 0; i < y.length; i++) q += (y[i]! - theta) ** 2 / v[i]!;
  const heterogeneity = df < 1 ? { q: 0, df: 0, pQ: 1 } : { q, df, pQ: chiSquareUpper(q, df) };
  const z = theta / se;
  return {
    k: y.length,
    theta,
    se,
    ciLow: theta - Z975 * se,
    ciHigh: theta + Z975 * se,
    z,
    p: normalTwoSided(z),
    tau2: 0,
    ...fromQ(heterogeneity.q, heterogeneity.df),
    ...heterogeneity,
    weights,
    converged: true,
  };
}

function percentages(raw: readonly number[]): number[] {
  const total = raw.reduce((sum, w) => sum + w, 0);
  return raw.map((w) => (100 * w) / total);
}

/**
 * Mantel–Haenszel on the raw cells (no correction; metafor's rma.mh): the variance of Robins,
 * Breslow and Greenland (OR), of Greenland and Robins (RR), and of Sato, Greenland and Robins (RD).
 * Q comes from the studies' own effects `y`/`v` (with 0.5 added to zero cells) around the MH estimate. Undefined when OR or
 * RR has no events in one arm over all studies.
 */
export function mantelHaenszel(measure: Measure, tables: readonly BinaryData[], y: readonly number[], v: readonly number[]): Fit | undefined {
  const cells = tables.map(tableOf);
  if (measure === 'OR') {
    let r = 0;
    let s = 0;
    let pr = 0;
    let psqr = 0;
    let qs = 0;
    for (const { a, b, c, d } of cells) {
      const n = a + b + c + d;
      const ri = (a * d) / n;
      const si = (b * c) / n;
      const pi = (a + d) / n;
      const qi = (b + c) / n;
      r += ri;
      s += si;
      pr += pi * ri;
      psqr += pi * si + qi * ri;
      qs += qi * si;
    }
    if (r === 0 || s === 0) return undefined;
    const se = Math.sqrt(0.5 * (pr / (r * r) + psqr / (r * s) + qs / (s * s)));
    return commonFit(Math.log(r / s), se, y, v, percentages(cells.map(({ a, b, c, d }) => (b * c) / (a + b + c + d))));
  }
  if (measure === 'RR') {
    let r = 0;
    let s = 0;
    let numerator = 0;
    for (const { a, b, c, d } of cells) {
      const n1 = a + b;
      const n2 = c + d;
      const n = n1 + n2;
      r += (a * n2) / n;
      s += (c * n1) / n;
      numerator += (n1 / n) * (n2 / n) * (a + c) - (a / n) * c;
    }
    if (r === 0 || s === 0) return undefined;
    return commonFit(Math.log(r / s), Math.sqrt(numerator / (r * s)), y, v, percentages(cells.map(({ a, b, c, d }) => (c * (a + b)) / (a + b + c + d))));
  }
  let numerator = 0;
  let denominator = 0;
  for (const { a, b, c, d } of cells) {
    const n1 = a + b;
    const n2 = c + d;
    const n = n1 + n2;
    numerator += a * (n2 / n) - c * (n1 / n);
    denominator += n1 * (n2 / n);
  }
  const theta = numerator / denominator;
  let first = 0;
  let second = 0;
  for (const { a, b, c, d } of cells) {
    const n1 = a + b;
    const n2 = c + d;
    const n = n1 + n2;
    first += c * (n1 / n) ** 2 - a * (n2 / n) ** 2 + ((n1 / n) * (n2 / n) * (n2 - n1)) / 2;
    second += (a * (n2 - c)) / n + (c * (n1 - a)) / n;
  }
  const se = Math.sqrt((theta * first + second / 2) / (denominator * denominator));
  return commonFit(theta, se, y, v, percentages(cells.map(({ a, b, c, d }) => ((a + b) * (c + d)) / (a + b + c + d))));
}

/** A 2×2 table's observed − expected events in the experimental arm and its hypergeometric variance (Peto). */
export function petoTerms(data: BinaryData): { oMinusE: number; variance: number } {
  const { a, b, c, d } = tableOf(data);
  const n1 = a + b;
  const n2 = c + d;
  const n = n1 + n2;
  const events = a + c;
  return { oMinusE: a - (events * n1) / n, variance: n > 1 ? (events * (b + d) * (n1 / n) * (n2 / n)) / (n - 1) : 0 };
}

/** Peto's one-step odds ratio (rma.peto), on tables with some information (variance > 0). */
export function peto(tables: readonly BinaryData[]): Fit {
  const terms = tables.map(petoTerms);
  const total = terms.reduce((sum, t) => sum + t.variance, 0);
  const observed = terms.reduce((sum, t) => sum + t.oMinusE, 0);
  const theta = observed / total;
  const y = terms.map((t) => t.oMinusE / t.variance);
  const v = terms.map((t) => 1 / t.variance);
  const fit = commonFit(theta, Math.sqrt(1 / total), y, v, terms.map((t) => (100 * t.variance) / total));
  // metafor's Q for Peto: Σ (O − E)² / V − (Σ (O − E))² / Σ V, the same as the weighted one in exact arithmetic.
  const q = Math.max(0, terms.reduce((sum, t) => sum + (t.oMinusE * t.oMinusE) / t.variance, 0) - (observed * observed) / total);
  if (fit.df >= 1) Object.assign(fit, { q, pQ: chiSquareUpper(q, fit.df) }, fromQ(q, fit.df));
  return fit;
}

/** Q between subgroups' estimates (RevMan's test for subgroup differences), with its I². */
export function betweenSubgroups(thetas: readonly number[], ses: readonly number[]): { q: number; df: number; p: number; i2: number } {
  const { q, df, pQ } = cochran(thetas, ses.map((se) => se * se));
  return { q, df, p: pQ, i2: fromQ(q, df).i2 };
}
