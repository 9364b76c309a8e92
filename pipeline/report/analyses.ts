// `review analyse` output: the JSON document of the design brief, and a table for people (RevMan's wording).
import { appendAll, maxOf } from '../arrays.ts';
import type { CheckResult } from '../diagnostic.ts';
import type { AnalysisResult } from '../synthesis/analyse.ts';
import type { Pooled, StudyEffect } from '../synthesis/types.ts';
import { formatStylish } from './stylish.ts';
import { estimateText as number, pStatement as pText } from '../synthesis/present.ts';

/** One analysis as the JSON carries it: estimate, CIs and study estimates as shown (ratios as ratios); se and tau² on the log scale. */
export function analysisJson(result: AnalysisResult): Record<string, unknown> {
  const { target, synthesis } = result;
  const { spec } = target;
  const json: Record<string, unknown> = {
    id: target.id,
    title: target.title,
    measure: spec.measure,
    model: spec.model,
    method: spec.method,
    ci: spec.ci,
  };
  if (result.problem !== undefined) json.problem = result.problem;
  const pooled = synthesis?.pooled;
  Object.assign(json, pooled ? pooledJson(pooled) : { k: 0 });
  json.studies = (synthesis?.studies ?? []).map(studyJson);
  json.notEstimable = result.notEstimable.map(({ id, reason }) => ({ id, reason }));
  if (synthesis?.subgroups) {
    json.subgroups = synthesis.subgroups.map((group) => ({
      value: group.value,
      ...(group.pooled
        ? { k: group.pooled.k, estimate: group.pooled.estimate, ciLow: group.pooled.ciLow, ciHigh: group.pooled.ciHigh, tau2: group.pooled.tau2, i2: group.pooled.i2 }
        : { k: 0 }),
    }));
  }
  if (synthesis?.subgroupTest) {
    const { q, df, p } = synthesis.subgroupTest;
    json.subgroupTest = { q, df, p };
  }
  return json;
}

function pooledJson(pooled: Pooled): Record<string, unknown> {
  const json: Record<string, unknown> = {
    k: pooled.k,
    estimate: pooled.estimate,
    ciLow: pooled.ciLow,
    ciHigh: pooled.ciHigh,
    se: pooled.se,
    z: pooled.z,
    p: pooled.p,
    tau2: pooled.tau2,
    i2: pooled.i2,
    q: pooled.q,
    df: pooled.df,
    pQ: pooled.pQ,
  };
  if (pooled.testDf !== undefined) json.testDf = pooled.testDf;
  if (pooled.tau2Low !== undefined) Object.assign(json, { tau2Low: pooled.tau2Low, tau2High: pooled.tau2High });
  json.h2 = pooled.h2;
  if (pooled.participants !== undefined) json.participants = pooled.participants;
  if (pooled.predictionLow !== undefined) Object.assign(json, { predictionLow: pooled.predictionLow, predictionHigh: pooled.predictionHigh });
  return json;
}

function studyJson(study: StudyEffect): Record<string, unknown> {
  return { id: study.id, label: study.label, estimate: study.estimate, ciLow: study.ciLow, ciHigh: study.ciHigh, weight: study.weight };
}

/** `--format json`: one document with the analyses, and the check's diagnostics and summary. */
export function formatAnalysesJson(results: readonly AnalysisResult[], check: CheckResult): string {
  return `${JSON.stringify({ version: 1, analyses: results.map(analysisJson), diagnostics: check.diagnostics, summary: check.summary }, null, 2)}\n`;
}

function interval(low: number, high: number): string {
  return `${number(low)} to ${number(high)}`;
}

const MODEL_NAMES = { common: 'common effect', random: 'random effects' } as const;

function heterogeneityLine(pooled: Pooled, random: boolean): string {
  const tau = random ? `Tau² = ${number(pooled.tau2)}${pooled.tau2Low !== undefined ? ` (95% CI ${interval(pooled.tau2Low, pooled.tau2High!)})` : ''}; ` : '';
  return `Heterogeneity: ${tau}Chi² = ${pooled.q.toFixed(2)}, df = ${pooled.df} (${pText(pooled.pQ)}); I² = ${Math.round(pooled.i2)}%`;
}

function overallLine(pooled: Pooled): string {
  const statistic = pooled.testDf === undefined ? `Z = ${Math.abs(pooled.z).toFixed(2)}` : `t = ${Math.abs(pooled.z).toFixed(2)}, df = ${pooled.testDf}`;
  return `Test for overall effect: ${statistic} (${pText(pooled.p)})`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => maxOf(rows.map((row) => [...(row[column] ?? '')].length), 0));
  return rows.map((row) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`.trimEnd());
}

function analysisText(result: AnalysisResult): string[] {
  const { target, synthesis } = result;
  const { spec } = target;
  const lines = [`${target.id}  ${target.title}`];
  const ci = spec.ci === 'hksj' ? ', HKSJ CI' : '';
  lines.push(`  ${spec.measure}, ${MODEL_NAMES[spec.model]} (${spec.method})${ci}`);
  if (result.problem !== undefined) {
    lines.push(`  not analysed: ${result.problem}`, '');
    return lines;
  }
  const pooled = synthesis?.pooled;
  const rows: string[][] = [['Study', `${spec.measure} [95% CI]`, 'Weight']];
  for (const study of synthesis?.studies ?? []) rows.push([study.label, `${number(study.estimate)} [${interval(study.ciLow, study.ciHigh)}]`, `${study.weight.toFixed(1)}%`]);
  if (pooled) rows.push([`Total (k = ${pooled.k}${pooled.participants !== undefined ? `, ${pooled.participants} participants` : ''})`, `${number(pooled.estimate)} [${interval(pooled.ciLow, pooled.ciHigh)}]`, '100.0%']);
  appendAll(lines, table(rows));
  if (pooled) {
    lines.push(`  ${heterogeneityLine(pooled, spec.model === 'random')}`, `  ${overallLine(pooled)}`);
    if (pooled.predictionLow !== undefined) lines.push(`  Prediction interval: ${interval(pooled.predictionLow, pooled.predictionHigh!)}`);
  } else lines.push('  no study is estimable');
  for (const group of synthesis?.subgroups ?? []) {
    const p = group.pooled;
    lines.push(`  Subgroup ${group.value || '(none)'}: ${p ? `k = ${p.k}, ${number(p.estimate)} [${interval(p.ciLow, p.ciHigh)}], I² = ${Math.round(p.i2)}%` : 'not estimable'}`);
  }
  if (synthesis?.subgroupTest) {
    const { q, df, p, i2 } = synthesis.subgroupTest;
    lines.push(`  Test for subgroup differences: Chi² = ${q.toFixed(2)}, df = ${df} (${pText(p)}), I² = ${Math.round(i2)}%`);
  }
  for (const { label: name, reason } of result.notEstimable) lines.push(`  Not estimable: ${name} (${reason})`);
  lines.push('');
  return lines;
}

/** `--format stylish`: each analysis as a RevMan-like table, then the check's report. */
export function formatAnalysesText(results: readonly AnalysisResult[], check: CheckResult, color: boolean): string {
  const lines = results.length === 0 ? ['no analyses (records/analyses.csv is absent or empty)', ''] : results.flatMap(analysisText);
  return `${lines.join('\n')}\n${formatStylish(check, { color })}`;
}
