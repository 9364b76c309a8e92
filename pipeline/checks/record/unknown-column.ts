// record/unknown-column: a header names a column the table does not have (often a misspelling).
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'A header names a column the table does not know (and is near no absent one); its values are ignored',
    messages: {
      unknown: "column '{{raw}}' is not a column of {{table}}; its values are ignored",
      near: "column '{{raw}}' is not a column of {{table}}; did you mean '{{suggestion}}'",
    },
  },
  create(context) {
    return {
      header(fact) {
        // A misspelt known column (required, or optional and absent) is reported, at this cell, by record/missing-column.
        const misspeltRequired = new Set(fact.missing.map((m) => m.nearest));
        for (const column of fact.columns) {
          if (column.name !== undefined || column.duplicate || misspeltRequired.has(column) || column.raw.trim() === '') continue;
          const place = { file: fact.file, line: column.line, column: column.column };
          if (column.suggestion !== undefined) {
            context.report(place, { messageId: 'near', data: { raw: column.raw, table: fact.table, suggestion: column.suggestion }, suggestion: column.suggestion });
          } else {
            context.report(place, { messageId: 'unknown', data: { raw: column.raw, table: fact.table } });
          }
        }
      },
    };
  },
});
