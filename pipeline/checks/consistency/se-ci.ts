// consistency/se-ci: an SE given with a 95% CI must fit its width (2 × 1.96 × SE, or t for a mean of n patients; log scale for ratios), allowing for rounding.
import { normalQuantile, studentQuantile } from '../../synthesis/distributions.ts';
import { bounds, printed } from '../../normalise/rounding.ts';
import { estimateScale } from '../../synthesis/from-records.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'mismatch';

const Z975 = normalQuantile(0.975);
const EPSILON = 1e-12;

/** The largest critical value a paper may have used: t on n − 1 df for a mean (or n − 2 for a difference of two), else z. */
function widestCritical(record: OutcomeRecord, log: boolean): number {
  if (log || record.n === undefined || record.measure === 'rd') return Z975;
  const df = record.measure === 'md' || record.measure === 'smd' ? record.n - 2 : record.n - 1;
  return df >= 1 ? studentQuantile(0.975, df) : Z975;
}

function check(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const { se, ci_low: low, ci_high: high } = record;
  if (se === undefined || low === undefined || high === undefined || !(low < high)) return;
  const scale = estimateScale(record.measure, true);
  if (scale === undefined || (scale === 'log' && !(low > 0))) return;
  const log = scale === 'log';
  const f = log ? (x: number) => Math.log(Math.max(x, 0)) : (x: number) => x;
  const source = record.source;
  const sePrinted = printed(se, source.cell('se')?.raw);
  const [seMin, seMax] = bounds(sePrinted);
  const [lMin, lMax] = bounds(printed(low, source.cell('ci_low')?.raw));
  const [hMin, hMax] = bounds(printed(high, source.cell('ci_high')?.raw));
  const widthMin = f(hMin) - f(lMax);
  const widthMax = f(hMax) - f(lMin);
  const impliedMin = 2 * Z975 * Math.max(seMin, 0);
  const impliedMax = 2 * widestCritical(record, log) * seMax;
  if (impliedMax >= widthMin * (1 - EPSILON) && impliedMin <= widthMax * (1 + EPSILON)) return;
  const expected = Number(((f(high) - f(low)) / (2 * Z975)).toPrecision(3)).toString();
  const cell = (name: string) => source.cell(name)?.raw.trim() ?? '';
  context.reportField(source, 'se', {
    messageId: 'mismatch',
    data: { se: cell('se'), low: cell('ci_low'), high: cell('ci_high'), scale: log ? ' (log scale)' : '', expected },
    actual: cell('se'),
    expected,
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'An SE and a CI given together that disagree',
    messages: {
      mismatch: 'se {{se}} does not fit the 95% CI {{low}} to {{high}}, which gives se {{expected}}{{scale}}',
    },
  },
  create(context) {
    return { outcome: (record) => check(context, record) };
  },
});
