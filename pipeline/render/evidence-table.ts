// The evidence table as data: one row per included study, grouped by disease, each cell a few short lines of text.
import type { OutcomeRecord } from '../schema/tables.ts';
import { decimalsOf, formatDuration, formatInterval, numberFormatter, type Lang } from './format.ts';
import { label } from './labels.ts';
import { memo5 } from '../memo.ts';
import { parseDuration } from '../normalise/duration.ts';
import { studyLabel, termLabels, type IncludedStudy, type ReviewModel, type TermLabels } from './model.ts';

export interface TableCell {
  lines: string[];
  /** The reference numbers of the study's reports, shown as one citation after the text. */
  cite?: number[];
  /** A verification status, styled as a badge. */
  status?: 'verified' | 'unverified' | 'unresolved';
}

export interface EvidenceGroup {
  disease: string;
  heading: string;
  rows: TableCell[][];
}

export interface EvidenceTable {
  caption: string;
  note: string;
  columns: string[];
  /** Which column holds the verification status (for the editor's proof; readers' tables leave it out). */
  statusColumn: number;
  groups: EvidenceGroup[];
}

type OutcomeColumn = 'lung' | 'other' | 'safety';

/**
 * The column each outcome goes in: the one declaration of it. An outcome not named here is an "other" outcome;
 * completion (who finished the study) is one, not a harm. A row measured at baseline is no outcome at all: it
 * describes the patients enrolled and goes with n.
 */
export const OUTCOME_COLUMNS: Readonly<Record<string, OutcomeColumn>> = {
  fvc: 'lung',
  dlco: 'lung',
  hrct: 'lung',
  lung_function: 'lung',
  ild_progression: 'lung',
  sae: 'safety',
  adverse_events: 'safety',
  neutropenia: 'safety',
  infection: 'safety',
};
// Measures whose label already names the unit (每100患者年发生率, rate per 100 patient-years): the value goes without it.
const UNIT_IN_MEASURE = new Set(['rate_per_100py']);
const BASELINE = /^(?:baseline|基线)$/i;
const EMPTY = '—';
const COLUMNS = ['study', 'design', 'n', 'regimen', 'comparator', 'followUp', 'lungOutcomes', 'otherOutcomes', 'safety', 'conclusion', 'status'] as const;
/** Measures that a value's own form already shows (a count, a percent, a plain value), so the line does not name them. */
const SELF_EVIDENT_MEASURES = new Set(['count', 'percent', 'value']);

/** What the rows of one line share: "FVC 平均变化 … ［96 weeks］". One object per line key, so rows are grouped by identity. */
interface LineKind {
  /** "FVC", or "FVC 平均变化" when the value's form does not show the measure. */
  head: string;
  /** The outcome's short name alone ("mRSS"): a value reported in words that starts with it is not named twice. */
  name: string;
  /** Arm, time point and analysis as they close the line: "［placebo，96 weeks，完成者］" in Chinese, " [96 weeks]" in English, or ''. */
  closing: string;
}

/**
 * The words of outcome lines for one table, each worked out once per distinct input: thousands of
 * rows repeat a few dozen terms, time points and arms, and a few thousand numbers.
 */
export interface OutcomeWords {
  lang: Lang;
  labels: TermLabels;
  /** Between the values of one line. */
  separator: string;
  lineKind: (row: OutcomeRecord, showArm: boolean) => LineKind;
  number: (value: number, decimals?: number) => string;
  percent: (value: number, decimals?: number) => string;
}

export function outcomeWords(model: ReviewModel): OutcomeWords {
  const { lang, vocabulary } = model;
  const labels = termLabels(vocabulary, lang);
  const separator = lang === 'zh' ? '，' : ', ';
  return { lang, labels, separator, lineKind: lineKinds(labels, lang, separator), number: numberFormatter(), percent: numberFormatter('%') };
}

/**
 * A row's line kind, remembered per distinct outcome, measure, arm, time point and analysis. The
 * categories of one outcome (stable, improved, worse) come in consecutive rows, so the last row's
 * inputs are compared first: five comparisons instead of five lookups.
 */
function lineKinds(labels: TermLabels, lang: Lang, separator: string): (row: OutcomeRecord, showArm: boolean) => LineKind {
  // Rows share a line when their heads and contexts give the same key; different inputs can (a
  // `count` and a `percent` measure both show no measure), so kinds are made once per key.
  const kinds = new Map<string, LineKind>();
  const kindOf = memo5((outcome: string | undefined, measure: string | undefined, arm: string | undefined, rawTimepoint: string | undefined, analysis: string | undefined) => {
    const name = labels.outcomeName(outcome);
    const timepoint = rawTimepoint === undefined ? undefined : timepointWords(rawTimepoint, lang);
    const head = measure && !SELF_EVIDENT_MEASURES.has(measure) ? `${name} ${labels.measure(measure)}` : name;
    const context = [arm, timepoint, analysis && analysis !== 'as_reported' ? labels.analysis(analysis) : undefined]
      .filter((part): part is string => Boolean(part))
      .join(separator);
    const key = `${head}\u0000${context}`;
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = { head, name, closing: context === '' ? '' : lang === 'zh' ? `［${context}］` : ` [${context}]` }));
    return kind;
  });
  // Updated in place rather than replaced: no allocation per row.
  const last: { outcome?: string; measure?: string; arm?: string; timepoint?: string; analysis?: string; kind?: LineKind } = {};
  return (row, showArm) => {
    const { outcome, measure, analysis } = row;
    const arm = showArm ? row.arm : undefined;
    const timepoint = row.timepoint?.raw;
    if (last.kind && last.outcome === outcome && last.measure === measure && last.arm === arm && last.timepoint === timepoint && last.analysis === analysis) return last.kind;
    last.kind = kindOf(outcome, measure, arm, timepoint, analysis);
    last.outcome = outcome;
    last.measure = measure;
    last.arm = arm;
    last.timepoint = timepoint;
    last.analysis = analysis;
    return last.kind;
  };
}

/** Builds the table; `numberOf` gives each study's citation number (the review's numbering). */
export function buildEvidenceTable(model: ReviewModel, numberOf: (referenceId: string) => number | undefined): EvidenceTable {
  const { lang } = model;
  const words = outcomeWords(model);
  const groups = new Map<string, EvidenceGroup>();
  for (const study of model.studies) {
    const disease = study.study.disease ?? '';
    let group = groups.get(disease);
    if (!group) {
      const name = words.labels.disease(disease);
      group = { disease, heading: name === disease ? disease : `${name} (${disease})`, rows: [] };
      groups.set(disease, group);
    }
    group.rows.push(studyRow(words, study, numberOf));
  }
  return {
    caption: `${label('tableNumber', lang)} ${label('evidenceTable', lang)}`,
    note: label('tableNote', lang),
    columns: COLUMNS.map((key) => label(key, lang)),
    statusColumn: COLUMNS.indexOf('status'),
    groups: [...groups.values()],
  };
}

function studyRow(words: OutcomeWords, entry: IncludedStudy, numberOf: (referenceId: string) => number | undefined): TableCell[] {
  const { study } = entry;
  const { lang, labels } = words;
  // One row per study, citing every report: a trial and its extension are one study, not two rows.
  const cite = (study.reference_id ?? []).map(numberOf).filter((n): n is number => n !== undefined);
  const studyCell: TableCell = { lines: [studyLabel(entry)] };
  if (cite.length > 0) studyCell.cite = cite;
  const n = study.n_enrolled === undefined ? EMPTY : study.n_analysed === undefined ? String(study.n_enrolled) : `${study.n_enrolled} (${study.n_analysed})`;
  // A single-arm study says its arm once (in the regimen), not on every outcome line.
  const showArm = hasSeveralArms(entry.outcomes);
  const sections = outcomeSections(entry.outcomes);
  const status = leastVerified(entry);
  const statusCell: TableCell = { lines: [status ? label(status, lang) : EMPTY] };
  if (status) statusCell.status = status;
  return [
    studyCell,
    { lines: [labels.design(study.design) || EMPTY] },
    { lines: [n, ...describeWith(words, sections.baseline, showArm)] },
    { lines: [study.intervention?.raw ?? EMPTY] },
    { lines: [study.comparator ?? EMPTY] },
    { lines: [study.follow_up === undefined ? EMPTY : study.follow_up.parsed ? formatDuration(study.follow_up.parsed, lang) : study.follow_up.raw] },
    outcomeCell(words, sections.lung, showArm),
    outcomeCell(words, sections.other, showArm),
    outcomeCell(words, sections.safety, showArm),
    { lines: [study.conclusion ?? EMPTY] },
    statusCell,
  ];
}

/** Verification ranks from best to worst: a study is as verified as its least verified report. */
const STATUS_RANK = { verified: 0, unverified: 1, unresolved: 2 } as const;

function leastVerified(entry: IncludedStudy): TableCell['status'] {
  let status = entry.reference?.status;
  for (const report of entry.reports) if (report.status !== undefined && (status === undefined || STATUS_RANK[report.status] > STATUS_RANK[status])) status = report.status;
  return status;
}

function outcomeCell(words: OutcomeWords, rows: readonly OutcomeRecord[], showArm: boolean): TableCell {
  const lines = describeWith(words, rows, showArm);
  return { lines: lines.length > 0 ? lines : [EMPTY] };
}

/** Whether the rows name more than one arm (a missing arm counts as one). */
function hasSeveralArms(rows: readonly OutcomeRecord[]): boolean {
  const first = rows[0]?.arm ?? '';
  return rows.some((row) => (row.arm ?? '') !== first);
}

/** The rows of each outcome column (and the baseline rows), in their order, sorted in one pass rather than one filter per column. */
function outcomeSections(rows: readonly OutcomeRecord[]): Record<OutcomeColumn | 'baseline', OutcomeRecord[]> {
  const sections = { lung: [] as OutcomeRecord[], other: [] as OutcomeRecord[], safety: [] as OutcomeRecord[], baseline: [] as OutcomeRecord[] };
  for (const row of rows) {
    if (row.timepoint !== undefined && BASELINE.test(row.timepoint.raw)) sections.baseline.push(row);
    else sections[OUTCOME_COLUMNS[row.outcome ?? ''] ?? 'other'].push(row);
  }
  return sections;
}

/**
 * Outcome rows in a few words, one line per outcome, measure and context; the categories of one
 * outcome share a line: "FVC 稳定 14/25 (56%)，改善 5/25 (20%)，恶化 6/25 (24%)［30 months］",
 * "FVC 平均变化 −3.3 (95% CI −5.1 至 −1.5)［placebo→TCZ，96 weeks，完成者］".
 */
export function describeOutcomes(model: ReviewModel, rows: readonly OutcomeRecord[], showArm: boolean): string[] {
  return describeWith(outcomeWords(model), rows, showArm);
}

/** A line being written: its kind, then the pieces of its text, joined once at the end. */
interface OpenLine {
  kind: LineKind;
  parts: string[];
}

function describeWith(words: OutcomeWords, rows: readonly OutcomeRecord[], showArm: boolean): string[] {
  const { labels, separator } = words;
  const lines: OpenLine[] = [];
  let line: OpenLine | undefined;
  for (const row of rows) {
    const kind = words.lineKind(row, showArm);
    const category = row.category ? labels.category(row.category) : '';
    // Each word once: a category the outcome's name already says (病情改善 … 改善) is not repeated.
    const value = withPart(category !== '' && saysAlready(kind.head, category) ? '' : category, valueText(row, words), ' ');
    // The rows of one line mostly come together: the last row's line is the likeliest.
    if (line?.kind !== kind) line = lines.find((open) => open.kind === kind);
    if (line) line.parts.push(separator, value);
    // A value in the paper's words that names the outcome itself ("mRSS lower after 4 weeks") needs no head.
    else lines.push((line = { kind, parts: kind.name !== '' && value.startsWith(kind.name) ? [value] : [kind.head, ' ', value] }));
  }
  // One join per line: a flat string, which the HTML writer escapes and copies without flattening it first.
  return lines.map(({ kind, parts }) => {
    parts.push(kind.closing);
    return parts.join('');
  });
}

/**
 * One result as a reader reads it, apart from its study: what was measured ("FVC 平均变化 稳定［placebo→TCZ，
 * 96 weeks，完成者］", always naming the arm) and its numbers as the table shows them ("14/25 (56%)").
 */
export function describeResult(words: OutcomeWords, row: OutcomeRecord): { what: string; value: string } {
  const kind = words.lineKind(row, true);
  const head = withPart(kind.head, row.category ? words.labels.category(row.category) : '', ' ');
  return { what: head + kind.closing, value: valueText(row, words) };
}

/** Whether `head` already says `word` (or its stem: "overall improvement" says "improved"). */
function saysAlready(head: string, word: string): boolean {
  const stem = word.length > 4 ? word.slice(0, -2) : word;
  return head.toLowerCase().includes(stem.toLowerCase());
}

/** A time point in the document's words: "基线" for baseline, a parsed duration in its unit, else as recorded. */
function timepointWords(raw: string, lang: Lang): string {
  if (BASELINE.test(raw)) return label('baseline', lang);
  const duration = parseDuration(raw);
  return duration.ok ? formatDuration(duration.value, lang) : raw;
}

/** `text` with `part` after it, as `[text, part].filter(Boolean).join(separator)` would give, without the arrays. */
function withPart(text: string, part: string | undefined, separator: string): string {
  if (!part) return text;
  return text === '' ? part : `${text}${separator}${part}`;
}

function valueText(row: OutcomeRecord, words: OutcomeWords): string {
  const percent = row.percent === undefined ? '' : words.percent(row.percent.value, row.percent.decimals);
  if (row.count !== undefined) {
    const fraction = row.denominator === undefined ? String(row.count) : `${row.count}/${row.denominator}`;
    return percent ? `${fraction} (${percent})` : fraction;
  }
  if (row.value !== undefined) {
    // One cell at a time: `source.cells` builds every cell of the row.
    const { source } = row;
    let text = words.number(row.value, decimalsOf(source.cell('value')?.raw));
    if (row.unit && !/^(points?|patients?)$/i.test(row.unit) && !(row.measure !== undefined && UNIT_IN_MEASURE.has(row.measure))) text += ` ${row.unit}`;
    if (row.ci_low !== undefined && row.ci_high !== undefined) {
      const low = words.number(row.ci_low, decimalsOf(source.cell('ci_low')?.raw));
      const high = words.number(row.ci_high, decimalsOf(source.cell('ci_high')?.raw));
      text += ` (95% CI ${formatInterval(low, high, words.lang)})`;
    }
    return text;
  }
  if (percent) return percent;
  return row.reported?.raw ?? label('notReported', words.lang);
}
