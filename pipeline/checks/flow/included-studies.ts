// flow/included-studies: the studies and reports the flow includes differ from studies.csv, or previous + new ≠ total.
import { checkSum, FlowBoxes, type FlowBox, type FlowSum } from '../../appraisal/flow.ts';
import type { FlowKey } from '../../normalise/flow.ts';
import { defineRule } from '../types.ts';

type MessageId = 'sum' | 'studies' | 'reports';

/** What the flow includes of one unit (studies or reports): its boxes, and how studies.csv counts it. */
const UNITS = [
  { unit: 'studies', previous: 'previous_studies', added: 'new_studies', total: 'total_studies' },
  { unit: 'reports', previous: 'previous_reports', added: 'new_reports', total: 'total_reports' },
] as const satisfies readonly { unit: MessageId; previous: FlowKey; added: FlowKey; total: FlowKey }[];

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: "The flow's included studies or reports differ from studies.csv, or previous + new is not the total",
    messages: {
      sum: '{{key}} is {{actual}}, but {{expression}} is {{expected}}',
      studies: 'the flow includes {{actual}} studies ({{key}}), but studies.csv has {{expected}}',
      reports: 'the flow includes {{actual}} reports ({{key}}), but the studies of studies.csv have {{expected}} (the distinct ids of their reference_id)',
    },
  },
  create(context) {
    const boxes = new FlowBoxes();
    return {
      flow: (record) => void boxes.add(record),
      end() {
        if (boxes.size === 0) return;
        const studies = [...context.index.studies.values()];
        // A study whose reference_id did not validate has no known reports: counting them would be wrong.
        const reports = studies.some((study) => study.referenceIds.length === 0) ? undefined : new Set(studies.flatMap((study) => study.referenceIds)).size;
        const counts: Record<MessageId & ('studies' | 'reports'), number | undefined> = { studies: studies.length, reports };
        for (const { unit, previous, added, total } of UNITS) {
          const rule: FlowSum = { target: total, plus: [previous, added], minus: [], checkable: (has) => has(added) };
          const mismatch = checkSum(boxes, rule);
          if (mismatch) {
            const { box, expected, expression } = mismatch;
            context.reportField(box.row, box.field, { messageId: 'sum', data: { key: box.key, actual: box.n, expression, expected }, actual: String(box.n), expected: String(expected) });
            continue;
          }
          const included = includedBox(boxes.get(total), boxes.get(added), boxes.get(previous));
          const expected = counts[unit];
          if (!included || expected === undefined || included.n === expected) continue;
          const { box, n, key } = included;
          context.reportField(box.row, box.field, { messageId: unit, data: { key, actual: n, expected }, actual: String(n), expected: String(expected) });
        }
      },
    };
  },
});

/** The box that states how many the review includes: the total, else the new ones (plus the previous version's). */
function includedBox(total: FlowBox | undefined, added: FlowBox | undefined, previous: FlowBox | undefined): { box: FlowBox; n: number; key: string } | undefined {
  if (total) return { box: total, n: total.n, key: total.key };
  if (added && previous) return { box: added, n: added.n + previous.n, key: `${previous.key} + ${added.key}` };
  if (added) return { box: added, n: added.n, key: added.key };
  return undefined;
}
