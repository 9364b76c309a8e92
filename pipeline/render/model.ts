// What the renderer draws from: the accepted records joined (study ↔ reference ↔ outcomes) and looked up by id.
import type { Dataset } from '../run.ts';
import type { Vocabulary, VocabularyEntry, VocabularyKind } from '../normalise/vocabulary.ts';
import type { OutcomeRecord, ReferenceRecord, StudyRecord } from '../schema/tables.ts';
import type { Lang } from './format.ts';
import { label } from './labels.ts';
import { memo1 } from '../memo.ts';
import { readerName } from '../normalise/author.ts';
import { analyseRecords, type AnalysisResult } from '../synthesis/analyse.ts';

/** A study with its reports and outcome rows, in the order of studies.csv and outcomes.csv. */
export interface IncludedStudy {
  id: string;
  study: StudyRecord;
  /** The main report (the first of `reference_id`): it names the study. */
  reference: ReferenceRecord | undefined;
  /** Every report of the study found in references.csv, the main one first. */
  reports: ReferenceRecord[];
  outcomes: OutcomeRecord[];
  /** The first author as a reader names the study: the family name for Latin names, the full name for Chinese ones. */
  firstAuthor: string;
  year: number | undefined;
}

export interface ReviewModel {
  lang: Lang;
  vocabulary: Vocabulary;
  studies: IncludedStudy[];
  studiesById: ReadonlyMap<string, IncludedStudy>;
  references: ReferenceRecord[];
  referencesById: ReadonlyMap<string, ReferenceRecord>;
  /** The meta-analyses of analyses.csv by id (empty without the file). */
  analyses: ReadonlyMap<string, AnalysisResult>;
}

export function buildReviewModel(dataset: Dataset, lang: Lang): ReviewModel {
  const references = dataset.references.filter((r) => !r.rejected && r.id !== undefined);
  const referencesById = new Map(references.map((r) => [r.id as string, r]));
  const outcomesByStudy = new Map<string, OutcomeRecord[]>();
  for (const outcome of dataset.outcomes) {
    if (outcome.rejected || outcome.study_id === undefined) continue;
    const list = outcomesByStudy.get(outcome.study_id);
    if (list) list.push(outcome);
    else outcomesByStudy.set(outcome.study_id, [outcome]);
  }
  const studies = dataset.studies
    .filter((s): s is StudyRecord & { id: string } => !s.rejected && s.id !== undefined)
    .map((study): IncludedStudy => {
      const reports = (study.reference_id ?? []).map((id) => referencesById.get(id)).filter((r): r is ReferenceRecord => r !== undefined);
      const reference = study.reference_id?.[0] === undefined ? undefined : referencesById.get(study.reference_id[0]);
      return {
        id: study.id,
        study,
        reference,
        reports,
        outcomes: outcomesByStudy.get(study.id) ?? [],
        // A work of unknown authorship is named by the reader's word for it, not by an internal id.
        firstAuthor: firstAuthorName(reference) ?? label('unidentified', lang),
        year: reference?.year,
      };
    });
  const analyses = new Map(analyseRecords(dataset).map((result) => [result.target.id, result]));
  return { lang, vocabulary: dataset.vocabulary, studies, studiesById: new Map(studies.map((s) => [s.id, s])), references, referencesById, analyses };
}

/** How a reader names a study: "Khanna 2022", or the first author alone when the year is unknown. */
export function studyLabel(study: IncludedStudy): string {
  return study.year === undefined ? study.firstAuthor : `${study.firstAuthor} ${study.year}`;
}

/** The first author of a work as readers name it, if it has authors. */
export function firstAuthorName(reference: ReferenceRecord | undefined): string | undefined {
  const first = reference?.authors?.names[0];
  return first === undefined ? undefined : readerName(first);
}

/** A vocabulary term's label in the document's language (the term itself when the vocabulary has none). */
export function termLabel(vocabulary: Vocabulary, kind: VocabularyKind, term: string | undefined, lang: Lang): string {
  if (term === undefined) return '';
  const found = vocabulary.lookup(kind, term);
  return found.ok ? (found.value.label?.[lang] ?? found.value.term) : term;
}

/** The short name of an outcome instrument: its abbreviation (FVC, mRSS, SLEDAI) when it has one, else its label. */
export function outcomeName(vocabulary: Vocabulary, term: string | undefined, lang: Lang): string {
  if (term === undefined) return '';
  const found = vocabulary.lookup('outcome', term);
  if (!found.ok) return term;
  return abbreviationOf(found.value) ?? found.value.label?.[lang] ?? found.value.term;
}

/** `termLabel` of each vocabulary kind, and `outcomeName`, for one vocabulary and language. */
export type TermLabels = Record<VocabularyKind, (term: string | undefined) => string> & { outcomeName: (term: string | undefined) => string };

/**
 * Remembers every term's label: a table of thousands of studies repeats a few dozen terms, and an
 * outcome's name tests each of its aliases with a pattern. Make one per table, not one per process,
 * so that a review's own vocabulary never sees another's labels.
 */
export function termLabels(vocabulary: Vocabulary, lang: Lang): TermLabels {
  const labelsOf = (kind: VocabularyKind) => memo1((term: string | undefined) => termLabel(vocabulary, kind, term, lang));
  return {
    disease: labelsOf('disease'),
    design: labelsOf('design'),
    outcome: labelsOf('outcome'),
    category: labelsOf('category'),
    measure: labelsOf('measure'),
    analysis: labelsOf('analysis'),
    outcomeName: memo1((term: string | undefined) => outcomeName(vocabulary, term, lang)),
  };
}

function abbreviationOf(entry: VocabularyEntry): string | undefined {
  return [entry.term, ...entry.aliases].find((name) => /^[A-Za-z]*[A-Z]{2,}[A-Za-z0-9]*$/.test(name));
}
