// Every meta-analysis of a review's records (analyses.csv), run through the engine; pure, no I/O.
import type { AnalysisRecord, OutcomeRecord, ReferenceRecord, StudyRecord } from '../schema/tables.ts';
import { indexRecords, prepareAnalysis, rowsByStudy, specProblem, targetOf, type AnalysisTarget } from './from-records.ts';
import { synthesise } from './synthesise.ts';
import type { NotEstimable, Synthesis } from './types.ts';

export interface AnalysisResult {
  target: AnalysisTarget;
  /** Undefined when the analysis row's choices do not fit together (`problem` says why). */
  synthesis: Synthesis | undefined;
  problem?: string;
  /** Studies left out: without the numbers the measure needs, with mixed rows, or not estimable by the engine. */
  notEstimable: NotEstimable[];
}

export interface AnalysisInput {
  analyses: readonly AnalysisRecord[];
  outcomes: readonly OutcomeRecord[];
  studies: readonly StudyRecord[];
  references: readonly ReferenceRecord[];
}

/** The analyses in file order (or the one with id `only`), each pooled as its row asks. */
export function analyseRecords(input: AnalysisInput, only?: string): AnalysisResult[] {
  const lookups = indexRecords(input);
  // Each analysis reads the rows of one outcome: group them once rather than scan every row per analysis.
  const byOutcome = new Map<string, OutcomeRecord[]>();
  for (const row of input.outcomes) {
    if (row.outcome === undefined) continue;
    const rows = byOutcome.get(row.outcome);
    if (rows) rows.push(row);
    else byOutcome.set(row.outcome, [row]);
  }
  const results: AnalysisResult[] = [];
  const seen = new Set<string>();
  for (const record of input.analyses) {
    const target = targetOf(record);
    // A rejected row, or a second row with an id, is reported by the record rules and not analysed.
    if (target === undefined || seen.has(target.id)) continue;
    seen.add(target.id);
    if (only !== undefined && target.id !== only) continue;
    const problem = specProblem(target.spec);
    if (problem) {
      results.push({ target, synthesis: undefined, problem: problem.message, notEstimable: [] });
      continue;
    }
    const prepared = prepareAnalysis(target, rowsByStudy(target, byOutcome.get(target.outcome) ?? []), input, lookups);
    const synthesis = synthesise(target.spec, prepared.studies, target.subgroup !== undefined);
    const notEstimable = [...prepared.excluded.map(({ id, label, reason }) => ({ id, label, reason })), ...synthesis.notEstimable];
    results.push({ target, synthesis, notEstimable });
  }
  return results;
}

/** The ids of the accepted analysis rows, for `--only`. */
export function analysisIds(analyses: readonly AnalysisRecord[]): string[] {
  return analyses.flatMap((record) => (record.rejected || record.id === undefined ? [] : [record.id]));
}
