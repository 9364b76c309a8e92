// citation/out-of-range: a manuscript cites number 0, a number beyond its reference list, or one its list skips.
import { formatNumberList } from '../../citations/number-list.ts';
import { citationPlace } from '../../citations/place.ts';
import { defineRule } from '../types.ts';
import { maxOf } from '../../arrays.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A manuscript cites a number that is not in its reference list',
    messages: {
      zero: '{{raw}} cites {{number}}, but reference numbers start at 1',
      beyond: '{{raw}} cites {{number}}, but the reference list ends at {{last}}',
      missing: '{{raw}} cites {{number}}, but the reference list has no entry {{number}}',
    },
  },
  create(context) {
    return {
      document(document) {
        // A heading with no numbered entry under it (an author–year list, a references.csv without numbers) says nothing of the range.
        const numbers = document.references?.map((r) => r.number) ?? [];
        const listed = new Set(numbers);
        const last = numbers.length === 0 ? undefined : maxOf(numbers);
        for (const citation of document.citations) {
          const place = citationPlace(document.file, citation);
          if (citation.numbers.includes(0)) {
            context.report(place, { messageId: 'zero', data: { raw: citation.raw, number: 0 }, actual: '0' });
          }
          if (last === undefined) continue;
          // One finding per citation: "[45-50]" against a list of 47 is one mistake, not three.
          const beyond = formatNumberList(citation.numbers.filter((number) => number > last));
          if (beyond !== '') {
            context.report(place, { messageId: 'beyond', data: { raw: citation.raw, number: beyond, last }, actual: beyond, expected: `1–${last}` });
          }
          // A list that skips a number (an entry deleted without renumbering): the citation points at nothing.
          const missing = formatNumberList(citation.numbers.filter((number) => number >= 1 && number < last && !listed.has(number)));
          if (missing !== '') context.report(place, { messageId: 'missing', data: { raw: citation.raw, number: missing }, actual: missing });
        }
      },
    };
  },
});
