// record/csv-syntax: the CSV itself is broken (unclosed or stray quote, ragged row, empty file, repeated column).
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A record file is not well-formed CSV',
    messages: {
      problem: '{{detail}}',
      ragged: 'row has {{actual}} fields, but the header has {{expected}}',
    },
  },
  create(context) {
    return {
      syntax(fact) {
        if (fact.kind === 'ragged-row') {
          context.report(fact, {
            messageId: 'ragged',
            data: { actual: fact.actual ?? 0, expected: fact.expected ?? 0 },
            actual: String(fact.actual),
            expected: String(fact.expected),
          });
          return;
        }
        context.report(fact, { messageId: 'problem', data: { detail: fact.detail } });
      },
    };
  },
});
