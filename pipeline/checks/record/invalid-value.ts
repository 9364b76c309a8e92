// record/invalid-value: a field that does not parse as its column's type (number, year, DOI, status …).
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: "A field's value does not parse as its column's type",
    messages: { invalid: '{{field}}: {{reason}}' },
  },
  create(context) {
    return {
      cell(fact) {
        if (fact.kind !== 'invalid') return;
        const finding = { messageId: 'invalid' as const, data: { field: fact.field, reason: fact.reason }, actual: fact.row.cell(fact.field)?.raw ?? '' };
        context.reportField(fact.row, fact.field, fact.suggestion === undefined ? finding : { ...finding, suggestion: fact.suggestion });
      },
    };
  },
});
