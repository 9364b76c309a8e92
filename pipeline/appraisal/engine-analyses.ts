// The certainty rules' source of analyses: analyses.csv pooled by the meta-analysis engine, from the outcome rows the analyses match.
import { analyseRecords } from '../synthesis/analyse.ts';
import { rowMatches, targetOf, type AnalysisTarget } from '../synthesis/from-records.ts';
import type { AnalysisRecord, OutcomeRecord } from '../schema/tables.ts';
import { factsOf, type AnalysisFacts, type AnalysisFactsSource } from './certainty.ts';

/**
 * Keeps the analyses (read before outcomes) and only the outcome rows one of them matches, so a
 * check without analyses keeps nothing; pools them once, when the first fact is asked for.
 */
export function engineAnalyses(): AnalysisFactsSource {
  const analyses: AnalysisRecord[] = [];
  const targets: AnalysisTarget[] = [];
  const outcomes: OutcomeRecord[] = [];
  let facts: Map<string, AnalysisFacts> | undefined;
  return {
    visitors: {
      analysis(record) {
        analyses.push(record);
        const target = targetOf(record);
        if (target) targets.push(target);
      },
      outcome(record) {
        if (targets.some((target) => rowMatches(target, record))) outcomes.push(record);
      },
    },
    facts(id) {
      // Studies and references give the engine labels and subgroups only: the overall pooled result does not need them.
      facts ??= new Map(analyseRecords({ analyses, outcomes, studies: [], references: [] }).map((result) => [result.target.id, factsOf(result)]));
      return facts.get(id);
    },
    hasAnalyses: () => analyses.length > 0,
  };
}
