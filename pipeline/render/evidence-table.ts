// The evidence table as data: one row per included study, grouped by disease, each cell a few short lines of text.
import type { OutcomeRecord } from '../schema/tables.ts';
import { decimalsOf, formatInterval, formatNumber, type Lang } from './format.ts';
import { label } from './labels.ts';
import { outcomeName, termLabel, type IncludedStudy, type ReviewModel } from './model.ts';

export interface TableCell {
  lines: string[];
  /** The study's reference number, shown as a citation after the text. */
  cite?: number;
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
  groups: EvidenceGroup[];
}

const LUNG = new Set(['fvc', 'dlco', 'hrct', 'lung_function', 'ild_progression']);
const SAFETY = new Set(['sae', 'adverse_events', 'neutropenia', 'infection', 'completion']);
const EMPTY = '—';


/** Builds the table; `numberOf` gives each study's citation number (the review's numbering). */
export function buildEvidenceTable(model: ReviewModel, numberOf: (referenceId: string) => number | undefined): EvidenceTable {
  const { lang } = model;
  const groups = new Map<string, EvidenceGroup>();
  for (const study of model.studies) {
    const disease = study.study.disease ?? '';
    let group = groups.get(disease);
    if (!group) {
      const name = termLabel(model.vocabulary, 'disease', disease, lang);
      group = { disease, heading: name === disease ? disease : `${name} (${disease})`, rows: [] };
      groups.set(disease, group);
    }
    group.rows.push(studyRow(model, study, numberOf));
  }
  return {
    caption: `${label('tableNumber', lang)} ${label('evidenceTable', lang)}`,
    note: label('tableNote', lang),
    columns: (['study', 'design', 'n', 'regimen', 'comparator', 'followUp', 'lungOutcomes', 'otherOutcomes', 'safety', 'conclusion', 'status'] as const).map((key) => label(key, lang)),
    groups: [...groups.values()],
  };
}

function studyRow(model: ReviewModel, entry: IncludedStudy, numberOf: (referenceId: string) => number | undefined): TableCell[] {
  const { study } = entry;
  const { lang } = model;
  const cite = study.reference_id === undefined ? undefined : numberOf(study.reference_id);
  const studyCell: TableCell = { lines: [[entry.firstAuthor, entry.year].filter((x) => x !== undefined).join(' ')] };
  if (cite !== undefined) studyCell.cite = cite;
  const n = study.n_enrolled === undefined ? EMPTY : study.n_analysed === undefined ? String(study.n_enrolled) : `${study.n_enrolled} (${study.n_analysed})`;
  // A single-arm study says its arm once (in the regimen), not on every outcome line.
  const showArm = new Set(entry.outcomes.map((o) => o.arm ?? '')).size > 1;
  const describe = (filter: (o: OutcomeRecord) => boolean): TableCell => {
    const lines = describeOutcomes(model, entry.outcomes.filter(filter), showArm);
    return { lines: lines.length > 0 ? lines : [EMPTY] };
  };
  const status = entry.reference?.status;
  const statusCell: TableCell = { lines: [status ? label(status, lang) : EMPTY] };
  if (status) statusCell.status = status;
  return [
    studyCell,
    { lines: [termLabel(model.vocabulary, 'design', study.design, lang) || EMPTY] },
    { lines: [n] },
    { lines: [study.intervention?.raw ?? EMPTY] },
    { lines: [study.comparator ?? EMPTY] },
    { lines: [study.follow_up?.raw ?? EMPTY] },
    describe((o) => LUNG.has(o.outcome ?? '')),
    describe((o) => !LUNG.has(o.outcome ?? '') && !SAFETY.has(o.outcome ?? '')),
    describe((o) => SAFETY.has(o.outcome ?? '')),
    { lines: [study.conclusion ?? EMPTY] },
    statusCell,
  ];
}

/**
 * Outcome rows in a few words, one line per outcome, measure and context; the categories of one
 * outcome share a line: "FVC 稳定 14/25 (56%)，改善 5/25 (20%)，恶化 6/25 (24%)［30 months］",
 * "FVC 平均变化 −3.3 (95% CI −5.1 至 −1.5)［placebo→TCZ，96 weeks，完成者］".
 */
export function describeOutcomes(model: ReviewModel, rows: readonly OutcomeRecord[], showArm: boolean): string[] {
  const { lang, vocabulary } = model;
  const separator = lang === 'zh' ? '，' : ', ';
  const lines = new Map<string, { head: string; values: string[]; context: string }>();
  for (const row of rows) {
    const head = [outcomeName(vocabulary, row.outcome, lang)];
    if (row.measure && row.measure !== 'count' && row.measure !== 'percent' && row.measure !== 'value') head.push(termLabel(vocabulary, 'measure', row.measure, lang));
    const context = [showArm ? row.arm : undefined, row.timepoint?.raw, row.analysis && row.analysis !== 'as_reported' ? termLabel(vocabulary, 'analysis', row.analysis, lang) : undefined]
      .filter((part): part is string => Boolean(part))
      .join(separator);
    const key = `${head.join(' ')}\u0000${context}`;
    const value = [row.category ? termLabel(vocabulary, 'category', row.category, lang) : '', valueText(row, lang)].filter(Boolean).join(' ');
    const line = lines.get(key);
    if (line) line.values.push(value);
    else lines.set(key, { head: head.join(' '), values: [value], context });
  }
  return [...lines.values()].map(({ head, values, context }) => {
    const contextText = context === '' ? '' : lang === 'zh' ? `［${context}］` : ` [${context}]`;
    return `${head} ${values.join(separator)}${contextText}`;
  });
}

function valueText(row: OutcomeRecord, lang: Lang): string {
  const source = row.source;
  const percent = row.percent === undefined ? '' : `${formatNumber(row.percent.value, row.percent.decimals)}%`;
  if (row.count !== undefined) {
    const fraction = row.denominator === undefined ? String(row.count) : `${row.count}/${row.denominator}`;
    return percent ? `${fraction} (${percent})` : fraction;
  }
  if (row.value !== undefined) {
    let text = formatNumber(row.value, decimalsOf(source.cell('value')?.raw));
    if (row.unit && !/^(points?|patients?)$/i.test(row.unit)) text += ` ${row.unit}`;
    if (row.ci_low !== undefined && row.ci_high !== undefined) {
      const low = formatNumber(row.ci_low, decimalsOf(source.cell('ci_low')?.raw));
      const high = formatNumber(row.ci_high, decimalsOf(source.cell('ci_high')?.raw));
      text += ` (95% CI ${formatInterval(low, high, lang)})`;
    }
    return text;
  }
  if (percent) return percent;
  return row.reported?.raw ?? label('notReported', lang);
}
