// record/duplicate-id: two rows of one table share an id (references and studies).
import type { RowSource } from '../../schema/tables.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'Two rows of one table have the same id',
    messages: { duplicate: "id '{{id}}' is already used on line {{line}}" },
  },
  create(context) {
    // The index keeps the first row of each id (and its line) before the rules see a row, so a row is
    // a repeat when the index names another line: no second map of every id is kept.
    const check = (id: string | undefined, source: RowSource, first: { line: number } | undefined): void => {
      if (id === undefined || first === undefined || first.line === source.line) return;
      context.reportField(source, 'id', { messageId: 'duplicate', data: { id, line: first.line }, actual: id });
    };
    return {
      reference: (record) => check(record.id, record.source, record.id === undefined ? undefined : context.index.references.get(record.id)),
      study: (record) => check(record.id, record.source, record.id === undefined ? undefined : context.index.studies.get(record.id)),
    };
  },
});
