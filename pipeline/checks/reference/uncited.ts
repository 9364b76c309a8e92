// reference/uncited: a reference the review never cites (a listed manuscript entry, or a references.csv row the templates never cite).
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'A reference that the review never cites',
    messages: {
      uncitedEntry: 'reference [{{number}}] is in the list but never cited',
      uncitedRecord: 'reference {{id}} is never cited in the templates',
    },
  },
  create(context) {
    // Templates are many files citing one reference list: collect across them, judge at the end.
    let sawTemplates = false;
    const citedKeys = new Set<string>();
    return {
      document(document) {
        if (document.kind === 'manuscript') {
          const cited = new Set(document.citations.flatMap((c) => c.numbers));
          for (const entry of document.references ?? []) {
            if (cited.has(entry.number)) continue;
            context.report({ file: entry.file, line: entry.line, column: entry.column }, { messageId: 'uncitedEntry', data: { number: entry.number } });
          }
          return;
        }
        sawTemplates = true;
        for (const citation of document.citations) for (const key of citation.keys) citedKeys.add(key);
      },
      end() {
        if (!sawTemplates) return;
        for (const [id, record] of context.index.references) {
          if (!citedKeys.has(id)) context.reportField(record.source, 'id', { messageId: 'uncitedRecord', data: { id } });
        }
      },
    };
  },
});
