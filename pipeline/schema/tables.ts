// The record tables: their columns, header aliases (English and Chinese) and zod schemas.
import { z } from 'zod';
import type { Vocabulary } from '../normalise/vocabulary.ts';
import { parseCount, parseInteger, parseNumber, parsePercent, parseYear } from '../normalise/number.ts';
import { parseDoi, parsePmid, parseRegistration } from '../normalise/identifier.ts';
import { parseAuthors } from '../normalise/author.ts';
import { parseDuration } from '../normalise/duration.ts';
import { parseRegimen } from '../normalise/regimen.ts';
import { parseReportedCount } from '../normalise/reported.ts';
import { parsePeriod } from '../normalise/period.ts';
import { identifier, identifierList, lenient, oneOf, parsedBy, requiredText, term, text } from './columns.ts';
import { VOCABULARY_KINDS } from '../normalise/vocabulary.ts';
import { parsePValue } from '../normalise/p-value.ts';
import { CI_METHODS, MEASURES, METHODS, MODELS } from '../synthesis/types.ts';

/**
 * The data tables, in the order they are read: references first, so studies can link to them;
 * analyses before outcomes, so the synthesis rules know which outcome rows an analysis pools.
 */
export const TABLE_NAMES = ['references', 'studies', 'analyses', 'outcomes'] as const;
export type DataTableName = (typeof TABLE_NAMES)[number];
/** Tables a records folder may leave out: without them a review reads and builds as before. */
export const OPTIONAL_TABLES: ReadonlySet<DataTableName> = new Set(['analyses']);
/** Every table a records folder may hold: the data tables and the review's own vocabulary. */
export type TableName = DataTableName | 'vocabulary';

export const REFERENCE_STATUSES = ['verified', 'unverified', 'unresolved'] as const;
export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number];
export const LANGUAGES = ['zh', 'en'] as const;
/** CSL item types, so a reference maps onto citeproc without translation. */
export const REFERENCE_TYPES = [
  'article-journal', 'article', 'book', 'chapter', 'paper-conference', 'report', 'thesis', 'webpage', 'dataset', 'patent', 'manuscript',
] as const;

/** The references.csv columns; import-refs validates what it writes with them. */
export function referenceSchema() {
  return z.object({
    id: identifier(),
    number: parsedBy(parseReferenceNumber),
    type: oneOf(REFERENCE_TYPES),
    authors: parsedBy(parseAuthors),
    title: text(),
    journal: text(),
    year: parsedBy(parseYear),
    volume: text(),
    issue: text(),
    pages: text(),
    doi: parsedBy(parseDoi),
    pmid: parsedBy(parsePmid),
    language: oneOf(LANGUAGES),
    status: oneOf(REFERENCE_STATUSES, true),
    note: text(),
  });
}

function studySchema(vocabulary: Vocabulary) {
  return z.object({
    id: identifier(),
    /** The study's reports, the main one first (a trial, then its extension and post hoc papers). */
    reference_id: identifierList(),
    disease: term(vocabulary, 'disease', true),
    design: term(vocabulary, 'design', true),
    country: text(),
    centre: text(),
    period: parsedBy(parsePeriod),
    n_enrolled: parsedBy(parseCount),
    n_analysed: parsedBy(parseCount),
    population: text(),
    intervention: lenient(parseRegimen),
    comparator: text(),
    follow_up: lenient(parseDuration),
    registration: parsedBy(parseRegistration),
    conclusion: text(),
    note: text(),
  });
}

function outcomeSchema(vocabulary: Vocabulary) {
  return z.object({
    study_id: identifier(),
    /** The report the numbers are taken from: one of its study's reports (empty: the study's main report or not stated). */
    reference_id: identifier(false),
    outcome: term(vocabulary, 'outcome', true),
    measure: term(vocabulary, 'measure', true),
    arm: text(),
    category: term(vocabulary, 'category'),
    timepoint: lenient(parseDuration),
    analysis: term(vocabulary, 'analysis'),
    n: parsedBy(parseCount),
    value: parsedBy(parseNumber),
    unit: text(),
    ci_low: parsedBy(parseNumber),
    ci_high: parsedBy(parseNumber),
    sd: parsedBy(parseSd),
    se: parsedBy(parseSd),
    p: parsedBy(parsePValue),
    count: parsedBy(parseCount),
    denominator: parsedBy(parseCount),
    percent: parsedBy(parsePercent),
    reported: lenient(parseReportedCount),
    source: text(),
    note: text(),
  });
}

/** The columns of studies.csv an analysis may split its studies by. */
export const SUBGROUP_COLUMNS = ['disease', 'design', 'country', 'centre', 'comparator'] as const;

function analysisSchema(vocabulary: Vocabulary) {
  return z.object({
    id: identifier(),
    title: requiredText(),
    outcome: term(vocabulary, 'outcome', true),
    timepoint: lenient(parseDuration),
    analysis: term(vocabulary, 'analysis'),
    measure: oneOf(MEASURES, true),
    experimental: requiredText(),
    control: requiredText(),
    model: oneOf(MODELS, true),
    method: oneOf(METHODS),
    ci: oneOf(CI_METHODS),
    prediction: oneOf(['yes', 'no'] as const),
    subgroup: oneOf(SUBGROUP_COLUMNS),
    studies: text(),
    note: text(),
  });
}

/** A standard deviation or standard error: a number, 0 or more. */
function parseSd(raw: string) {
  const result = parseNumber(raw);
  if (result.ok && result.value < 0) return { ok: false as const, reason: `${raw.trim()} is negative; a standard deviation or error is 0 or more` };
  return result;
}

function parseReferenceNumber(raw: string) {
  const result = parseInteger(raw);
  if (result.ok && result.value < 1) return { ok: false as const, reason: `${result.value} is not a reference number (1 or more)` };
  return result;
}

function vocabularySchema() {
  return z.object({
    kind: oneOf(VOCABULARY_KINDS, true),
    term: requiredText(),
    aliases: text(),
    label_en: text(),
    label_zh: text(),
    disease: text(),
  });
}

export type ReferenceFields = z.output<ReturnType<typeof referenceSchema>>;
export type VocabularyFields = z.output<ReturnType<typeof vocabularySchema>>;
export type StudyFields = z.output<ReturnType<typeof studySchema>>;
export type OutcomeFields = z.output<ReturnType<typeof outcomeSchema>>;
export type AnalysisFields = z.output<ReturnType<typeof analysisSchema>>;

/** Where a record came from: its file, the 1-based line it starts on, and each column's raw cell. */
export interface RowSource {
  file: string;
  line: number;
  /** 1-based position of the row in its table (the header is not counted). */
  index: number;
  /** Every column's cell by name; built on each call, so a rule reading one cell uses `cell`. */
  readonly cells: Record<string, SourceCell>;
  /** One column's cell, or undefined when the table has no such column. */
  cell(name: string): SourceCell | undefined;
}

/** A row source that keeps only some of a row's cells (the others read as absent): what long-lived state holds of a row. */
export function rowSourceWith(row: Pick<RowSource, 'file' | 'line' | 'index'>, cells: Readonly<Record<string, SourceCell | undefined>>): RowSource {
  const kept: Record<string, SourceCell> = {};
  for (const [name, cell] of Object.entries(cells)) if (cell !== undefined) kept[name] = cell;
  return new PartialRowSource(row, kept);
}

// A class rather than an object literal with a closure: one is kept per reference of a large check.
class PartialRowSource implements RowSource {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  readonly cells: Record<string, SourceCell>;

  constructor(row: Pick<RowSource, 'file' | 'line' | 'index'>, cells: Record<string, SourceCell>) {
    this.file = row.file;
    this.line = row.line;
    this.index = row.index;
    this.cells = cells;
  }

  cell(name: string): SourceCell | undefined {
    return this.cells[name];
  }
}

/** A cell as written and where it starts (1-based line and column). */
export interface SourceCell {
  raw: string;
  line: number;
  column: number;
}

/** A validated row: each field normalised, or undefined when empty or invalid; `rejected` when any cell failed. */
export type TableRecord<Fields> = Partial<Fields> & { source: RowSource; rejected: boolean };
export type ReferenceRecord = TableRecord<ReferenceFields>;
export type StudyRecord = TableRecord<StudyFields>;
export type OutcomeRecord = TableRecord<OutcomeFields>;
export type AnalysisRecord = TableRecord<AnalysisFields>;
export type VocabularyRecord = TableRecord<VocabularyFields>;

export interface RecordsByTable {
  references: ReferenceRecord;
  studies: StudyRecord;
  analyses: AnalysisRecord;
  outcomes: OutcomeRecord;
}

export interface TableSpec {
  name: TableName;
  file: string;
  schema: z.ZodObject;
  /** Columns that must be present in the header. */
  requiredColumns: readonly string[];
  /** Header aliases: Chinese and common English variants → column name. */
  aliases: Readonly<Record<string, string>>;
}

/** records/vocabulary.csv: terms and aliases a review adds to the built-in vocabularies. */
export const VOCABULARY_SPEC: TableSpec = {
  name: 'vocabulary',
  file: 'vocabulary.csv',
  schema: vocabularySchema(),
  requiredColumns: ['kind', 'term'],
  aliases: { 类别: 'kind', 术语: 'term', 别名: 'aliases', 疾病: 'disease' },
};

/** The data table specs, built per run because vocabulary columns use the review's own vocabulary. */
export function tableSpecs(vocabulary: Vocabulary): Record<DataTableName, TableSpec> {
  return {
    references: {
      name: 'references',
      file: 'references.csv',
      schema: referenceSchema(),
      requiredColumns: ['id', 'status'],
      aliases: REFERENCE_ALIASES,
    },
    studies: {
      name: 'studies',
      file: 'studies.csv',
      schema: studySchema(vocabulary),
      requiredColumns: ['id', 'reference_id', 'disease', 'design'],
      aliases: STUDY_ALIASES,
    },
    analyses: {
      name: 'analyses',
      file: 'analyses.csv',
      schema: analysisSchema(vocabulary),
      requiredColumns: ['id', 'title', 'outcome', 'measure', 'experimental', 'control', 'model'],
      aliases: ANALYSIS_ALIASES,
    },
    outcomes: {
      name: 'outcomes',
      file: 'outcomes.csv',
      schema: outcomeSchema(vocabulary),
      requiredColumns: ['study_id', 'outcome', 'measure'],
      aliases: OUTCOME_ALIASES,
    },
  };
}

const REFERENCE_ALIASES: Record<string, string> = {
  编号: 'id', 键: 'id', key: 'id', 序号: 'number', 文献序号: 'number', 类型: 'type', 作者: 'authors', author: 'authors',
  标题: 'title', 题目: 'title', 题名: 'title', 期刊: 'journal', 刊名: 'journal', 年份: 'year', 年: 'year', 卷: 'volume', 期: 'issue',
  页码: 'pages', page: 'pages', 语言: 'language', lang: 'language', 状态: 'status', 核实状态: 'status', 备注: 'note', notes: 'note',
};

const STUDY_ALIASES: Record<string, string> = {
  研究: 'id', 研究编号: 'id', 文献: 'reference_id', 文献编号: 'reference_id', reference: 'reference_id', 疾病: 'disease',
  设计: 'design', 研究设计: 'design', 国家: 'country', 中心: 'centre', center: 'centre', 研究时间: 'period', 研究期间: 'period', 时间段: 'period',
  样本量: 'n_enrolled', 例数: 'n_enrolled', n: 'n_enrolled', 纳入例数: 'n_enrolled', 分析例数: 'n_analysed', n_analyzed: 'n_analysed',
  人群: 'population', 研究对象: 'population', 干预: 'intervention', 干预措施: 'intervention', 用法用量: 'intervention',
  对照: 'comparator', 对照组: 'comparator', 随访: 'follow_up', 随访时间: 'follow_up', followup: 'follow_up', 注册号: 'registration',
  结论: 'conclusion', 备注: 'note', notes: 'note',
};

const OUTCOME_ALIASES: Record<string, string> = {
  研究: 'study_id', 研究编号: 'study_id', study: 'study_id', 文献: 'reference_id', 文献编号: 'reference_id', reference: 'reference_id', 结局: 'outcome', 结局指标: 'outcome', 指标: 'measure', 度量: 'measure',
  组别: 'arm', 组: 'arm', 分类: 'category', 类别: 'category', 时间点: 'timepoint', 分析人群: 'analysis', 分析: 'analysis',
  例数: 'n', 样本量: 'n', 数值: 'value', 值: 'value', 单位: 'unit', ci_lower: 'ci_low', ci_upper: 'ci_high', 置信区间下限: 'ci_low',
  置信区间上限: 'ci_high', '95%CI下限': 'ci_low', '95%CI上限': 'ci_high', '95%ci下限': 'ci_low', '95%ci上限': 'ci_high', 计数: 'count', 事件数: 'count', 分母: 'denominator', 百分比: 'percent', 百分率: 'percent', '%': 'percent',
  原文: 'reported', 报告值: 'reported', 来源: 'source', 出处: 'source', 备注: 'note', notes: 'note',
  标准差: 'sd', 标准误: 'se', p值: 'p', P值: 'p', p_value: 'p',
};

const ANALYSIS_ALIASES: Record<string, string> = {
  编号: 'id', 分析: 'id', 标题: 'title', 题目: 'title', 结局: 'outcome', 结局指标: 'outcome', 时间点: 'timepoint', 分析人群: 'analysis',
  效应量: 'measure', 效应指标: 'measure', 试验组: 'experimental', 干预组: 'experimental', 对照组: 'control', 模型: 'model',
  方法: 'method', 置信区间: 'ci', 预测区间: 'prediction', 亚组: 'subgroup', 研究: 'studies', 纳入研究: 'studies', 备注: 'note', notes: 'note',
};
