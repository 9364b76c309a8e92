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
    // The first line of each id, not its row: every id of a large table stays here for the whole run.
    const seen = { references: new Map<string, number>(), studies: new Map<string, number>() };
    const check = (table: keyof typeof seen, id: string | undefined, source: RowSource): void => {
      if (id === undefined) return;
      const line = seen[table].get(id);
      if (line === undefined) {
        seen[table].set(id, source.line);
        return;
      }
      context.reportField(source, 'id', { messageId: 'duplicate', data: { id, line }, actual: id });
    };
    return {
      reference: (record) => check('references', record.id, record.source),
      study: (record) => check('studies', record.id, record.source),
    };
  },
});
