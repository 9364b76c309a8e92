// citation/malformed: an in-text citation that cannot be read ([14–12], [3,,4]).
import { citationPlace } from '../../citations/place.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'An in-text citation cannot be read',
    messages: { malformed: '{{raw}} cannot be read: {{reason}}' },
  },
  create(context) {
    return {
      document(document) {
        for (const citation of document.citations) {
          if (citation.malformed === undefined) continue;
          context.report(
            citationPlace(document.file, citation),
            { messageId: 'malformed', data: { raw: citation.raw, reason: citation.malformed }, actual: citation.raw },
          );
        }
      },
    };
  },
});
