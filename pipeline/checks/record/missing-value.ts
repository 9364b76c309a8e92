// record/missing-value: a required field (an id, a status, a disease …) is empty.
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A required field is empty',
    messages: { missing: '{{field}} is empty; it is required' },
  },
  create(context) {
    return {
      cell(fact) {
        if (fact.kind === 'missing') context.reportField(fact.row, fact.field, { messageId: 'missing', data: { field: fact.field } });
      },
    };
  },
});
