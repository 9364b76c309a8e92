// claim/analysis-population: the prose calls a result randomised or intention-to-treat while the rows it draws are post hoc, completers or per protocol.
import { claimPlace, drawsAfterOrBefore, forEachClaim, rowsOf } from '../../prose/scope.ts';
import { englishLabel } from '../../normalise/vocabulary.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'Prose calls a result randomised or intention-to-treat (随机分析, 意向性, ITT) while the rows it draws are post hoc, completers or per protocol',
    messages: {
      notRandomised: '{{claim}} but the rows drawn are {{analyses}}',
    },
  },
  create(context) {
    const labelOf = (term: string): string => englishLabel(context.vocabulary, 'analysis', term);
    return {
      prose(document) {
        forEachClaim(document, 'population', (sentence, claim) => {
          const contradicting = new Set(claim.term.contradictedBy ?? []);
          // The rows the claim governs: those after its words ("在随机分析中，… 分别为 X 和 Y"), else those before.
          const analyses = rowsOf(drawsAfterOrBefore(sentence, claim)).map((row) => row.analysis);
          const known = analyses.filter((analysis): analysis is string => analysis !== undefined && analysis !== 'as_reported');
          if (known.length === 0 || !known.every((analysis) => contradicting.has(analysis))) return;
          const shown = [...new Set(known)].map(labelOf).join(', ');
          context.report(claimPlace(document.file, sentence, claim), { messageId: 'notRandomised', data: { claim: claim.text, analyses: shown }, actual: shown });
        });
      },
    };
  },
});
