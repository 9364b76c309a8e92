// What each sentence of the templates draws from the records: the studies it names and cites, and the outcome rows its calls pick.
import type { AnalysisRecord, OutcomeRecord, ReferenceRecord, StudyRecord } from '../schema/tables.ts';
import { analyseRecords } from '../synthesis/analyse.ts';
import type { Measure } from '../synthesis/types.ts';
import { selectOutcomeRows } from '../render/outcome-selection.ts';
import type { ClaimVocabulary } from './claim-words.ts';
import type { ProseCall, ProseStructure, Sentence } from './sentences.ts';

/** The records a check keeps for the prose: looked up by id. */
export interface DrawLookup {
  study(id: string): StudyRecord | undefined;
  /** The studies a reference id reports (a study lists its reports in `reference_id`). */
  studiesOfReference(referenceId: string): readonly StudyRecord[];
  outcomesOf(studyId: string): readonly OutcomeRecord[];
  /** An analysis's pooled result, pooled at the first request. */
  pooled(analysisId: string): PooledDraw | undefined;
}

/** A pooled result a sentence draws with `{{pooled "id" …}}`: ratios on the ratio scale. */
export interface PooledDraw {
  id: string;
  measure: Measure;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  p: number;
}

/**
 * One call's draw: the study it is about and, for `{{outcome}}`, the rows its filters pick and the field
 * shown; for `{{pooled}}`, the pooled result (and no study).
 */
export interface Draw {
  call: ProseCall;
  study: StudyRecord | undefined;
  rows: readonly OutcomeRecord[];
  field: string | undefined;
  pooled?: PooledDraw;
}

export interface ProseSentence {
  sentence: Sentence;
  draws: readonly Draw[];
  /** The studies the sentence is about: those it draws, or (for "该研究…", "This study …") the previous sentence's. */
  studies: readonly StudyRecord[];
  /** True when `studies` come from the sentence before, through an anaphor. */
  inherited: boolean;
}

/** The templates' prose with what each sentence draws, and the claim words to read it with. */
export interface ProseDocument {
  file: string;
  paragraphs: readonly { sentences: readonly ProseSentence[] }[];
  claims: ClaimVocabulary;
}

/** The ids a prose structure names, so a check can keep just those records. */
export function drawnIds(structure: ProseStructure): { studies: Set<string>; references: Set<string>; analyses: Set<string> } {
  const studies = new Set<string>();
  const references = new Set<string>();
  const analyses = new Set<string>();
  for (const paragraph of structure.paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const call of sentence.calls) {
        if ((call.name === 'study' || call.name === 'outcome') && call.strings[0] !== undefined) studies.add(call.strings[0]);
        if (call.name === 'cite') for (const id of call.strings) references.add(id);
        if (call.name === 'pooled' && call.strings[0] !== undefined) analyses.add(call.strings[0]);
      }
    }
  }
  return { studies, references, analyses };
}

/** Resolves every call of every sentence against the records; a call naming nothing draws nothing (the render reports it). */
export function resolveProse(structure: ProseStructure, lookup: DrawLookup, claims: ClaimVocabulary): ProseDocument {
  const paragraphs = structure.paragraphs.map((paragraph) => {
    let previous: readonly StudyRecord[] = [];
    const sentences = paragraph.sentences.map((sentence): ProseSentence => {
      const draws = sentence.calls.flatMap((call) => drawsOf(call, lookup));
      const own = distinct(draws.flatMap((draw) => (draw.study ? [draw.study] : [])));
      const inherited = own.length === 0 && previous.length > 0 && claims.find(sentence.text, 'anaphor').length > 0;
      const studies = inherited ? previous : own;
      if (studies.length > 0) previous = studies;
      return { sentence, draws, studies, inherited };
    });
    return { sentences };
  });
  return { file: structure.file, paragraphs, claims };
}

function drawsOf(call: ProseCall, lookup: DrawLookup): Draw[] {
  const [first, second] = call.strings;
  if (first === undefined) return [];
  switch (call.name) {
    case 'study': {
      const study = lookup.study(first);
      return study ? [{ call, study, rows: [], field: second }] : [];
    }
    case 'outcome': {
      const study = lookup.study(first);
      if (!study || second === undefined) return [];
      const { field, ...filters } = call.hash;
      return [{ call, study, rows: selectOutcomeRows(lookup.outcomesOf(first), second, filters), field: field ?? 'value' }];
    }
    case 'pooled': {
      const pooled = lookup.pooled(first);
      return pooled ? [{ call, study: undefined, rows: [], field: second, pooled }] : [];
    }
    case 'cite':
      return call.strings.flatMap((id) => lookup.studiesOfReference(id).map((study) => ({ call, study, rows: [], field: undefined })));
    default:
      return [];
  }
}

function distinct(studies: readonly StudyRecord[]): StudyRecord[] {
  const seen = new Set<StudyRecord>();
  return studies.filter((study) => !seen.has(study) && (seen.add(study), true));
}

/** A lookup over the records a run kept (every record for a build, the drawn ones for a check). */
export function datasetLookup(dataset: {
  studies: readonly StudyRecord[];
  outcomes: readonly OutcomeRecord[];
  analyses: readonly AnalysisRecord[];
  references: readonly ReferenceRecord[];
}): DrawLookup {
  const byId = new Map<string, StudyRecord>();
  const byReference = new Map<string, StudyRecord[]>();
  const outcomes = new Map<string, OutcomeRecord[]>();
  for (const study of dataset.studies) {
    if (study.rejected || study.id === undefined || byId.has(study.id)) continue;
    byId.set(study.id, study);
    for (const reference of study.reference_id ?? []) {
      // Appended in place: a copy per study is quadratic when many studies share one reference.
      const same = byReference.get(reference);
      if (same) same.push(study);
      else byReference.set(reference, [study]);
    }
  }
  for (const row of dataset.outcomes) {
    if (row.rejected || row.study_id === undefined) continue;
    const rows = outcomes.get(row.study_id);
    if (rows) rows.push(row);
    else outcomes.set(row.study_id, [row]);
  }
  let pooled: Map<string, PooledDraw> | undefined;
  const pooledOf = (): Map<string, PooledDraw> => {
    pooled = new Map();
    for (const result of analyseRecords({ analyses: dataset.analyses, outcomes: dataset.outcomes, studies: dataset.studies, references: dataset.references })) {
      const total = result.synthesis?.pooled;
      if (!total) continue;
      const { estimate, ciLow, ciHigh, p } = total;
      pooled.set(result.target.id, { id: result.target.id, measure: result.target.measure, estimate, ciLow, ciHigh, p });
    }
    return pooled;
  };
  return {
    pooled: (id) => (pooled ?? pooledOf()).get(id),
    study: (id) => byId.get(id),
    studiesOfReference: (id) => byReference.get(id) ?? [],
    outcomesOf: (id) => outcomes.get(id) ?? [],
  };
}
