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
import { identifier, identifierList, lenient, oneOf, parsedBy, required, requiredText, term, text } from './columns.ts';
import type { Judgement } from '../normalise/risk-of-bias.ts';
import { VOCABULARY_KINDS } from '../normalise/vocabulary.ts';
import { parsePValue } from '../normalise/p-value.ts';
import { CI_METHODS, MEASURES, METHODS, MODELS } from '../synthesis/types.ts';
import { parseFlowCount, parseFlowKey, parseReasons } from '../normalise/flow.ts';
import { parseBiasTool, parseJudgement } from '../normalise/risk-of-bias.ts';
import { parseCertainty, parseDowngrade, parsePerThousand, parseUpgrade } from '../normalise/grade.ts';

/**
 * The data tables, in the order they are read: references first, so studies can link to them;
 * analyses before outcomes, so the synthesis rules know which outcome rows an analysis pools; the
 * appraisal tables (study flow, risk of bias, certainty) after the data they appraise.
 */
export const TABLE_NAMES = ['references', 'studies', 'analyses', 'outcomes', 'flow', 'risk_of_bias', 'certainty'] as const;
export type DataTableName = (typeof TABLE_NAMES)[number];
/** Tables a records folder may leave out: without them a review reads and builds as before. */
export const OPTIONAL_TABLES: ReadonlySet<DataTableName> = new Set(['analyses', 'flow', 'risk_of_bias', 'certainty']);
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

/**
 * flow.csv (PRISMA 2020), one row per box. The PRISMA2020 package's own template is read as the same
 * table: its `data` column is `key`, its `n` holds a number or (excluded boxes) the reasons; its
 * drawing columns are accepted and not used.
 */
function flowSchema() {
  return z.object({
    key: required(parseFlowKey),
    n: parsedBy(parseFlowCount),
    reasons: parsedBy(parseReasons),
    label: text(),
    node: text(),
    box: text(),
    description: text(),
    boxtext: text(),
    tooltips: text(),
    url: text(),
  });
}

/** The judgement columns of robvis's wide CSV (`Study, D1 … D7, Overall, Weight`). */
export const BIAS_WIDE_DOMAINS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'overall'] as const;

/**
 * risk_of_bias.csv: one judgement per row (`domain`, `judgement`), or robvis's wide rows (one study
 * per row, a column per domain); both shapes are one table, told apart by which columns a row fills.
 */
function riskOfBiasSchema(vocabulary: Vocabulary) {
  const wide = Object.fromEntries(BIAS_WIDE_DOMAINS.map((column) => [column, parsedBy(parseJudgement)])) as Record<(typeof BIAS_WIDE_DOMAINS)[number], ReturnType<typeof parsedBy<Judgement>>>;
  return z.object({
    study_id: identifier(),
    tool: parsedBy(parseBiasTool),
    outcome: term(vocabulary, 'outcome'),
    domain: text(),
    judgement: parsedBy(parseJudgement),
    support: text(),
    ...wide,
    weight: parsedBy(parseNumber),
  });
}

/** certainty.csv (GRADE), one row per analysis. */
function certaintySchema() {
  return z.object({
    analysis_id: identifier(),
    risk_of_bias: parsedBy(parseDowngrade),
    inconsistency: parsedBy(parseDowngrade),
    indirectness: parsedBy(parseDowngrade),
    imprecision: parsedBy(parseDowngrade),
    publication_bias: parsedBy(parseDowngrade),
    large_effect: parsedBy(parseUpgrade),
    dose_response: parsedBy(parseUpgrade),
    plausible_confounding: parsedBy(parseUpgrade),
    certainty: parsedBy(parseCertainty),
    assumed_risk: parsedBy(parsePerThousand),
    footnotes: text(),
    comments: text(),
  });
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
export type FlowFields = z.output<ReturnType<typeof flowSchema>>;
export type RiskOfBiasFields = z.output<ReturnType<typeof riskOfBiasSchema>>;
export type CertaintyFields = z.output<ReturnType<typeof certaintySchema>>;

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
export type FlowRecord = TableRecord<FlowFields>;
export type RiskOfBiasRecord = TableRecord<RiskOfBiasFields>;
export type CertaintyRecord = TableRecord<CertaintyFields>;

export interface RecordsByTable {
  references: ReferenceRecord;
  studies: StudyRecord;
  analyses: AnalysisRecord;
  outcomes: OutcomeRecord;
  flow: FlowRecord;
  risk_of_bias: RiskOfBiasRecord;
  certainty: CertaintyRecord;
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
    flow: { name: 'flow', file: 'flow.csv', schema: flowSchema(), requiredColumns: ['key'], aliases: FLOW_ALIASES },
    risk_of_bias: { name: 'risk_of_bias', file: 'risk_of_bias.csv', schema: riskOfBiasSchema(vocabulary), requiredColumns: ['study_id'], aliases: RISK_OF_BIAS_ALIASES },
    certainty: { name: 'certainty', file: 'certainty.csv', schema: certaintySchema(), requiredColumns: ['analysis_id'], aliases: CERTAINTY_ALIASES },
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

// `data` is the PRISMA2020 template's name for the key.
const FLOW_ALIASES: Record<string, string> = {
  data: 'key', 框: 'key', 键: 'key', 项目: 'key', 数量: 'n', 例数: 'n', 篇数: 'n', 数目: 'n', 原因: 'reasons', 排除原因: 'reasons', 标签: 'label', 文字: 'label',
};

// `study` is robvis's first column.
const RISK_OF_BIAS_ALIASES: Record<string, string> = {
  study: 'study_id', 研究: 'study_id', 研究编号: 'study_id', 工具: 'tool', 评价工具: 'tool', 结局: 'outcome', 结局指标: 'outcome', 领域: 'domain', 条目: 'domain',
  偏倚领域: 'domain', 判断: 'judgement', 评价: 'judgement', 偏倚风险: 'judgement', judgment: 'judgement', 依据: 'support', 支持理由: 'support', 理由: 'support',
  总体: 'overall', 总体偏倚: 'overall', 权重: 'weight',
};

const CERTAINTY_ALIASES: Record<string, string> = {
  analysis: 'analysis_id', 分析: 'analysis_id', 分析编号: 'analysis_id', 偏倚风险: 'risk_of_bias', 不一致性: 'inconsistency', 间接性: 'indirectness', 不精确性: 'imprecision',
  发表偏倚: 'publication_bias', 效应量大: 'large_effect', 大效应: 'large_effect', 剂量反应: 'dose_response', 剂量效应: 'dose_response', 混杂因素: 'plausible_confounding',
  合理混杂: 'plausible_confounding', 证据质量: 'certainty', 证据确定性: 'certainty', 确定性: 'certainty', 质量: 'certainty', certainty_of_evidence: 'certainty',
  对照组风险: 'assumed_risk', 假定风险: 'assumed_risk', 脚注: 'footnotes', 注释: 'footnotes', footnote: 'footnotes', 备注: 'comments', comment: 'comments',
};
