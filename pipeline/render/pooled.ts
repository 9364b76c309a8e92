// {{pooled "id" "field"}}: a pooled figure of an analysis in the prose, printed as RevMan prints it.
import type { AnalysisResult } from '../synthesis/analyse.ts';
import { estimateText, pValueText } from '../synthesis/present.ts';
import { formatInterval, type Lang } from './format.ts';

export const POOLED_FIELDS = ['estimate', 'ci', 'ciLow', 'ciHigh', 'k', 'participants', 'i2', 'tau2', 'p', 'prediction'] as const;
export type PooledField = (typeof POOLED_FIELDS)[number];

/** The field's text, or why there is none (a message for the template's author). */
export function pooledField(result: AnalysisResult, field: string, lang: Lang): { ok: true; text: string } | { ok: false; reason: string } {
  const id = result.target.id;
  if (!(POOLED_FIELDS as readonly string[]).includes(field)) return { ok: false, reason: `pooled has no field '${field}'; it gives ${POOLED_FIELDS.join(', ')}` };
  const pooled = result.synthesis?.pooled;
  if (!pooled) return { ok: false, reason: `analysis ${id} has no pooled estimate (${result.problem ?? 'no estimable study'})` };
  switch (field as PooledField) {
    case 'estimate':
      return { ok: true, text: estimateText(pooled.estimate) };
    case 'ci':
      return { ok: true, text: formatInterval(estimateText(pooled.ciLow), estimateText(pooled.ciHigh), lang) };
    case 'ciLow':
      return { ok: true, text: estimateText(pooled.ciLow) };
    case 'ciHigh':
      return { ok: true, text: estimateText(pooled.ciHigh) };
    case 'k':
      return { ok: true, text: String(pooled.k) };
    case 'participants':
      return pooled.participants === undefined ? { ok: false, reason: `analysis ${id} has a study without its number of patients` } : { ok: true, text: String(pooled.participants) };
    case 'i2':
      return { ok: true, text: String(Math.round(pooled.i2)) };
    case 'tau2':
      return { ok: true, text: estimateText(pooled.tau2) };
    case 'p':
      return { ok: true, text: pValueText(pooled.p) };
    case 'prediction':
      if (pooled.predictionLow === undefined) return { ok: false, reason: `analysis ${id} has no prediction interval (prediction yes, random effects)` };
      return { ok: true, text: formatInterval(estimateText(pooled.predictionLow), estimateText(pooled.predictionHigh!), lang) };
  }
}

/** A pooled result as 本次更新 tells it: `RR 0.49 (0.34 to 0.70), k = 13`; undefined without an estimate. */
export function pooledLine(result: AnalysisResult, lang: Lang): string | undefined {
  const pooled = result.synthesis?.pooled;
  if (!pooled) return undefined;
  const ci = formatInterval(estimateText(pooled.ciLow), estimateText(pooled.ciHigh), lang);
  return `${result.target.measure} ${estimateText(pooled.estimate)} (${ci}), k = ${pooled.k}`;
}
