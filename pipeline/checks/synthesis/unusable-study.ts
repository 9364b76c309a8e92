// synthesis/unusable-study: a study of an analysis whose rows lack a number the measure needs (says which), or a study named in `studies` with no rows.
import { AnalysisRows } from '../../synthesis/collector.ts';
import { defineRule } from '../types.ts';

type MessageId = 'unusable' | 'noRows';

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'A study of an analysis without the numbers its measure needs (says which)',
    messages: {
      unusable: 'study {{study}} cannot be pooled in {{analysis}} ({{measure}}): {{reason}}',
      noRows: 'study {{study}} is named for {{analysis}} but has no {{outcome}} rows for its arms',
    },
  },
  create(context) {
    const collected = new AnalysisRows();
    return {
      analysis: (record) => collected.addAnalysis(record),
      outcome: (record) => collected.addOutcome(record),
      end() {
        for (const { target, studyId, read } of collected.studies()) {
          const names = { study: studyId, analysis: target.id, measure: target.measure };
          if (read === undefined) context.reportField(target.source, 'studies', { messageId: 'noRows', data: { ...names, outcome: target.outcome } });
          else if (read.kind === 'unusable') context.reportField(read.row.source, read.field, { messageId: 'unusable', data: { ...names, reason: read.reason } });
        }
      },
    };
  },
});
