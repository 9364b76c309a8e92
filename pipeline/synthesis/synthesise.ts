// One meta-analysis from its studies' data: effects, the chosen model, subgroups and their test; pure, no I/O.
import { inverseVariance, mantelHaenszel, peto, petoTerms, betweenSubgroups, type Fit } from './models.ts';
import { normalQuantile } from './distributions.ts';
import { shown, studyEffect } from './effects.ts';
import type { AnalysisSpec, BinaryArm, NotEstimable, Pooled, StudyData, StudyEffect, StudyInput, SubgroupResult, Synthesis } from './types.ts';

const Z975 = normalQuantile(0.975);

interface Estimable {
  study: StudyInput;
  theta: number;
  variance: number;
  corrected: boolean;
}

type BinaryData = Extract<StudyData, { kind: 'binary' }>;

/** Each study's effect under the spec, or why it has none. */
function effects(spec: AnalysisSpec, studies: readonly StudyInput[]): { estimable: Estimable[]; notEstimable: NotEstimable[] } {
  const estimable: Estimable[] = [];
  const notEstimable: NotEstimable[] = [];
  for (const study of studies) {
    const { data } = study;
    let reason: string | undefined;
    if ((spec.method === 'MH' || spec.method === 'Peto') && data.kind !== 'binary') {
      reason = `${spec.method} needs events and patients per arm`;
    } else if (spec.method === 'Peto') {
      const { oMinusE, variance } = petoTerms(data as BinaryData);
      if (variance > 0) estimable.push({ study, theta: oMinusE / variance, variance: 1 / variance, corrected: false });
      else reason = 'no events, or only events, in both arms';
    } else {
      const effect = studyEffect(spec.measure, data);
      if (effect.ok) estimable.push({ study, theta: effect.theta, variance: effect.variance, corrected: effect.corrected });
      else reason = effect.reason;
    }
    if (reason !== undefined) notEstimable.push({ id: study.id, label: study.label, reason });
  }
  return { estimable, notEstimable };
}

function fitOf(spec: AnalysisSpec, estimable: readonly Estimable[]): Fit | undefined {
  if (estimable.length === 0) return undefined;
  const y = estimable.map((e) => e.theta);
  const v = estimable.map((e) => e.variance);
  if (spec.method === 'MH') return mantelHaenszel(spec.measure, estimable.map((e) => e.study.data as BinaryData), y, v);
  if (spec.method === 'Peto') return peto(estimable.map((e) => e.study.data as BinaryData));
  return inverseVariance(y, v, spec.method, spec.ci === 'hksj', spec.prediction);
}

function addArm(total: BinaryArm, arm: BinaryArm): void {
  total.events += arm.events;
  total.total += arm.total;
}

/** Patients (where every study gives them) and, for binary data, events and patients per arm. */
function totalsOf(estimable: readonly Estimable[]): Pick<Pooled, 'participants' | 'totals'> {
  let participants: number | undefined = 0;
  const experimental = { events: 0, total: 0 };
  const control = { events: 0, total: 0 };
  let binary = true;
  for (const { study } of estimable) {
    const { data } = study;
    if (data.kind === 'binary') {
      addArm(experimental, data.experimental);
      addArm(control, data.control);
    } else binary = false;
    const n = data.kind === 'binary' ? data.experimental.total + data.control.total : data.kind === 'continuous' ? data.experimental.n + data.control.n : data.n;
    participants = participants === undefined || n === undefined ? undefined : participants + n;
  }
  return { ...(participants === undefined ? {} : { participants }), ...(binary ? { totals: { experimental, control } } : {}) };
}

function pooledOf(spec: AnalysisSpec, fit: Fit, estimable: readonly Estimable[]): Pooled {
  const { measure } = spec;
  const pooled: Pooled = {
    k: fit.k,
    theta: fit.theta,
    se: fit.se,
    estimate: shown(measure, fit.theta),
    ciLow: shown(measure, fit.ciLow),
    ciHigh: shown(measure, fit.ciHigh),
    z: fit.z,
    p: fit.p,
    tau2: fit.tau2,
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    df: fit.df,
    pQ: fit.pQ,
    ...totalsOf(estimable),
  };
  if (fit.testDf !== undefined) pooled.testDf = fit.testDf;
  if (fit.tau2Low !== undefined) pooled.tau2Low = fit.tau2Low;
  if (fit.tau2High !== undefined) pooled.tau2High = fit.tau2High;
  if (fit.predictionLow !== undefined) pooled.predictionLow = shown(measure, fit.predictionLow);
  if (fit.predictionHigh !== undefined) pooled.predictionHigh = shown(measure, fit.predictionHigh);
  return pooled;
}

function studyEffects(spec: AnalysisSpec, estimable: readonly Estimable[], fit: Fit | undefined): StudyEffect[] {
  return estimable.map((e, i) => {
    const half = Z975 * Math.sqrt(e.variance);
    const effect: StudyEffect = {
      id: e.study.id,
      label: e.study.label,
      data: e.study.data,
      theta: e.theta,
      variance: e.variance,
      estimate: shown(spec.measure, e.theta),
      ciLow: shown(spec.measure, e.theta - half),
      ciHigh: shown(spec.measure, e.theta + half),
      weight: fit?.weights[i] ?? 0,
      corrected: e.corrected,
    };
    if (e.study.subgroup !== undefined) effect.subgroup = e.study.subgroup;
    return effect;
  });
}

/**
 * Pools the studies under the spec. With `bySubgroup`, the same model is fitted within each
 * subgroup (its own tau²), in order of first appearance, and the subgroups' estimates are tested
 * against each other.
 */
export function synthesise(spec: AnalysisSpec, studies: readonly StudyInput[], bySubgroup = false): Synthesis {
  const { estimable, notEstimable } = effects(spec, studies);
  const fit = fitOf(spec, estimable);
  const result: Synthesis = {
    spec,
    studies: studyEffects(spec, estimable, fit),
    notEstimable,
    pooled: fit ? pooledOf(spec, fit, estimable) : undefined,
  };
  if (!bySubgroup) return result;
  const groups = new Map<string, Estimable[]>();
  for (const e of estimable) {
    const value = e.study.subgroup ?? '';
    const group = groups.get(value);
    if (group) group.push(e);
    else groups.set(value, [e]);
  }
  const subgroups: SubgroupResult[] = [];
  for (const [value, members] of groups) {
    const groupFit = fitOf(spec, members);
    subgroups.push({ value, studies: studyEffects(spec, members, groupFit), pooled: groupFit ? pooledOf(spec, groupFit, members) : undefined });
  }
  result.subgroups = subgroups;
  const pooledGroups = subgroups.flatMap((s) => (s.pooled ? [s.pooled] : []));
  if (pooledGroups.length > 1) {
    result.subgroupTest = betweenSubgroups(
      pooledGroups.map((p) => p.theta),
      pooledGroups.map((p) => p.se),
    );
  }
  return result;
}
