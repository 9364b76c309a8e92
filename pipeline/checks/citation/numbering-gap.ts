// citation/numbering-gap: in order of first appearance, the numbering jumps over numbers that are never cited.
import { numberingJumps } from '../../citations/first-appearance.ts';
import { formatNumberList } from '../../citations/number-list.ts';
import { citationPlace } from '../../citations/place.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'error',
    description: 'Numbers are skipped in the order of first appearance',
    messages: {
      gap: '{{raw}} jumps to {{number}} after {{previous}}; {{missing}} never cited',
      startGap: '{{raw}} starts the numbering at {{number}}; {{missing}} never cited',
    },
  },
  create(context) {
    return {
      document(document) {
        for (const { citation, number, previous, neverCited } of numberingJumps(document)) {
          if (neverCited.length === 0) continue;
          context.report(
            citationPlace(document.file, citation),
            {
              messageId: previous === 0 ? 'startGap' : 'gap',
              data: { raw: citation.raw, number, previous, missing: `${formatNumberList(neverCited)} ${neverCited.length === 1 ? 'is' : 'are'}` },
              actual: String(number),
              expected: String(previous + 1),
            },
          );
        }
      },
    };
  },
});
