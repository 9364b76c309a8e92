// The model of a citing document (a hand-numbered manuscript, or the review's templates) that citation rules check.
import type { PersonName } from '../normalise/author.ts';
import type { ReferenceRecord } from '../schema/tables.ts';
import type { EntryFields } from './entry-fields.ts';

/** An author named in the text next to a citation ("Manfredi 等人[27]", "Shirota 研究表明 … [44]"). */
export interface CreditedAuthor {
  /** The name as written, whitespace folded. */
  text: string;
  person: PersonName;
}

/**
 * One in-text citation. `line` and `column` (1-based) point at its opening bracket (or the `{{cite`
 * of a template); `endLine`/`endColumn` just past its closing bracket.
 */
export interface CitationUse {
  raw: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Reference numbers, in the order written, ranges expanded (manuscripts). */
  numbers: number[];
  /** Reference ids (templates). */
  keys: string[];
  /** Why the citation cannot be read, if it cannot ("[14–12]", "[3,,4]"). */
  malformed?: string;
  credited?: CreditedAuthor;
}

/** One entry of a reference list, with where its label stands (1-based). */
export interface ListedReference {
  number: number;
  text: string;
  line: number;
  column: number;
  file: string;
  firstAuthor?: PersonName;
  record?: ReferenceRecord;
  /** DOI, PMID, year and title, when a structured file (CSL-JSON, RIS, BibTeX) gives them; a manuscript's entry is free text, read when needed. */
  fields?: EntryFields;
}

/** A document's citations in reading order, and its reference list when one is known. */
export interface CitedDocument {
  file: string;
  kind: 'manuscript' | 'template';
  citations: CitationUse[];
  /** Undefined when the document has no reference list and none was given. */
  references: ListedReference[] | undefined;
  /** A template's helper calls that the records cannot answer (template/unresolved), when they were answered. */
  unresolved?: { message: string; line: number; column: number; endLine: number; endColumn: number }[];
}
