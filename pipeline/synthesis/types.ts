// The meta-analysis engine's inputs and results: plain data, everything a table, the JSON or a forest plot needs.

export const MEASURES = ['RR', 'OR', 'RD', 'MD', 'SMD', 'HR', 'IRR'] as const;
export type Measure = (typeof MEASURES)[number];
/** Measures pooled on the log scale and shown as ratios. */
export const RATIO_MEASURES: ReadonlySet<Measure> = new Set(['RR', 'OR', 'HR', 'IRR']);
/** Measures computed from events and totals per arm; Mantel–Haenszel applies to these, Peto to OR alone. */
export const BINARY_MEASURES: ReadonlySet<Measure> = new Set(['RR', 'OR', 'RD']);
/** Measures computed from mean, SD and n per arm. */
export const CONTINUOUS_MEASURES: ReadonlySet<Measure> = new Set(['MD', 'SMD']);

/** The outcomes.csv measure term of a contrast row of each measure (`arm` written `EXPERIMENTAL vs CONTROL`). */
export const CONTRAST_TERMS: Readonly<Record<string, Measure>> = { rr: 'RR', or: 'OR', rd: 'RD', md: 'MD', smd: 'SMD', hr: 'HR', irr: 'IRR' };

export const MODELS = ['common', 'random'] as const;
export type Model = (typeof MODELS)[number];
/** Common effect: IV, MH or Peto; random effects: the tau² estimator. */
export const METHODS = ['IV', 'MH', 'Peto', 'DL', 'REML', 'PM'] as const;
export type Method = (typeof METHODS)[number];
export const COMMON_METHODS: readonly Method[] = ['IV', 'MH', 'Peto'];
export const RANDOM_METHODS: readonly Method[] = ['DL', 'REML', 'PM'];
export const CI_METHODS = ['z', 'hksj'] as const;
export type CiMethod = (typeof CI_METHODS)[number];

export interface AnalysisSpec {
  measure: Measure;
  model: Model;
  method: Method;
  ci: CiMethod;
  /** A 95% prediction interval (random effects only). */
  prediction: boolean;
}

/** Events and patients of one arm. */
export interface BinaryArm {
  events: number;
  total: number;
}

/** Mean, SD and patients of one arm. */
export interface ContinuousArm {
  mean: number;
  sd: number;
  n: number;
}

/**
 * What one study gives for an analysis: both arms' counts, both arms' means, or the contrast itself
 * (`theta` on the pooling scale, the log for a ratio, with its standard error).
 */
export type StudyData =
  | { kind: 'binary'; experimental: BinaryArm; control: BinaryArm }
  | { kind: 'continuous'; experimental: ContinuousArm; control: ContinuousArm }
  | { kind: 'contrast'; theta: number; se: number; n?: number };

export interface StudyInput {
  id: string;
  label: string;
  /** The study's value of the analysis's subgroup column, if any. */
  subgroup?: string;
  data: StudyData;
}

/** A study's own effect: `theta`/`variance` on the pooling scale; estimate and CI as shown (ratios as ratios). */
export interface StudyEffect {
  id: string;
  label: string;
  subgroup?: string;
  data: StudyData;
  theta: number;
  variance: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** Percent of the model's total weight; a model's weights add up to 100. */
  weight: number;
  /** 0.5 was added to each cell (a zero cell). */
  corrected: boolean;
}

/** A study the measure cannot use, and why. */
export interface NotEstimable {
  id: string;
  label: string;
  reason: string;
}

/** A pooled estimate, its test and its heterogeneity. Estimate, CI and prediction as shown; `theta`, `se`, tau² on the pooling scale. */
export interface Pooled {
  k: number;
  theta: number;
  se: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** z, or t on `testDf` degrees of freedom for HKSJ. */
  z: number;
  testDf?: number;
  p: number;
  tau2: number;
  /** Q-profile 95% CI of tau² (k ≥ 2, random effects). */
  tau2Low?: number;
  tau2High?: number;
  i2: number;
  h2: number;
  q: number;
  df: number;
  pQ: number;
  predictionLow?: number;
  predictionHigh?: number;
  /** Patients in the pooled studies, where every study gives them. */
  participants?: number;
  /** Events and patients per arm over the pooled studies (binary data). */
  totals?: { experimental: BinaryArm; control: BinaryArm };
}

export interface SubgroupResult {
  value: string;
  studies: StudyEffect[];
  pooled: Pooled | undefined;
}

/** The test for subgroup differences: Q between the subgroups' pooled estimates (RevMan). */
export interface SubgroupTest {
  q: number;
  df: number;
  p: number;
  i2: number;
}

export interface Synthesis {
  spec: AnalysisSpec;
  /** Estimable studies, in input order, with their weights in the overall model. */
  studies: StudyEffect[];
  notEstimable: NotEstimable[];
  /** Undefined when no study is estimable (or MH finds no events at all). */
  pooled: Pooled | undefined;
  subgroups?: SubgroupResult[];
  subgroupTest?: SubgroupTest;
}
