// consistency/p-value: a printed p must be one the contrast's estimate and 95% CI can give (a Wald test), allowing for the rounding of every printed number.
import { normalQuantile, normalTwoSided } from '../../synthesis/distributions.ts';
import { bounds, printed } from '../../normalise/rounding.ts';
import { estimateScale } from '../../synthesis/from-records.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'impossible';

const Z975 = normalQuantile(0.975);
const EPSILON = 1e-12;

/** The lowest and highest two-sided p of a Wald test that any true values within the printed digits give. */
function pRange(record: OutcomeRecord, log: boolean): { low: number; high: number; central: number } {
  const source = record.source;
  const f = log ? (x: number) => Math.log(Math.max(x, 0)) : (x: number) => x;
  const [vMin, vMax] = bounds(printed(record.value!, source.cell('value')?.raw));
  const [lMin, lMax] = bounds(printed(record.ci_low!, source.cell('ci_low')?.raw));
  const [hMin, hMax] = bounds(printed(record.ci_high!, source.cell('ci_high')?.raw));
  const thetaLow = f(vMin);
  const thetaHigh = f(vMax);
  const nearest = thetaLow > 0 ? thetaLow : thetaHigh < 0 ? -thetaHigh : 0;
  const farthest = Math.max(Math.abs(thetaLow), Math.abs(thetaHigh));
  const seMin = Math.max(f(hMin) - f(lMax), 0) / (2 * Z975);
  const seMax = (f(hMax) - f(lMin)) / (2 * Z975);
  const central = normalTwoSided(f(record.value!) / ((f(record.ci_high!) - f(record.ci_low!)) / (2 * Z975)));
  return { low: seMin > 0 ? normalTwoSided(farthest / seMin) : 0, high: normalTwoSided(nearest / seMax), central };
}

/** The p-values the printed one stands for: `0.04` is 0.035–0.045, `<0.001` is below 0.001. */
function printedRange(record: OutcomeRecord): [number, number] {
  const p = record.p!;
  if (p.relation === '<' || p.relation === '<=') return [0, p.value];
  if (p.relation === '>' || p.relation === '>=') return [p.value, 1];
  const half = 0.5 * 10 ** -p.decimals;
  return [Math.max(0, p.value - half), Math.min(1, p.value + half)];
}

function shownP(p: number): string {
  return p < 0.001 ? '< 0.001' : Number(p.toPrecision(2)).toString();
}

function check(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const { value, ci_low: low, ci_high: high, p } = record;
  if (value === undefined || low === undefined || high === undefined || p === undefined) return;
  if (!(low < high) || value < low || value > high) return;
  const scale = estimateScale(record.measure);
  if (scale === undefined || (scale === 'log' && !(low > 0))) return;
  const computed = pRange(record, scale === 'log');
  const [printedLow, printedHigh] = printedRange(record);
  if (computed.high >= printedLow * (1 - EPSILON) && computed.low <= printedHigh * (1 + EPSILON)) return;
  const cell = (name: string) => record.source.cell(name)?.raw.trim() ?? '';
  context.reportField(record.source, 'p', {
    messageId: 'impossible',
    data: { p: cell('p'), measure: record.measure ?? '', value: cell('value'), low: cell('ci_low'), high: cell('ci_high'), computed: shownP(computed.central) },
    actual: cell('p'),
    expected: shownP(computed.central),
  });
}

export default defineRule<MessageId>({
  meta: {
    severity: 'warning',
    description: 'A printed p that the estimate and its CI cannot give, allowing for rounding',
    messages: {
      impossible: 'p {{p}} cannot come from {{measure}} {{value}} (95% CI {{low}} to {{high}}), which gives p {{computed}}',
    },
  },
  create(context) {
    return { outcome: (record) => check(context, record) };
  },
});
