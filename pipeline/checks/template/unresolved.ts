// template/unresolved: a template's helper call that the records cannot answer (no row, two rows, an empty drawn field, an unknown field), found before rendering.
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A template draws a number or field that the records cannot give: no row, two rows, an empty field or an unknown one',
    messages: {
      unresolved: '{{message}}',
    },
  },
  create(context) {
    return {
      document(document) {
        for (const call of document.unresolved ?? []) {
          context.report({ file: document.file, line: call.line, column: call.column, endLine: call.endLine, endColumn: call.endColumn }, { messageId: 'unresolved', data: { message: call.message } });
        }
      },
    };
  },
});
