// record/dangling-link: a study's reference_id or an outcome's study_id that points to no row.
import { nearest } from '../../normalise/nearest.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A reference_id or study_id points to no record',
    messages: {
      dangling: "{{field}} '{{id}}' matches no row of {{table}}",
      near: "{{field}} '{{id}}' matches no row of {{table}}; did you mean '{{suggestion}}'",
    },
  },
  create(context) {
    const link = (field: string, id: string | undefined, known: ReadonlyMap<string, unknown>, table: string) => {
      return (source: Parameters<typeof context.reportField>[0]): void => {
        if (id === undefined || known.has(id)) return;
        const suggestion = nearest(id, [...known.keys()]);
        const data = { field, id, table };
        context.reportField(
          source,
          field,
          suggestion === undefined
            ? { messageId: 'dangling', data, actual: id }
            : { messageId: 'near', data: { ...data, suggestion }, actual: id, suggestion },
        );
      };
    };
    return {
      study: (record) => link('reference_id', record.reference_id, context.index.references, 'references.csv')(record.source),
      outcome: (record) => link('study_id', record.study_id, context.index.studies, 'studies.csv')(record.source),
    };
  },
});
