// The check pipeline as a pure function: record files (as bytes) in, diagnostics, counts and the dataset out.
import { finishResult, type CheckResult, type RecordCounts } from './diagnostic.ts';
import { ingestTable, type IngestSink } from './ingest/table.ts';
import type { ByteSource } from './ingest/decode.ts';
import { createVocabulary, type Vocabulary, type VocabularyEntry } from './normalise/vocabulary.ts';
import {
  tableSpecs,
  TABLE_NAMES,
  VOCABULARY_SPEC,
  type DataTableName,
  type AnalysisRecord,
  type OutcomeRecord,
  type ReferenceRecord,
  type StudyRecord,
  type VocabularyRecord,
  type FlowRecord,
  type RiskOfBiasRecord,
  type CertaintyRecord,
  type RowSource,
  rowSourceWith,
} from './schema/tables.ts';
import type { PersonName } from './normalise/author.ts';
import { createRuleSet, type RuleSet, type SeverityConfig } from './checks/runner.ts';
import { registry } from './checks/registry.ts';
import type { EncodingFact, IndexedReference, IndexedStudy, RuleModule } from './checks/types.ts';
import type { CitedDocument } from './citations/types.ts';
import { rowMatches, targetOf, type AnalysisTarget } from './synthesis/from-records.ts';
import type { ProseDocument } from './prose/draws.ts';

/** A file handed in by the command-line edge: its display path (relative, with `/`) and its content. */
export interface InputFile {
  path: string;
  /** All bytes, or (for large files) a reader of chunks, so a million rows never sit in memory at once. */
  bytes: ByteSource;
}

export interface RecordsInput {
  /** The tables to check; a table left out is simply not read (cite-check reads references alone). */
  tables: Partial<Record<DataTableName, InputFile>>;
  /** The review's own vocabulary additions (records/vocabulary.csv), if any. */
  vocabulary?: InputFile;
}

export interface CheckOptions {
  severities?: SeverityConfig;
  rules?: Readonly<Record<string, RuleModule>>;
  /**
   * Keep the records in the dataset's arrays (rendering needs them). A plain check does not: it keeps
   * only the lookup maps of references and studies, so a million outcome rows never sit in memory.
   */
  keepOutcomes?: boolean;
  /** How non-record inputs (a manuscript) were decoded, for record/encoding. */
  encodings?: EncodingFact[];
  /** Citing documents (templates, a manuscript), made once the records are read, for the citation rules. */
  documents?: (dataset: Dataset) => CitedDocument[];
  /**
   * The templates' prose, made once the records are read, for the claim rules. Its records are kept even
   * when `keepOutcomes` is false: the studies and outcome rows `keepDrawn` names (what the templates draw).
   */
  prose?: (dataset: Dataset) => ProseDocument[];
  keepDrawn?: { studies: ReadonlySet<string>; references: ReadonlySet<string>; analyses: ReadonlySet<string> };
  /** Called once per data row read, for progress reports. */
  onRow?: () => void;
}

/**
 * The validated records in file order: the accepted ones, and the rejected ones that still say
 * something (a reference's number places a manuscript's list). Rendering reads accepted rows only,
 * so four million ragged rows are not kept for a build that will stop anyway.
 */
export interface Dataset {
  references: ReferenceRecord[];
  studies: StudyRecord[];
  /** The meta-analyses of analyses.csv (empty when the review has none). */
  analyses: AnalysisRecord[];
  outcomes: OutcomeRecord[];
  /** The appraisal tables (flow.csv, risk_of_bias.csv, certainty.csv); empty when the review has none. */
  flow: FlowRecord[];
  risk_of_bias: RiskOfBiasRecord[];
  certainty: CertaintyRecord[];
  vocabulary: Vocabulary;
}

export interface CheckRun {
  result: CheckResult;
  dataset: Dataset;
}

export function checkRecords(input: RecordsInput, options: CheckOptions = {}): CheckRun {
  const totals: RecordCounts = { read: 0, accepted: 0, rejected: 0 };
  // vocabulary.csv shapes how the other tables are read, so it is read first, for its terms only;
  // the rules, made with those terms, read it again for its facts. Keeping its facts until then
  // held every one of them (4M ragged rows: 1.3 GB), past the cap the rules put on findings.
  const extraTerms: VocabularyEntry[] = [];
  const ignore = (): void => {};
  if (input.vocabulary) {
    ingestTable(input.vocabulary.path, input.vocabulary.bytes, VOCABULARY_SPEC, {
      encoding: ignore,
      syntax: ignore,
      header: ignore,
      cell: ignore,
      record: (record) => {
        const entry = toVocabularyEntry(record as VocabularyRecord);
        if (entry) extraTerms.push(entry);
      },
    });
  }
  const vocabulary = createVocabulary(extraTerms);
  const references = new Map<string, IndexedReference>();
  const studies = new Map<string, IndexedStudy>();
  const dataset: Dataset = { references: [], studies: [], analyses: [], outcomes: [], flow: [], risk_of_bias: [], certainty: [], vocabulary };
  const rules = createRuleSet(options.rules ?? registry, {
    vocabulary,
    index: { references, studies },
    ...(options.severities ? { severities: options.severities } : {}),
  });
  if (input.vocabulary) addCounts(totals, ingestTable(input.vocabulary.path, input.vocabulary.bytes, VOCABULARY_SPEC, ruleSink(rules, ignore)));
  for (const fact of options.encodings ?? []) rules.visit('encoding', fact);

  const drawn = options.keepDrawn;
  // A drawn analysis (`{{pooled}}`) keeps its own row and the outcome rows it pools.
  const drawnTargets: AnalysisTarget[] = [];
  const isDrawnOutcome = (outcome: OutcomeRecord): boolean =>
    drawn !== undefined && ((outcome.study_id !== undefined && drawn.studies.has(outcome.study_id)) || drawnTargets.some((target) => rowMatches(target, outcome)));
  const drawsAny = drawn !== undefined && drawn.studies.size + drawn.references.size > 0;
  const isDrawnStudy = (study: StudyRecord): boolean =>
    drawn !== undefined && ((study.id !== undefined && drawn.studies.has(study.id)) || (study.reference_id ?? []).some((id) => drawn.references.has(id)));
  const onRecord: Record<DataTableName, (record: never) => void> = {
    references: (reference: ReferenceRecord) => {
      // A drawn study's reference gives its first author and year; which one it is is known only when studies are
      // read, after references, so while anything is drawn the references (a small table) are all kept.
      if ((options.keepOutcomes !== false || drawsAny) && worthKeeping(reference)) dataset.references.push(reference);
      if (reference.id !== undefined && !references.has(reference.id)) references.set(reference.id, new ReferenceEntry(reference.id, reference));
      rules.visit('reference', reference);
    },
    studies: (study: StudyRecord) => {
      if ((options.keepOutcomes !== false || isDrawnStudy(study)) && worthKeeping(study)) dataset.studies.push(study);
      if (study.id !== undefined && !studies.has(study.id)) studies.set(study.id, { id: study.id, disease: study.disease, design: study.design, n_enrolled: study.n_enrolled, referenceIds: study.reference_id ?? NO_IDS, line: study.source.line });
      rules.visit('study', study);
    },
    analyses: (analysis: AnalysisRecord) => {
      const target = drawn !== undefined && analysis.id !== undefined && drawn.analyses.has(analysis.id) ? targetOf(analysis) : undefined;
      if (target) drawnTargets.push(target);
      if (options.keepOutcomes !== false || target) dataset.analyses.push(analysis);
      rules.visit('analysis', analysis);
    },
    outcomes: (outcome: OutcomeRecord) => {
      if ((options.keepOutcomes !== false || isDrawnOutcome(outcome)) && worthKeeping(outcome)) dataset.outcomes.push(outcome);
      rules.visit('outcome', outcome);
    },
    // The appraisal tables are a few rows each: kept whether or not outcomes are.
    flow: (row: FlowRecord) => (worthKeeping(row) && dataset.flow.push(row), rules.visit('flow', row)),
    risk_of_bias: (row: RiskOfBiasRecord) => (worthKeeping(row) && dataset.risk_of_bias.push(row), rules.visit('riskOfBias', row)),
    certainty: (row: CertaintyRecord) => (worthKeeping(row) && dataset.certainty.push(row), rules.visit('certainty', row)),
  };
  const specs = tableSpecs(vocabulary);
  for (const table of TABLE_NAMES) {
    const file = input.tables[table];
    if (!file) continue;
    const visit = onRecord[table];
    const record = options.onRow ? (row: never) => (options.onRow?.(), visit(row)) : visit;
    addCounts(totals, ingestTable(file.path, file.bytes, specs[table], ruleSink(rules, record)));
  }
  for (const document of options.documents?.(dataset) ?? []) rules.visit('document', document);
  for (const document of options.prose?.(dataset) ?? []) rules.visit('prose', document);
  rules.visit('end');
  return { result: finishResult(rules.diagnostics, totals, rules.unlistedCounts), dataset };
}

/** Shared by every study whose reference_id did not validate: the index holds one entry per study. */
const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * A reference in the index, its id cell's place kept as numbers: a row source is built only when a
 * rule reports at it. Fifty thousand references are kept for the whole run of a large check.
 */
class ReferenceEntry implements IndexedReference {
  readonly id: string;
  readonly number: number | undefined;
  readonly year: number | undefined;
  readonly firstAuthor: PersonName | undefined;
  readonly file: string;
  readonly line: number;
  readonly index: number;
  private readonly idRaw: string | undefined;
  private readonly idLine: number;
  private readonly idColumn: number;

  constructor(id: string, record: ReferenceRecord) {
    this.id = id;
    this.number = record.number;
    this.year = record.year;
    this.firstAuthor = record.authors?.names[0];
    this.file = record.source.file;
    this.line = record.source.line;
    this.index = record.source.index;
    const cell = record.source.cell('id');
    this.idRaw = cell?.raw;
    this.idLine = cell?.line ?? 0;
    this.idColumn = cell?.column ?? 0;
  }

  get source(): RowSource {
    const id = this.idRaw === undefined ? undefined : { raw: this.idRaw, line: this.idLine, column: this.idColumn };
    return rowSourceWith(this, { id });
  }
}

function ruleSink(rules: RuleSet, onRecord: (record: never) => void): IngestSink {
  return {
    encoding: (fact) => rules.visit('encoding', fact),
    syntax: (fact) => rules.visit('syntax', fact),
    header: (fact) => rules.visit('header', fact),
    cell: (fact) => rules.visit('cell', fact),
    record: (record) => onRecord(record as never),
  };
}

function worthKeeping(record: { rejected?: boolean; number?: number }): boolean {
  return !record.rejected || record.number !== undefined;
}

function addCounts(totals: RecordCounts, counts: RecordCounts): void {
  totals.read += counts.read;
  totals.accepted += counts.accepted;
  totals.rejected += counts.rejected;
}

/** An accepted vocabulary row as an entry; a rejected one adds nothing (its problem is reported). */
function toVocabularyEntry(record: VocabularyRecord): VocabularyEntry | undefined {
  if (record.rejected || record.kind === undefined || record.term === undefined) return undefined;
  const entry: VocabularyEntry = {
    kind: record.kind,
    term: record.term,
    aliases: (record.aliases ?? '').split(/[;；]/).map((alias) => alias.trim()).filter(Boolean),
  };
  if (record.label_en || record.label_zh) {
    entry.label = { en: record.label_en ?? record.term, zh: record.label_zh ?? record.label_en ?? record.term };
  }
  if (record.disease) entry.disease = record.disease;
  return entry;
}
