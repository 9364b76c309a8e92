// From records to the engine: which outcome rows an analysis pools, what each study gives, and what it lacks; pure.
import type { Lenient } from '../schema/columns.ts';
import type { Duration } from '../normalise/duration.ts';
import type { AnalysisRecord, OutcomeRecord, ReferenceRecord, RowSource, StudyRecord } from '../schema/tables.ts';
import { normalQuantile } from './distributions.ts';
import { readerName } from '../normalise/author.ts';
import {
  BINARY_MEASURES,
  CONTINUOUS_MEASURES,
  CONTRAST_TERMS,
  RANDOM_METHODS,
  RATIO_MEASURES,
  type AnalysisSpec,
  type Measure,
  type StudyData,
  type StudyInput,
} from './types.ts';

const Z975 = normalQuantile(0.975);
/** Arm-level measures of continuous outcomes. */
const MEAN_MEASURES: ReadonlySet<string> = new Set(['mean', 'mean_change']);
const ARM_SEPARATOR = /\s+vs\.?\s+/i;

/** What an analysis row asks for, normalised: the filters on outcome rows and the model. */
export interface AnalysisTarget {
  id: string;
  title: string;
  outcome: string;
  timepoint?: Lenient<Duration>;
  population?: string;
  measure: Measure;
  experimental: readonly string[];
  control: readonly string[];
  /** The studies named in the `studies` column; undefined: every study with usable rows. */
  studies?: ReadonlySet<string>;
  subgroup?: string;
  spec: AnalysisSpec;
  source: RowSource;
}

function alternatives(text: string): string[] {
  return text
    .split(/[;；]/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** The target of an accepted analysis row; undefined for a rejected one (its problem is reported by the record rules). */
export function targetOf(record: AnalysisRecord): AnalysisTarget | undefined {
  const { id, title, outcome, measure, experimental, control, model } = record;
  if (record.rejected || !id || !title || !outcome || !measure || !experimental || !control || !model) return undefined;
  const method = record.method ?? (model === 'random' ? 'DL' : 'IV');
  const target: AnalysisTarget = {
    id,
    title,
    outcome,
    measure,
    experimental: alternatives(experimental),
    control: alternatives(control),
    spec: { measure, model, method, ci: record.ci ?? 'z', prediction: record.prediction === 'yes' && model === 'random' },
    source: record.source,
  };
  if (record.timepoint) target.timepoint = record.timepoint;
  if (record.analysis) target.population = record.analysis;
  if (record.studies) target.studies = new Set(record.studies.split(/[;；]/).map((s) => s.trim()).filter(Boolean));
  if (record.subgroup) target.subgroup = record.subgroup;
  return target;
}

/** Why an analysis row's choices do not fit together (method and model, method and measure); undefined when they do. */
export function specProblem(spec: AnalysisSpec): { field: string; message: string } | undefined {
  const random = RANDOM_METHODS.includes(spec.method);
  if (spec.model === 'random' && !random) return { field: 'method', message: `method ${spec.method} is a common-effect method, but model is random (DL, REML or PM)` };
  if (spec.model === 'common' && random) return { field: 'method', message: `method ${spec.method} estimates tau², but model is common (IV, MH or Peto)` };
  if (spec.method === 'MH' && !BINARY_MEASURES.has(spec.measure)) return { field: 'method', message: `Mantel–Haenszel pools RR, OR or RD, not ${spec.measure}` };
  if (spec.method === 'Peto' && spec.measure !== 'OR') return { field: 'method', message: `Peto pools odds ratios, not ${spec.measure}` };
  return undefined;
}

function sameTimepoint(wanted: Lenient<Duration>, row: Lenient<Duration> | undefined): boolean {
  if (row === undefined) return false;
  if (wanted.parsed && row.parsed) return Math.abs(wanted.parsed.weeks - row.parsed.weeks) < 1e-9;
  return wanted.raw.toLowerCase() === row.raw.toLowerCase();
}

/** Whether an outcome row is about the analysis's outcome, timepoint and population (any study, any arm). */
export function rowMatches(target: AnalysisTarget, row: OutcomeRecord): boolean {
  if (row.rejected || row.study_id === undefined || row.outcome !== target.outcome) return false;
  if (target.studies && !target.studies.has(row.study_id)) return false;
  if (target.timepoint && !sameTimepoint(target.timepoint, row.timepoint)) return false;
  if (target.population && row.analysis !== target.population) return false;
  return true;
}

type Role = 'experimental' | 'control' | 'contrast';

/** The part a row plays: one arm's numbers, or the contrast `EXPERIMENTAL vs CONTROL` of the analysis's measure. */
function roleOf(target: AnalysisTarget, row: OutcomeRecord): Role | undefined {
  const arm = row.arm?.trim().toLowerCase();
  if (arm === undefined || row.measure === undefined) return undefined;
  if (row.measure === target.measure.toLowerCase()) {
    const [experimental, control, extra] = arm.split(ARM_SEPARATOR);
    if (extra !== undefined || experimental === undefined || control === undefined) return undefined;
    return target.experimental.includes(experimental) && target.control.includes(control) ? 'contrast' : undefined;
  }
  const armLevel = BINARY_MEASURES.has(target.measure) ? row.measure === 'count' : CONTINUOUS_MEASURES.has(target.measure) && MEAN_MEASURES.has(row.measure);
  if (!armLevel) return undefined;
  if (target.experimental.includes(arm)) return 'experimental';
  if (target.control.includes(arm)) return 'control';
  return undefined;
}

/** What one study gives an analysis: its data, or the row and reason it cannot be used. */
export type StudyRows =
  | { kind: 'data'; data: StudyData; rows: OutcomeRecord[] }
  | { kind: 'unusable'; row: OutcomeRecord; field?: string; reason: string }
  | { kind: 'mixed'; row: OutcomeRecord; reason: string };

function armData(target: AnalysisTarget, row: OutcomeRecord): { ok: true; arm: { events: number; total: number } | { mean: number; sd: number; n: number } } | { ok: false; field: string; reason: string } {
  const arm = row.arm ?? '';
  if (BINARY_MEASURES.has(target.measure)) {
    const total = row.denominator ?? row.n;
    if (row.count === undefined) return { ok: false, field: 'count', reason: `arm ${arm} has no count of events` };
    if (total === undefined) return { ok: false, field: 'denominator', reason: `arm ${arm} has events but no denominator or n` };
    return { ok: true, arm: { events: row.count, total } };
  }
  if (row.value === undefined) return { ok: false, field: 'value', reason: `arm ${arm} has no mean` };
  if (row.sd === undefined) return { ok: false, field: 'sd', reason: `arm ${arm} has a mean but no sd` };
  if (row.n === undefined) return { ok: false, field: 'n', reason: `arm ${arm} has a mean but no n` };
  return { ok: true, arm: { mean: row.value, sd: row.sd, n: row.n } };
}

function contrastData(target: AnalysisTarget, row: OutcomeRecord): StudyRows {
  const ratio = RATIO_MEASURES.has(target.measure);
  const name = target.measure.toLowerCase();
  const { value, se, ci_low: low, ci_high: high } = row;
  if (value === undefined) return { kind: 'unusable', row, field: 'value', reason: `the ${name} row has no value` };
  if (ratio && !(value > 0)) return { kind: 'unusable', row, field: 'value', reason: `${name} ${value} is no ratio (a ratio is above 0)` };
  let standardError = se;
  if (standardError === undefined && low !== undefined && high !== undefined) {
    if (ratio && !(low > 0)) return { kind: 'unusable', row, field: 'ci_low', reason: `ci_low ${low} of a ratio must be above 0` };
    standardError = ratio ? (Math.log(high) - Math.log(low)) / (2 * Z975) : (high - low) / (2 * Z975);
  }
  if (standardError === undefined) return { kind: 'unusable', row, field: 'se', reason: `${name} ${value} has neither se nor a 95% CI` };
  const data: StudyData = { kind: 'contrast', theta: ratio ? Math.log(value) : value, se: standardError };
  if (row.n !== undefined) data.n = row.n;
  return { kind: 'data', data, rows: [row] };
}

/**
 * Reads one study's rows (already matched to the analysis, in file order) into the engine's data.
 * Undefined when no row plays a part (the study is not in the analysis, unless named in `studies`).
 */
export function studyRows(target: AnalysisTarget, rows: readonly OutcomeRecord[]): StudyRows | undefined {
  const byRole: Partial<Record<Role, OutcomeRecord>> = {};
  for (const row of rows) {
    const role = roleOf(target, row);
    if (role === undefined) continue;
    const earlier = byRole[role];
    if (earlier) {
      const what = role === 'contrast' ? `two ${target.measure.toLowerCase()} rows` : `two rows for arm ${row.arm}`;
      return { kind: 'mixed', row, reason: `${what} (line ${earlier.source.line} and this one)` };
    }
    byRole[role] = row;
  }
  const { experimental, control, contrast } = byRole;
  if (contrast && (experimental || control)) {
    const armRow = (experimental ?? control)!;
    return { kind: 'mixed', row: contrast, reason: `arm-level rows (line ${armRow.source.line}) and a ${target.measure.toLowerCase()} row` };
  }
  if (contrast) return contrastData(target, contrast);
  if (!experimental && !control) return undefined;
  if (!experimental || !control) {
    const present = (experimental ?? control)!;
    return { kind: 'unusable', row: present, reason: `no row for the ${experimental ? 'control' : 'experimental'} arm (${(experimental ? target.control : target.experimental).join(' or ')})` };
  }
  const e = armData(target, experimental);
  if (!e.ok) return { kind: 'unusable', row: experimental, field: e.field, reason: e.reason };
  const c = armData(target, control);
  if (!c.ok) return { kind: 'unusable', row: control, field: c.field, reason: c.reason };
  const data = BINARY_MEASURES.has(target.measure)
    ? ({ kind: 'binary', experimental: e.arm, control: c.arm } as StudyData)
    : ({ kind: 'continuous', experimental: e.arm, control: c.arm } as StudyData);
  return { kind: 'data', data, rows: [experimental, control] };
}

/** Matched rows of each study, keyed by study id, in file order of each study's first row. */
export function rowsByStudy(target: AnalysisTarget, outcomes: Iterable<OutcomeRecord>): Map<string, OutcomeRecord[]> {
  const grouped = new Map<string, OutcomeRecord[]>();
  for (const row of outcomes) {
    if (!rowMatches(target, row)) continue;
    const id = row.study_id!;
    const rows = grouped.get(id);
    if (rows) rows.push(row);
    else grouped.set(id, [row]);
  }
  return grouped;
}

/** A study's label as a forest plot shows it: its main report's first author (as readers name them) and year, else the study id. */
export function studyLabel(reference: ReferenceRecord | undefined, id: string): string {
  const first = reference?.authors?.names[0];
  const author = first === undefined ? undefined : readerName(first);
  if (author === undefined) return id;
  return reference?.year === undefined ? author : `${author} ${reference.year}`;
}

/** An analysis ready for the engine: its studies' data, and the studies it could not use (with why). */
export interface PreparedAnalysis {
  target: AnalysisTarget;
  studies: StudyInput[];
  excluded: { id: string; label: string; reason: string; kind: 'unusable' | 'mixed' }[];
}

export interface SynthesisRecords {
  studies: readonly StudyRecord[];
  references: readonly ReferenceRecord[];
}

/** The analysis's studies from the records: each study's data, its label and its subgroup value. */
export function prepareAnalysis(target: AnalysisTarget, grouped: ReadonlyMap<string, OutcomeRecord[]>, records: SynthesisRecords, lookups = indexRecords(records)): PreparedAnalysis {
  const prepared: PreparedAnalysis = { target, studies: [], excluded: [] };
  const ids = [...grouped.keys()];
  for (const id of target.studies ?? []) if (!grouped.has(id)) ids.push(id);
  for (const id of ids) {
    const study = lookups.studies.get(id);
    const main = study?.reference_id?.[0];
    const label = studyLabel(main === undefined ? undefined : lookups.references.get(main), id);
    const read = studyRows(target, grouped.get(id) ?? []);
    if (read === undefined) {
      if (target.studies?.has(id)) prepared.excluded.push({ id, label, reason: `no ${target.outcome} rows for its arms`, kind: 'unusable' });
      continue;
    }
    if (read.kind !== 'data') {
      prepared.excluded.push({ id, label, reason: read.reason, kind: read.kind });
      continue;
    }
    const input: StudyInput = { id, label, data: read.data };
    const subgroupValue = target.subgroup === undefined ? undefined : (study?.[target.subgroup as keyof StudyRecord] as unknown);
    if (target.subgroup !== undefined) input.subgroup = typeof subgroupValue === 'string' ? subgroupValue : '';
    prepared.studies.push(input);
  }
  return prepared;
}

/** Studies and references by id (the first row of each id). */
export function indexRecords(records: SynthesisRecords): { studies: Map<string, StudyRecord>; references: Map<string, ReferenceRecord> } {
  const studies = new Map<string, StudyRecord>();
  const references = new Map<string, ReferenceRecord>();
  for (const study of records.studies) if (study.id !== undefined && !studies.has(study.id)) studies.set(study.id, study);
  for (const reference of records.references) if (reference.id !== undefined && !references.has(reference.id)) references.set(reference.id, reference);
  return { studies, references };
}

/**
 * The scale on which a row's estimate sits symmetric in its CI, and its null: the log for a ratio
 * contrast (`rr`, `or`, `hr`, `irr`), the number itself for a difference (`rd`, `md`, `smd`) and,
 * with `means`, for an arm's mean; undefined for other measures (rates, percents, medians have
 * skewed intervals).
 */
export function estimateScale(measureTerm: string | undefined, means = false): 'log' | 'linear' | undefined {
  if (measureTerm === undefined) return undefined;
  const contrast = CONTRAST_TERMS[measureTerm];
  if (contrast !== undefined) return RATIO_MEASURES.has(contrast) ? 'log' : 'linear';
  return means && MEAN_MEASURES.has(measureTerm) ? 'linear' : undefined;
}
