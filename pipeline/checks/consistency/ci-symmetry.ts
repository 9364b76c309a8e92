// consistency/ci-symmetry: a contrast's or a mean's estimate should sit in the middle of its 95% CI (on the log scale for ratios), allowing for the printed digits.
import { bounds, printed, type Printed } from '../../normalise/rounding.ts';
import { estimateScale } from '../../synthesis/from-records.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'offCentre';

// Decimal text read into binary floats: this absorbs the representation error only.
const EPSILON = 1e-12;

/**
 * Whether some true values within the rounding of the printed ones put the estimate at the centre:
 * f(high) + f(low) − 2 f(value) can be 0 for some point of the rounding box.
 */
function canBeCentred(value: Printed, low: Printed, high: Printed, f: (x: number) => number): boolean {
  const [vMin, vMax] = bounds(value);
  const [lMin, lMax] = bounds(low);
  const [hMin, hMax] = bounds(high);
  const least = f(hMin) + f(lMin) - 2 * f(vMax);
  const most = f(hMax) + f(lMax) - 2 * f(vMin);
  return least <= EPSILON && most >= -EPSILON;
}

function check(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const { value, ci_low: lowValue, ci_high: highValue } = record;
  if (value === undefined || lowValue === undefined || highValue === undefined) return;
  // Outside or inverted intervals are consistency/ci-contains-estimate's.
  if (!(lowValue < highValue) || value < lowValue || value > highValue) return;
  const scale = estimateScale(record.measure, true);
  if (scale === undefined) return;
  if (scale === 'log' && !(lowValue > 0)) return;
  const source = record.source;
  const v = printed(value, source.cell('value')?.raw);
  const low = printed(lowValue, source.cell('ci_low')?.raw);
  const high = printed(highValue, source.cell('ci_high')?.raw);
  // A ratio's printed 0.00 may stand for anything down to 0: its log then reaches −∞, never NaN.
  const f = scale === 'log' ? (x: number) => Math.log(Math.max(x, 0)) : (x: number) => x;
  if (canBeCentred(v, low, high, f)) return;
  const centre = scale === 'log' ? Math.sqrt(lowValue * highValue) : (lowValue + highValue) / 2;
  const expected = centre.toFixed(Math.min(Math.max(v.decimals, 1), 20));
  context.reportField(source, 'value', {
    messageId: 'offCentre',
    data: { measure: record.measure ?? '', value: v.text, low: low.text, high: high.text, scale: scale === 'log' ? ' on the log scale' : '', centre: expected },
    actual: v.text,
    expected,
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'An estimate not centred in its 95% CI (log scale for ratios) beyond the rounding of the printed digits',
    messages: {
      offCentre: '{{measure}} {{value}} is not centred in its 95% CI {{low}} to {{high}}{{scale}}; the centre is {{centre}}',
    },
  },
  create(context) {
    return { outcome: (record) => check(context, record) };
  },
});
