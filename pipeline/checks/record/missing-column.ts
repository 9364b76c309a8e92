// record/missing-column: a table's header lacks a required column, or names a known column only misspelt (its values would be lost).
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A required column is missing from a table header, or a known column is there only misspelt, so its values would be lost',
    messages: {
      missing: "column '{{name}}' is missing",
      misspelt: "column '{{name}}' is missing; '{{raw}}' looks like it, and its values would be lost: rename it '{{name}}'",
    },
  },
  create(context) {
    return {
      header(fact) {
        for (const { name, nearest } of fact.missing) {
          if (nearest) {
            context.report({ file: fact.file, line: nearest.line, column: nearest.column }, { messageId: 'misspelt', data: { name, raw: nearest.raw }, suggestion: name });
          } else {
            context.report({ file: fact.file, line: fact.line, column: 1 }, { messageId: 'missing', data: { name }, expected: name });
          }
        }
      },
    };
  },
});
