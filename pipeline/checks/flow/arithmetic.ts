// flow/arithmetic: a PRISMA 2020 box that does not follow from the boxes before it, or reasons that do not add up to their box.
import { checkSum, FlowBoxes, sum, type FlowSum } from '../../appraisal/flow.ts';
import { isExclusionBox, type FlowKey } from '../../normalise/flow.ts';
import { defineRule } from '../types.ts';

const either = (...keys: FlowKey[]) => (has: (key: FlowKey) => boolean) => keys.some(has);
const all = (...keys: FlowKey[]) => (has: (key: FlowKey) => boolean) => keys.every(has);

/** The boxes of the diagram that follow from the ones before them, top to bottom (PRISMA 2020, Page et al. BMJ 2021;372:n71, figure 1). */
export const FLOW_SUMS: readonly FlowSum[] = [
  { target: 'records_screened', plus: ['database_results', 'register_results'], minus: ['duplicates', 'excluded_automatic', 'excluded_other'], checkable: either('database_results', 'register_results') },
  { target: 'dbr_sought_reports', plus: ['records_screened'], minus: ['records_excluded'], checkable: all('records_screened', 'records_excluded') },
  { target: 'dbr_assessed', plus: ['dbr_sought_reports'], minus: ['dbr_notretrieved_reports'], checkable: all('dbr_sought_reports') },
  { target: 'other_assessed', plus: ['other_sought_reports'], minus: ['other_notretrieved_reports'], checkable: all('other_sought_reports') },
  {
    target: 'new_reports',
    plus: ['dbr_assessed', 'other_assessed'],
    minus: ['dbr_excluded', 'other_excluded'],
    // Each branch that gives its assessed reports must give its excluded ones too.
    checkable: (has) => (has('dbr_assessed') || has('other_assessed')) && (!has('dbr_assessed') || has('dbr_excluded')) && (!has('other_assessed') || has('other_excluded')),
  },
];

type MessageId = 'sum' | 'reasons' | 'notExclusion' | 'twice';

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: 'A PRISMA 2020 box that does not follow from the boxes before it, or reasons for exclusion that do not add up to their box',
    messages: {
      sum: '{{key}} is {{actual}}, but {{expression}} is {{expected}}',
      reasons: '{{key}} is {{actual}}, but its reasons add up to {{expected}} ({{reasons}})',
      notExclusion: '{{key}} lists reasons, but only an excluded box (records_excluded, dbr_excluded, other_excluded …) has reasons for exclusion',
      twice: '{{key}} is given twice; the first (line {{line}}) is used',
    },
  },
  create(context) {
    const boxes = new FlowBoxes();
    return {
      flow(record) {
        const earlier = boxes.add(record);
        const key = record.key;
        if (earlier) {
          context.reportField(record.source, 'key', { messageId: 'twice', data: { key: earlier.key, line: earlier.row.line } });
          return;
        }
        if (key === undefined || !boxes.get(key as FlowKey)) return;
        const box = boxes.get(key as FlowKey);
        if (record.reasons && !isExclusionBox(key as FlowKey)) {
          context.reportField(record.source, 'reasons', { messageId: 'notExclusion', data: { key } });
        } else if (box && record.reasons && record.n && sum(record.reasons) !== record.n.n) {
          const reasons = record.reasons.map((reason) => `${reason.reason} ${reason.n}`).join(' + ');
          context.reportField(record.source, 'n', { messageId: 'reasons', data: { key, actual: record.n.n, expected: sum(record.reasons), reasons }, actual: String(record.n.n), expected: String(sum(record.reasons)) });
        }
      },
      end() {
        for (const rule of FLOW_SUMS) {
          const mismatch = checkSum(boxes, rule);
          if (!mismatch) continue;
          const { box, expected, expression } = mismatch;
          context.reportField(box.row, box.field, { messageId: 'sum', data: { key: box.key, actual: box.n, expression, expected }, actual: String(box.n), expected: String(expected) });
        }
      },
    };
  },
});
