// synthesis/invalid-analysis: an analyses.csv row whose choices do not fit together (method and model, method and measure, a prediction interval of a common-effect model).
import { specProblem, targetOf } from '../../synthesis/from-records.ts';
import { defineRule } from '../types.ts';

type MessageId = 'method' | 'prediction';

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: 'An analysis whose method does not fit its model or measure, or a prediction interval asked of a common-effect model',
    messages: {
      method: 'analysis {{analysis}}: {{problem}}',
      prediction: 'analysis {{analysis}} asks for a prediction interval, which needs model random',
    },
  },
  create(context) {
    return {
      analysis(record) {
        const target = targetOf(record);
        if (target === undefined) return;
        const problem = specProblem(target.spec);
        if (problem) context.reportField(record.source, problem.field, { messageId: 'method', data: { analysis: target.id, problem: problem.message } });
        if (record.prediction === 'yes' && record.model === 'common') context.reportField(record.source, 'prediction', { messageId: 'prediction', data: { analysis: target.id } });
      },
    };
  },
});
