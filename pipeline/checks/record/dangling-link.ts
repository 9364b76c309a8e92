// record/dangling-link: a study's reference_id, an outcome's or a risk-of-bias judgement's study_id, a certainty row's analysis_id, or an outcome's reference_id that points to no row, or to a report of another study.
import { NearestIndex } from '../../normalise/nearest.ts';
import type { RowSource } from '../../schema/tables.ts';
import { defineRule } from '../types.ts';

/**
 * A suggestion compares the missing id with every known id: cheap for a pull request's few mistakes,
 * seconds for a large table where thousands of rows point nowhere. Once this many ids have been
 * compared in one run, findings come without a suggestion (20 suggestions against 5,000 ids).
 */
const SUGGESTION_COMPARISONS = 100_000;

export default defineRule({
  meta: {
    severity: 'error',
    description: "A reference_id or study_id points to no record, or an outcome's reference_id to no report of its study",
    messages: {
      dangling: "{{field}} '{{id}}' matches no row of {{table}}",
      near: "{{field}} '{{id}}' matches no row of {{table}}; did you mean '{{suggestion}}'",
      notReport: "reference_id '{{id}}' is not a report of study {{study}} (its reports: {{reports}}); add it to that study's reference_id in studies.csv, or correct it",
    },
  },
  create(context) {
    let comparisonsLeft = SUGGESTION_COMPARISONS;
    const analyses = new Map<string, true>();
    // Rebuilt when a table has grown since: studies are still being read while their links are checked.
    const indexes = new Map<ReadonlyMap<string, unknown>, NearestIndex>();
    const idsOf = (known: ReadonlyMap<string, unknown>): NearestIndex => {
      let index = indexes.get(known);
      if (!index || index.size !== known.size) {
        index = new NearestIndex([...known.keys()]);
        indexes.set(known, index);
      }
      return index;
    };
    const check = (source: RowSource, field: string, id: string | undefined, known: ReadonlyMap<string, unknown>, table: string): void => {
      if (id === undefined || known.has(id)) return;
      let suggestion: string | undefined;
      if (comparisonsLeft >= known.size) {
        comparisonsLeft -= known.size;
        suggestion = idsOf(known).nearest(id);
      }
      const data = { field, id, table };
      context.reportField(
        source,
        field,
        suggestion === undefined
          ? { messageId: 'dangling', data, actual: id }
          : { messageId: 'near', data: { ...data, suggestion }, actual: id, suggestion },
      );
    };
    return {
      study: (record) => {
        for (const id of record.reference_id ?? []) check(record.source, 'reference_id', id, context.index.references, 'references.csv');
      },
      riskOfBias: (record) => check(record.source, 'study_id', record.study_id, context.index.studies, 'studies.csv'),
      analysis: (record) => void (record.id !== undefined && analyses.set(record.id, true)),
      // A certainty row names an analysis of analyses.csv; a review that has none is not yet pooling (nothing to point at).
      certainty: (record) => void (analyses.size > 0 && check(record.source, 'analysis_id', record.analysis_id, analyses, 'analyses.csv')),
      outcome: (record) => {
        check(record.source, 'study_id', record.study_id, context.index.studies, 'studies.csv');
        const report = record.reference_id;
        if (report === undefined) return;
        if (!context.index.references.has(report)) {
          check(record.source, 'reference_id', report, context.index.references, 'references.csv');
          return;
        }
        // A study whose reference_id did not validate has no known reports: its own finding says why.
        const study = record.study_id === undefined ? undefined : context.index.studies.get(record.study_id);
        if (study === undefined || study.referenceIds.length === 0 || study.referenceIds.includes(report)) return;
        context.reportField(record.source, 'reference_id', {
          messageId: 'notReport',
          data: { id: report, study: study.id, reports: study.referenceIds.join('; ') },
          actual: report,
        });
      },
    };
  },
});
