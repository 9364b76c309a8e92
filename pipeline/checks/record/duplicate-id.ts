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
    const seen = { references: new Map<string, RowSource>(), studies: new Map<string, RowSource>() };
    const check = (table: keyof typeof seen, id: string | undefined, source: RowSource): void => {
      if (id === undefined) return;
      const first = seen[table].get(id);
      if (first === undefined) {
        seen[table].set(id, source);
        return;
      }
      context.reportField(source, 'id', { messageId: 'duplicate', data: { id, line: first.line }, actual: id });
    };
    return {
      reference: (record) => check('references', record.id, record.source),
      study: (record) => check('studies', record.id, record.source),
    };
  },
});
