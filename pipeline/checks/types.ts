// The rule model (after ESLint): a rule reports findings from visitor callbacks; the runner stamps id and severity.
import type { Severity } from '../diagnostic.ts';
import type { Encoding, TextPosition } from '../ingest/decode.ts';
import type { CsvProblemKind } from '../ingest/csv.ts';
import type { Vocabulary } from '../normalise/vocabulary.ts';
import type { PersonName } from '../normalise/author.ts';
import type { AnalysisRecord, CertaintyRecord, FlowRecord, ReferenceRecord, RiskOfBiasRecord, RowSource, StudyRecord, OutcomeRecord, TableName } from '../schema/tables.ts';
import type { CitedDocument } from '../citations/types.ts';
import type { ProseDocument } from '../prose/draws.ts';

/** How a file was decoded (ingest reports every file, UTF-8 or not). */
export interface EncodingFact {
  file: string;
  encoding: Encoding;
  undecodable: readonly TextPosition[];
  strayBoms: readonly TextPosition[];
}

export type SyntaxKind = CsvProblemKind | 'ragged-row' | 'empty-file' | 'duplicate-column';

/** A CSV syntax problem at a 1-based line and column. */
export interface SyntaxFact extends TextPosition {
  file: string;
  kind: SyntaxKind;
  detail: string;
  /** For ragged rows: how many fields the header has and how many the row has. */
  expected?: number;
  actual?: number;
}

/** One header cell: as written, the column it resolved to (after aliases), and where it stands. */
export interface HeaderColumn extends TextPosition {
  raw: string;
  name: string | undefined;
  /** For an unknown column: the nearest known column name. */
  suggestion?: string;
  /** A column named a second time (reported by record/csv-syntax; its values are ignored). */
  duplicate?: boolean;
}

export interface HeaderFact {
  file: string;
  table: TableName;
  line: number;
  columns: readonly HeaderColumn[];
  /**
   * Required columns the header lacks, each with the nearest unknown header cell if one is close; and optional
   * columns it lacks while an unknown cell is near their name (a misspelling whose values would be lost), with that cell.
   */
  missing: readonly { name: string; nearest?: HeaderColumn }[];
}

/** A cell that failed validation: empty where required, or a value that does not parse. */
export interface CellFact {
  table: TableName;
  row: RowSource;
  field: string;
  kind: 'missing' | 'invalid';
  reason: string;
  suggestion?: string;
}

/**
 * What the runner knows of the records read so far: every id seen, accepted or not (so one bad row
 * does not cascade). An entry holds only what cross-record rules read, not the row: a check of a
 * large evidence map keeps tens of thousands of them for the whole run.
 */
export interface RecordIndex {
  references: ReadonlyMap<string, IndexedReference>;
  studies: ReadonlyMap<string, IndexedStudy>;
}

/** A reference as the index keeps it: the first row with its id. `source` holds the id cell alone. */
export interface IndexedReference {
  readonly id: string;
  readonly number: number | undefined;
  readonly year: number | undefined;
  readonly firstAuthor: PersonName | undefined;
  /** The line the row starts on. */
  readonly line: number;
  readonly source: RowSource;
}

/** A study as the index keeps it: the first row with its id, and the line it starts on. */
export interface IndexedStudy {
  readonly id: string;
  readonly disease: string | undefined;
  readonly design: string | undefined;
  readonly n_enrolled: number | undefined;
  /** Its reports (`reference_id`), the main one first; empty when the cell did not validate. */
  readonly referenceIds: readonly string[];
  readonly line: number;
}

/** Callbacks a rule may implement; all optional. Tables are visited references → studies → analyses → outcomes → flow → risk of bias → certainty. */
export interface RuleVisitors {
  encoding?(fact: EncodingFact): void;
  syntax?(fact: SyntaxFact): void;
  header?(fact: HeaderFact): void;
  cell?(fact: CellFact): void;
  reference?(record: ReferenceRecord): void;
  study?(record: StudyRecord): void;
  analysis?(record: AnalysisRecord): void;
  outcome?(record: OutcomeRecord): void;
  flow?(record: FlowRecord): void;
  riskOfBias?(record: RiskOfBiasRecord): void;
  certainty?(record: CertaintyRecord): void;
  /** A citing document (manuscript or templates), after every record has been visited. */
  document?(document: CitedDocument): void;
  /** A template's prose, sentence by sentence, with what each sentence draws from the records (after the documents). */
  prose?(document: ProseDocument): void;
  /** After every record and document: for rules that compare across them. */
  end?(): void;
}

export type MessageData = Readonly<Record<string, string | number>>;

/** What a rule reports: a place, a message id from its meta and the data the message needs. */
export interface Finding<MessageId extends string = string> {
  messageId: MessageId;
  data?: MessageData;
  actual?: string;
  expected?: string;
  suggestion?: string;
}

/** A place in a file: 1-based line and column. */
export interface Place extends TextPosition {
  file: string;
  endLine?: number;
  endColumn?: number;
}

export interface RuleContext<MessageId extends string = string> {
  readonly vocabulary: Vocabulary;
  readonly index: RecordIndex;
  /** Report at a place in a file. */
  report(place: Place, finding: Finding<MessageId>): void;
  /** Report at a record's field (at the row's start when the column is absent). */
  reportField(row: RowSource, field: string | undefined, finding: Finding<MessageId>): void;
}

export interface RuleMeta<MessageId extends string> {
  /** Default severity; a configuration may override it. */
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** Message templates with `{{name}}` placeholders: what was found and what was expected, no trailing period. */
  messages: Readonly<Record<MessageId, string>>;
}

export interface RuleModule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): RuleVisitors;
}

/** Identity helper that lets TypeScript check a rule's message ids against its meta. */
export function defineRule<MessageId extends string>(rule: RuleModule<MessageId>): RuleModule<MessageId> {
  return rule;
}
