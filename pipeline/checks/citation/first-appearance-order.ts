// citation/first-appearance-order: a number is first cited before a smaller number's first citation.
import { numberingJumps } from '../../citations/first-appearance.ts';
import { formatNumberList } from '../../citations/number-list.ts';
import { citationPlace } from '../../citations/place.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'A reference number is first cited before a smaller one',
    messages: { early: '{{raw}} cites {{number}} before {{smaller}} first {{verb}}; numbers should follow the order of first citation' },
  },
  create(context) {
    return {
      document(document) {
        for (const { citation, number, previous, citedLater } of numberingJumps(document)) {
          if (citedLater.length === 0) continue;
          context.report(
            citationPlace(document.file, citation),
            {
              messageId: 'early',
              data: { raw: citation.raw, number, smaller: formatNumberList(citedLater), verb: citedLater.length === 1 ? 'appears' : 'appear' },
              actual: String(number),
              expected: String(previous + 1),
            },
          );
        }
      },
    };
  },
});
