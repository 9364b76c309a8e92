// consistency/count-exceeds-n: a count larger than its denominator, or any outcome number larger than the patients the study enrolled.
import type { OutcomeRecord, StudyRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'overDenominator' | 'overEnrolled' | 'analysedOverEnrolled';

/** Reports `field` when its value is larger than the study's n_enrolled (when the study and its n_enrolled are known). */
function checkAgainstEnrolled(
  context: RuleContext<MessageId>,
  record: OutcomeRecord,
  field: 'count' | 'denominator' | 'n',
  enrolled: number | undefined,
): void {
  const value = record[field];
  if (value === undefined || enrolled === undefined || value <= enrolled) return;
  context.reportField(record.source, field, {
    messageId: 'overEnrolled',
    data: { field, value, enrolled },
    actual: String(value),
    expected: `at most ${enrolled}`,
  });
}

function checkOutcome(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const study = record.study_id === undefined ? undefined : context.index.studies.get(record.study_id);
  const enrolled = study?.n_enrolled;
  const { count, denominator } = record;
  // The denominator is the closer bound: a count over it is one finding, not two.
  if (count !== undefined && denominator !== undefined && count > denominator) {
    context.reportField(record.source, 'count', {
      messageId: 'overDenominator',
      data: { count, denominator },
      actual: String(count),
      expected: `at most ${denominator}`,
    });
  } else {
    checkAgainstEnrolled(context, record, 'count', enrolled);
  }
  checkAgainstEnrolled(context, record, 'denominator', enrolled);
  checkAgainstEnrolled(context, record, 'n', enrolled);
}

function checkStudy(context: RuleContext<MessageId>, record: StudyRecord): void {
  const { n_enrolled: enrolled, n_analysed: analysed } = record;
  if (enrolled === undefined || analysed === undefined || analysed <= enrolled) return;
  context.reportField(record.source, 'n_analysed', {
    messageId: 'analysedOverEnrolled',
    data: { analysed, enrolled },
    actual: String(analysed),
    expected: `at most ${enrolled}`,
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: "A count larger than its denominator or than the study's n",
    messages: {
      overDenominator: 'count {{count}} exceeds denominator {{denominator}}',
      overEnrolled: "{{field}} {{value}} exceeds the study's n_enrolled {{enrolled}}",
      analysedOverEnrolled: 'n_analysed {{analysed}} exceeds n_enrolled {{enrolled}}',
    },
  },
  create(context) {
    return {
      study: (record) => checkStudy(context, record),
      outcome: (record) => checkOutcome(context, record),
    };
  },
});
