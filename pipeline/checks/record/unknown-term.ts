// record/unknown-term: a disease, design, outcome, measure, category or analysis outside the review's vocabulary.
import type { VocabularyKind } from '../../normalise/vocabulary.ts';
import type { RowSource } from '../../schema/tables.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'A vocabulary column holds a term the vocabulary does not know',
    messages: {
      unknown: "{{field}}: '{{term}}' is not a known {{kind}}; add it to records/vocabulary.csv if it is meant",
      near: "{{field}}: '{{term}}' is not a known {{kind}}; did you mean '{{suggestion}}'",
    },
  },
  create(context) {
    const check = (source: RowSource, field: string, kind: VocabularyKind, term: string | undefined): void => {
      if (term === undefined) return;
      const found = context.vocabulary.lookup(kind, term);
      if (found.ok) return;
      const data = { field, term, kind };
      context.reportField(
        source,
        field,
        found.suggestion === undefined
          ? { messageId: 'unknown', data, actual: term }
          : { messageId: 'near', data: { ...data, suggestion: found.suggestion }, actual: term, suggestion: found.suggestion },
      );
    };
    return {
      study(record) {
        check(record.source, 'disease', 'disease', record.disease);
        check(record.source, 'design', 'design', record.design);
      },
      outcome(record) {
        check(record.source, 'outcome', 'outcome', record.outcome);
        check(record.source, 'measure', 'measure', record.measure);
        check(record.source, 'category', 'category', record.category);
        check(record.source, 'analysis', 'analysis', record.analysis);
      },
    };
  },
});
