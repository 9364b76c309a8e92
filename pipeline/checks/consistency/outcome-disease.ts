// consistency/outcome-disease: a disease-specific instrument (mRSS, SLEDAI, DAS28 …) reported for a study of another disease.
import type { Vocabulary } from '../../normalise/vocabulary.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'otherDisease';

/** The umbrella disease: a CTD study may hold patients of any connective-tissue disease, so any instrument fits it. */
const UMBRELLA_DISEASE = 'CTD';

/** A disease's canonical term, so that aliases compare equal; undefined for a disease the vocabulary does not know. */
function canonicalDisease(vocabulary: Vocabulary, disease: string): string | undefined {
  const found = vocabulary.lookup('disease', disease);
  return found.ok ? found.value.term : undefined;
}

/** The disease the outcome's instrument belongs to, if it is disease-specific. */
function instrumentDisease(vocabulary: Vocabulary, outcome: string): string | undefined {
  const found = vocabulary.lookup('outcome', outcome);
  if (!found.ok || found.value.disease === undefined) return undefined;
  // A review's vocabulary.csv may name the disease by an alias; one it does not know is kept as given.
  return canonicalDisease(vocabulary, found.value.disease) ?? found.value.disease;
}

function checkOutcome(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  if (record.outcome === undefined || record.study_id === undefined) return;
  const instrumentFor = instrumentDisease(context.vocabulary, record.outcome);
  if (instrumentFor === undefined) return;
  const studied = context.index.studies.get(record.study_id)?.disease;
  if (studied === undefined) return;
  // An unknown disease is record/unknown-term's finding; whether the instrument fits it cannot be told.
  const studyDisease = canonicalDisease(context.vocabulary, studied);
  if (studyDisease === undefined || studyDisease === UMBRELLA_DISEASE || studyDisease === instrumentFor) return;
  context.reportField(record.source, 'outcome', {
    messageId: 'otherDisease',
    data: { outcome: record.outcome, instrumentFor, study: record.study_id, studyDisease },
    actual: studyDisease,
    expected: instrumentFor,
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'A disease-specific instrument (mRSS, SLEDAI, DAS28 …) is reported for a study of another disease',
    messages: {
      otherDisease: '{{outcome}} is an instrument for {{instrumentFor}}, but study {{study}} is {{studyDisease}}',
    },
  },
  create(context) {
    return {
      outcome: (record) => checkOutcome(context, record),
    };
  },
});
