// consistency/ci-contains-estimate: an estimate must lie inside its own confidence interval, and the interval's low bound must not exceed its high one.
import { decimalPlaces } from '../../normalise/number.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'swapped' | 'outside';

type NumberField = 'value' | 'ci_low' | 'ci_high';

/** A number of the row, the decimals its cell was written with, and how to show it. */
interface WrittenValue {
  value: number;
  decimals: number;
  /** In ASCII and with its written decimals: -10.0 stays -10.0 rather than becoming -10. */
  text: string;
}

const EXPONENT = /e/i;

function written(record: OutcomeRecord, field: NumberField, value: number): WrittenValue {
  const raw = record.source.cell(field)?.raw ?? '';
  const decimals = decimalPlaces(raw);
  // 1.5e-3 has one written decimal but means 0.0015: show the number itself.
  const text = EXPONENT.test(raw) ? String(value) : value.toFixed(Math.min(decimals, 20));
  return { value, decimals, text };
}

/**
 * How far the estimate may stray past a bound and still be consistent with it. Written to the same
 * decimals, rounding keeps their order, so no slack is due; written to different decimals (1.3 and
 * 1.31), the coarser one hides up to half of its last unit.
 */
function roundingSlack(estimate: WrittenValue, bound: WrittenValue): number {
  if (estimate.decimals === bound.decimals) return 0;
  return 0.5 * 10 ** -Math.min(estimate.decimals, bound.decimals);
}

// Decimal text read into binary floats: this absorbs the representation error only.
const EPSILON = 1e-9;

function isOutside(estimate: WrittenValue, low: WrittenValue, high: WrittenValue): boolean {
  const belowLow = low.value - estimate.value > roundingSlack(estimate, low) + EPSILON;
  const aboveHigh = estimate.value - high.value > roundingSlack(estimate, high) + EPSILON;
  return belowLow || aboveHigh;
}

function checkInterval(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const { value, ci_low: lowValue, ci_high: highValue } = record;
  // One bound alone is no interval to test against.
  if (lowValue === undefined || highValue === undefined) return;
  // The written forms cost a parse each, so they are read only for a row that may be reported.
  if (lowValue > highValue) {
    const low = written(record, 'ci_low', lowValue);
    const high = written(record, 'ci_high', highValue);
    context.reportField(record.source, 'ci_low', {
      messageId: 'swapped',
      data: { low: low.text, high: high.text },
      actual: `${low.text} to ${high.text}`,
      expected: `${high.text} to ${low.text}`,
    });
    return;
  }
  if (value === undefined || (value >= lowValue && value <= highValue)) return;
  const estimate = written(record, 'value', value);
  const low = written(record, 'ci_low', lowValue);
  const high = written(record, 'ci_high', highValue);
  if (!isOutside(estimate, low, high)) return;
  context.reportField(record.source, 'value', {
    messageId: 'outside',
    data: { value: estimate.text, low: low.text, high: high.text },
    actual: estimate.text,
    expected: `${low.text} to ${high.text}`,
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: 'An estimate outside its own confidence interval, or a low bound above the high one',
    messages: {
      swapped: 'ci_low {{low}} is above ci_high {{high}}; the bounds seem swapped',
      outside: 'value {{value}} lies outside its 95% CI {{low}} to {{high}}',
    },
  },
  create(context) {
    return {
      outcome: (record) => checkInterval(context, record),
    };
  },
});
