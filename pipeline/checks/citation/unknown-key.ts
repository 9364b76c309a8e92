// citation/unknown-key: a template cites an id that no row of references.csv has.
import { nearest } from '../../normalise/nearest.ts';
import { citationPlace } from '../../citations/place.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A template cites an id that is not in references.csv',
    messages: {
      unknown: "no reference has the id '{{key}}'",
      near: "no reference has the id '{{key}}'; did you mean '{{suggestion}}'",
    },
  },
  create(context) {
    return {
      document(document) {
        const ids = [...context.index.references.keys()];
        for (const citation of document.citations) {
          for (const key of citation.keys) {
            if (context.index.references.has(key)) continue;
            const suggestion = nearest(key, ids);
            const place = citationPlace(document.file, citation);
            if (suggestion === undefined) context.report(place, { messageId: 'unknown', data: { key }, actual: key });
            else context.report(place, { messageId: 'near', data: { key, suggestion }, actual: key, suggestion });
          }
        }
      },
    };
  },
});
