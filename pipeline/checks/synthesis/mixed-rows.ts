// synthesis/mixed-rows: one study gives an analysis both arm-level and contrast rows, or two rows for one arm (or two contrasts): which to pool is not clear.
import { AnalysisRows } from '../../synthesis/collector.ts';
import { defineRule } from '../types.ts';

type MessageId = 'mixed';

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: 'One study gives both arm-level and contrast rows for one analysis, or two rows for one arm',
    messages: {
      mixed: 'study {{study}} gives {{analysis}} {{reason}}; keep one, or narrow the analysis by timepoint or analysis',
    },
  },
  create(context) {
    const collected = new AnalysisRows();
    return {
      analysis: (record) => collected.addAnalysis(record),
      outcome: (record) => collected.addOutcome(record),
      end() {
        for (const { target, studyId, read } of collected.studies()) {
          if (read?.kind === 'mixed') context.reportField(read.row.source, 'arm', { messageId: 'mixed', data: { study: studyId, analysis: target.id, reason: read.reason } });
        }
      },
    };
  },
});
