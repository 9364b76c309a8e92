// claim/design: the prose names a design stronger than the study's (a case report as 一项研究, a cohort as a trial, a non-randomised study as randomised).
import { claimPlace } from '../../prose/scope.ts';
import { englishLabel } from '../../normalise/vocabulary.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: "Prose names a design stronger than the study's: a case report as a study (一项研究), a cohort as a trial, a non-randomised study as randomised",
    messages: {
      strongerDesign: '{{claim}} but {{study}} is a {{design}}',
    },
  },
  create(context) {
    const labelOf = (term: string): string => englishLabel(context.vocabulary, 'design', term);
    return {
      prose(document) {
        for (const paragraph of document.paragraphs) {
          // One report per study in a paragraph: "一项研究 … 该研究" is one mistake, said once.
          const reported = new Set<string>();
          for (const sentence of paragraph.sentences) {
            const studies = sentence.studies;
            // A design unknown to the records cannot contradict a word: such a sentence is not judged.
            if (studies.length === 0 || studies.some((study) => study.design === undefined || study.design === 'unknown')) continue;
            for (const claim of document.claims.find(sentence.sentence.text, 'design')) {
              const bearing = new Set(claim.term.designs ?? []);
              if (studies.some((study) => bearing.has(study.design as string))) continue;
              const study = studies[0];
              if (!study?.id || reported.has(study.id)) continue;
              reported.add(study.id);
              const design = labelOf(study.design as string);
              context.report(claimPlace(document.file, sentence, claim), {
                messageId: 'strongerDesign',
                data: { claim: claim.text, study: studies.map((s) => s.id ?? '').join(', '), design },
                actual: claim.text,
                expected: design,
              });
            }
          }
        }
      },
    };
  },
});
