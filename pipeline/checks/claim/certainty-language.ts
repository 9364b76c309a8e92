// claim/certainty-language: 证实 / proves / confirms said of what one case, one case series or one uncontrolled study shows.
import type { StudyRecord } from '../../schema/tables.ts';
import type { ClaimVocabularyData } from '../../prose/claim-words.ts';
import { claimPlace } from '../../prose/scope.ts';
import { englishLabel } from '../../normalise/vocabulary.ts';
import { defineRule } from '../types.ts';

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'Prose says 证实 / proves / confirms of what a single case, a case series or one uncontrolled study shows',
    messages: {
      tooCertain: '{{claim}} but the evidence is one {{design}} ({{study}})',
    },
  },
  create(context) {
    const labelOf = (term: string): string => englishLabel(context.vocabulary, 'design', term);
    return {
      prose(document) {
        for (const paragraph of document.paragraphs) {
          for (const sentence of paragraph.sentences) {
            // Proof words about several studies, or about none the records know, are not judged here.
            const [study, ...others] = sentence.studies;
            if (!study || others.length > 0 || !isUncontrolled(study, document.claims.data)) continue;
            for (const claim of document.claims.find(sentence.sentence.text, 'proof')) {
              const design = labelOf(study.design as string);
              const uncontrolled = document.claims.data.uncontrolledDesigns.includes(study.design as string) ? design : `uncontrolled ${design}`;
              context.report(claimPlace(document.file, sentence, claim), {
                messageId: 'tooCertain',
                data: { claim: claim.text, design: uncontrolled, study: study.id ?? '' },
                actual: claim.text,
              });
            }
          }
        }
      },
    };
  },
});

/** A case report or series, or a design that is uncontrolled when the study names no comparator. */
function isUncontrolled(study: StudyRecord, data: ClaimVocabularyData): boolean {
  const design = study.design;
  if (design === undefined) return false;
  if (data.uncontrolledDesigns.includes(design)) return true;
  return data.uncontrolledWithoutComparator.includes(design) && (study.comparator ?? '').trim() === '';
}
