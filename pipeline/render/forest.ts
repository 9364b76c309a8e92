// {{forest "id"}}: an analysis's forest plot as a vector scene, laid out as RevMan draws one (columns, squares, diamonds, tests, axis).
import type { AnalysisResult } from '../synthesis/analyse.ts';
import { appendAll, maxOf } from '../arrays.ts';
import { estimateText, pStatement } from '../synthesis/present.ts';
import { RATIO_MEASURES, type Pooled, type StudyEffect, type Synthesis } from '../synthesis/types.ts';
import { SceneBuilder, type Color, type Scene, type TextAnchor } from './document/scene.ts';
import { formatNumber, type Lang } from './format.ts';
import { fillLabel, label, type LabelKey } from './labels.ts';

const SIZE = 7;
const ROW = 11;
const PAD = 6;
const PLOT_WIDTH = 150;
const MAX_SQUARE = 9;
const INK: Color = '#1d1d1f';
const STUDY_INK: Color = '#1f4e8c';
const POOLED_INK: Color = '#1d1d1f';
const THIN = { color: INK, width: 0.5 };

/** The horizontal scale of the plot: ratios on a log axis, differences on a linear one. */
export interface ForestAxis {
  log: boolean;
  min: number;
  max: number;
  ticks: number[];
  /** The line of no effect: 1 for a ratio, 0 for a difference. */
  nullValue: number;
}

/** Ticks of a ratio axis: symmetric about 1 on the log scale, wide enough for every bound up to 1000 (beyond, lines end in arrows). */
const LOG_LIMITS: readonly { limit: number; ticks: number[] }[] = [
  { limit: 2, ticks: [0.5, 0.7, 1, 1.5, 2] },
  { limit: 5, ticks: [0.2, 0.5, 1, 2, 5] },
  { limit: 10, ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10] },
  { limit: 20, ticks: [0.05, 0.2, 1, 5, 20] },
  { limit: 100, ticks: [0.01, 0.1, 1, 10, 100] },
  { limit: 1000, ticks: [0.001, 0.1, 1, 10, 1000] },
];

/** The axis covering `bounds` (study and pooled CIs, the prediction interval). */
export function forestAxis(ratio: boolean, bounds: readonly number[]): ForestAxis {
  const finite = bounds.filter((b) => Number.isFinite(b) && (!ratio || b > 0));
  if (ratio) {
    const reach = finite.reduce((most, b) => Math.max(most, b, 1 / b), 1);
    const chosen = LOG_LIMITS.find((entry) => entry.limit >= reach * 0.999) ?? (LOG_LIMITS[LOG_LIMITS.length - 1] as (typeof LOG_LIMITS)[number]);
    return { log: true, min: 1 / chosen.limit, max: chosen.limit, ticks: chosen.ticks, nullValue: 1 };
  }
  const reach = finite.reduce((most, b) => Math.max(most, Math.abs(b)), 0) || 1;
  // The smallest 1, 2 or 5 times a power of ten at least as far out as every bound.
  const power = 10 ** Math.floor(Math.log10(reach));
  const limit = ([1, 2, 5, 10].map((m) => m * power).find((v) => v >= reach * 0.999) ?? 10 * power) as number;
  return { log: false, min: -limit, max: limit, ticks: [-limit, -limit / 2, 0, limit / 2, limit], nullValue: 0 };
}

interface Row {
  /** Left column text and whether it is bold. */
  label: string;
  bold?: boolean;
  /** Arm columns' texts, experimental's first. */
  arms?: string[];
  weight?: string;
  estimate?: string;
  mark?: { kind: 'square'; study: StudyEffect } | { kind: 'diamond'; pooled: Pooled } | { kind: 'interval'; low: number; high: number };
  /** A line of test results in the left columns, spanning them. */
  note?: boolean;
}

/** The words of one forest plot, in the document's language. */
function words(result: AnalysisResult, lang: Lang) {
  const { spec } = result.synthesis as Synthesis;
  const method = spec.model === 'random' ? 'IV' : spec.method === 'MH' ? 'M-H' : spec.method;
  const model = label(spec.model === 'random' ? 'forestRandom' : 'forestFixed', lang);
  return {
    measure: label(`measure${spec.measure}` as LabelKey, lang),
    method: `${method}, ${model}, 95% CI`,
    experimental: armName(result, 'experimental'),
    control: armName(result, 'control'),
  };
}

/** An arm as analyses.csv writes it (the engine matches arms lowercased): its first alternative. */
function armName(result: AnalysisResult, arm: 'experimental' | 'control'): string {
  const raw = result.target.source?.cell(arm)?.raw?.split(/[;；]/)[0]?.trim();
  return raw === undefined || raw === '' ? (result.target[arm][0] ?? '') : raw;
}

function weightText(weight: number): string {
  return `${formatNumber(weight, 1)}%`;
}

function ciText(estimate: number, low: number, high: number): string {
  return `${estimateText(estimate)} [${estimateText(low)}, ${estimateText(high)}]`;
}

function armTexts(studies: readonly StudyEffect[], study: StudyEffect | undefined): string[] | undefined {
  const data = (study ?? studies[0])?.data;
  if (data === undefined || data.kind === 'contrast') return undefined;
  if (study !== undefined) {
    if (data.kind === 'binary') return [data.experimental.events, data.experimental.total, data.control.events, data.control.total].map(String);
    return [formatNumber(data.experimental.mean), formatNumber(data.experimental.sd), String(data.experimental.n), formatNumber(data.control.mean), formatNumber(data.control.sd), String(data.control.n)];
  }
  // A subtotal: the arms' patients (and events under "Total events").
  const sum = (pick: (s: StudyEffect) => number) => String(studies.reduce((n, s) => n + pick(s), 0));
  const total = (arm: 'experimental' | 'control') => sum((s) => (s.data.kind === 'binary' ? s.data[arm].total : s.data.kind === 'continuous' ? s.data[arm].n : 0));
  return data.kind === 'binary' ? ['', total('experimental'), '', total('control')] : ['', '', total('experimental'), '', '', total('control')];
}

function eventTotals(studies: readonly StudyEffect[]): string[] | undefined {
  if (studies.length === 0 || studies.some((s) => s.data.kind !== 'binary')) return undefined;
  const sum = (arm: 'experimental' | 'control') => String(studies.reduce((n, s) => n + (s.data.kind === 'binary' ? s.data[arm].events : 0), 0));
  return [sum('experimental'), '', sum('control'), ''];
}

/** The colon after a label: full-width in Chinese. */
function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

function heterogeneityText(pooled: Pooled, random: boolean, lang: Lang): string {
  const tau = random ? `Tau² = ${estimateText(pooled.tau2)}; ` : '';
  return `${label('forestHeterogeneity', lang)}${colon(lang)}${tau}Chi² = ${formatNumber(pooled.q, 2)}, df = ${pooled.df} (${pStatement(pooled.pQ)}); I² = ${Math.round(pooled.i2)}%`;
}

function effectText(pooled: Pooled, lang: Lang): string {
  const statistic = pooled.testDf === undefined ? 'Z' : `t(${pooled.testDf})`;
  return `${label('forestOverallEffect', lang)}${colon(lang)}${statistic} = ${formatNumber(Math.abs(pooled.z), 2)} (${pStatement(pooled.p)})`;
}

/** The rows of the plot, top to bottom: studies (by subgroup, each with its subtotal and tests), the total, the tests. */
function forestRows(synthesis: Synthesis, lang: Lang, studyLabel: (study: StudyEffect) => string): Row[] {
  const random = synthesis.spec.model === 'random';
  const weights = new Map(synthesis.studies.map((s) => [s.id, s.weight]));
  const studyRow = (s: StudyEffect): Row => ({
    label: studyLabel(s),
    arms: armTexts([], s),
    weight: weightText(weights.get(s.id) ?? s.weight),
    estimate: ciText(s.estimate, s.ciLow, s.ciHigh),
    mark: { kind: 'square', study: { ...s, weight: weights.get(s.id) ?? s.weight } },
  });
  const summary = (studies: readonly StudyEffect[], pooled: Pooled | undefined, key: 'forestSubtotal' | 'forestOverall'): Row[] => {
    const weight = studies.reduce((sum, s) => sum + (weights.get(s.id) ?? 0), 0);
    const rows: Row[] = [{ label: label(key, lang), bold: true, arms: armTexts(studies, undefined), weight: weightText(weight), ...(pooled ? { estimate: ciText(pooled.estimate, pooled.ciLow, pooled.ciHigh), mark: { kind: 'diamond', pooled } } : {}) }];
    const events = eventTotals(studies);
    if (events) rows.push({ label: label('forestTotalEvents', lang), arms: events });
    if (pooled) {
      if (pooled.df > 0) rows.push({ label: heterogeneityText(pooled, random, lang), note: true });
      rows.push({ label: effectText(pooled, lang), note: true });
    }
    return rows;
  };
  const rows: Row[] = [];
  if (synthesis.subgroups && synthesis.subgroups.length > 0) {
    for (const group of synthesis.subgroups) {
      rows.push({ label: group.value, bold: true });
      appendAll(rows, group.studies.map(studyRow));
      appendAll(rows, summary(group.studies, group.pooled, 'forestSubtotal'));
      rows.push({ label: '' });
    }
  } else {
    appendAll(rows, synthesis.studies.map(studyRow));
    rows.push({ label: '' });
  }
  const pooled = synthesis.pooled;
  const total = summary(synthesis.studies, pooled, 'forestOverall');
  rows.push(total[0] as Row);
  if (pooled?.predictionLow !== undefined && pooled.predictionHigh !== undefined) {
    rows.push({ label: label('forestPrediction', lang), estimate: `[${estimateText(pooled.predictionLow)}, ${estimateText(pooled.predictionHigh)}]`, mark: { kind: 'interval', low: pooled.predictionLow, high: pooled.predictionHigh } });
  }
  appendAll(rows, total.slice(1));
  const test = synthesis.subgroupTest;
  if (test) rows.push({ label: `${label('forestSubgroupTest', lang)}${colon(lang)}Chi² = ${formatNumber(test.q, 2)}, df = ${test.df} (${pStatement(test.p)}); I² = ${formatNumber(test.i2, 1)}%`, note: true });
  return rows;
}

/**
 * The forest plot of an analysis with a synthesis. `studyLabel` names a study's row (first author, year and its
 * citation number). Its description repeats every row's numbers for a screen reader.
 */
export function forestScene(result: AnalysisResult, lang: Lang, studyLabel: (study: StudyEffect) => string = (s) => s.label): Scene {
  const synthesis = result.synthesis as Synthesis;
  const w = words(result, lang);
  const rows = forestRows(synthesis, lang, studyLabel);
  const pooled = synthesis.pooled;
  const bounds = [...synthesis.studies.flatMap((s) => [s.ciLow, s.ciHigh]), ...(pooled ? [pooled.ciLow, pooled.ciHigh] : [])];
  if (pooled?.predictionLow !== undefined && pooled.predictionHigh !== undefined) bounds.push(pooled.predictionLow, pooled.predictionHigh);
  const axis = forestAxis(RATIO_MEASURES.has(synthesis.spec.measure), bounds);
  const measure = (text: string, bold = false) => new SceneBuilder(0, 0, { title: '', description: '' }).measure(text, SIZE, bold);

  // Column widths from the widest text each holds; the test lines span the label and arm columns.
  const armCount = rows.find((r) => r.arms)?.arms?.length ?? 0;
  const armHeads = armCount === 4 ? ['forestEvents', 'forestTotal'] : armCount === 6 ? ['forestMean', 'forestSd', 'forestTotal'] : [];
  const headWords = armHeads.map((key) => label(key as LabelKey, lang));
  const widest = (texts: readonly string[], bold = false) => texts.reduce((most, t) => Math.max(most, measure(t, bold)), 0);
  const labelWidth = widest([label('forestStudy', lang), ...rows.filter((r) => !r.note).map((r) => r.label)], true) + PAD;
  const armWidth = armCount === 0 ? 0 : widest([...headWords, ...rows.flatMap((r) => r.arms ?? [])]) + PAD;
  const weightWidth = widest([label('forestWeight', lang), '100.0%']) + PAD;
  const estimateWidth = widest([w.measure, w.method, ...rows.map((r) => r.estimate ?? '')]) + PAD * 2;
  const notesWidth = widest(rows.filter((r) => r.note).map((r) => r.label));
  const armsLeft = labelWidth;
  const weightRight = armsLeft + armWidth * armCount + weightWidth;
  const estimateRight = weightRight + estimateWidth;
  const plotLeft = estimateRight + PAD * 2;
  const plotRight = plotLeft + PLOT_WIDTH;
  const width = Math.ceil(Math.max(plotRight + PAD * 4, notesWidth + PAD));
  const headHeight = ROW * 2 + 4;
  const bodyTop = headHeight + 4;
  const axisY = bodyTop + rows.length * ROW + 2;
  const height = axisY + ROW * 3;

  const description = describe(result, rows, lang);
  const title = `${label('forestPlot', lang)}${colon(lang)}${result.target.title}`;
  const s = new SceneBuilder(width, height, { title, description });
  const text = (t: string, x: number, y: number, anchor: TextAnchor = 'start', bold = false) => (t === '' ? 0 : s.text(t, x, y, { size: SIZE, bold, anchor }));
  const xOf = (value: number) => {
    const [a, b, v] = axis.log ? [Math.log(axis.min), Math.log(axis.max), Math.log(value)] : [axis.min, axis.max, value];
    return plotLeft + ((v - a) / (b - a)) * PLOT_WIDTH;
  };
  const clamp = (x: number) => Math.min(plotRight, Math.max(plotLeft, x));

  // Header: the arms above their columns, the measure above its estimate and the plot.
  const armGroupWidth = armWidth * (armCount / 2);
  if (armCount > 0) {
    text(w.experimental, armsLeft + armGroupWidth / 2, ROW, 'middle', true);
    text(w.control, armsLeft + armGroupWidth * 1.5, ROW, 'middle', true);
    for (let i = 0; i < armCount; i++) text(headWords[i % headWords.length] as string, armsLeft + armWidth * (i + 1) - PAD / 2, ROW * 2, 'end', true);
  }
  text(label('forestStudy', lang), 0, ROW * 2, 'start', true);
  text(label('forestWeight', lang), weightRight - PAD / 2, ROW * 2, 'end', true);
  for (const x of [estimateRight - PAD / 2, (plotLeft + plotRight) / 2]) {
    const anchor: TextAnchor = x === estimateRight - PAD / 2 ? 'end' : 'middle';
    text(w.measure, x, ROW, anchor, true);
    text(w.method, x, ROW * 2, anchor, true);
  }
  s.line(0, headHeight, width, headHeight, THIN);

  rows.forEach((row, index) => {
    const base = bodyTop + (index + 1) * ROW - 3;
    const mid = base - SIZE / 2 + 1;
    text(row.label, 0, base, 'start', row.bold ?? false);
    row.arms?.forEach((t, i) => text(t, armsLeft + armWidth * (i + 1) - PAD / 2, base, 'end', row.bold ?? false));
    if (row.weight) text(row.weight, weightRight - PAD / 2, base, 'end', row.bold ?? false);
    if (row.estimate) text(row.estimate, estimateRight - PAD / 2, base, 'end', row.bold ?? false);
    const mark = row.mark;
    if (mark === undefined) return;
    if (mark.kind === 'diamond') {
      const p = mark.pooled;
      s.diamond(clamp(xOf(p.ciLow)), clamp(xOf(p.estimate)), clamp(xOf(p.ciHigh)), mid, 4, { fill: POOLED_INK });
      return;
    }
    const [low, high] = mark.kind === 'square' ? [mark.study.ciLow, mark.study.ciHigh] : [mark.low, mark.high];
    intervalLine(s, xOf(low), xOf(high), mid, plotLeft, plotRight, mark.kind === 'square' ? STUDY_INK : POOLED_INK);
    if (mark.kind === 'square') {
      const x = xOf(mark.study.estimate);
      const maxWeight = maxOf(synthesis.studies.map((st) => st.weight));
      const side = Math.max(1.5, MAX_SQUARE * Math.sqrt(mark.study.weight / maxWeight));
      if (x >= plotLeft && x <= plotRight) s.rect(x - side / 2, mid - side / 2, side, side, { fill: STUDY_INK });
    }
  });

  // The axis, its ticks, the line of no effect and which side favours which arm.
  s.line(plotLeft, axisY, plotRight, axisY, THIN);
  s.line(xOf(axis.nullValue), headHeight + 2, xOf(axis.nullValue), axisY, THIN);
  for (const tick of axis.ticks) {
    const x = xOf(tick);
    s.line(x, axisY, x, axisY + 3, THIN);
    text(formatNumber(tick), x, axisY + 3 + SIZE + 1, 'middle');
  }
  const favoursY = axisY + ROW * 2 + 2;
  text(fillLabel('forestFavours', lang, { arm: w.experimental }), xOf(axis.nullValue) - 4, favoursY, 'end');
  text(fillLabel('forestFavours', lang, { arm: w.control }), xOf(axis.nullValue) + 4, favoursY, 'start');
  return s.build();
}

/** A confidence interval's line, clipped to the plot, with an arrowhead where it runs beyond the axis. */
function intervalLine(s: SceneBuilder, x1: number, x2: number, y: number, left: number, right: number, color: Color): void {
  const a = Math.max(left, Math.min(right, x1));
  const b = Math.max(left, Math.min(right, x2));
  s.line(a, y, b, y, { color, width: 0.75 });
  if (x1 < left) s.polygon([[left, y], [left + 4, y - 2], [left + 4, y + 2]], { fill: color });
  if (x2 > right) s.polygon([[right, y], [right - 4, y - 2], [right - 4, y + 2]], { fill: color });
}

/** What a screen reader says: the rows of the plot as sentences (the plot's table in words). */
function describe(result: AnalysisResult, rows: readonly Row[], lang: Lang): string {
  const k = result.synthesis?.studies.length ?? 0;
  const lines = [`${result.target.measure}, ${fillLabel('forestStudies', lang, { n: k })}`];
  for (const row of rows) {
    if (row.label === '') continue;
    const parts = [row.label, ...(row.arms ?? []).filter((t) => t !== ''), row.weight, row.estimate].filter((p): p is string => p !== undefined && p !== '');
    lines.push(parts.join(' '));
  }
  return lines.join('. ');
}
