// consistency/percentage: count / denominator must give the reported percent, allowing only for rounding (a GRIM-style test).
import type { Percent } from '../../normalise/number.ts';
import type { ReportedCount } from '../../normalise/reported.ts';
import type { OutcomeRecord } from '../../schema/tables.ts';
import { defineRule, type RuleContext } from '../types.ts';

type MessageId = 'percent' | 'reportedPercent' | 'reportedCount' | 'reportedDenominator';

// Percents are rebuilt from decimal text in binary floating point; this absorbs the representation error only.
const EPSILON = 1e-9;

/** The exact percentage count / denominator makes (denominator > 0). */
function exactPercent(count: number, denominator: number): number {
  return (100 * count) / denominator;
}

/**
 * Whether `exact` rounds to the percent as written: it must lie within half a unit of the
 * percent's last decimal. Both ends are inclusive, so a tie (12.5 written as 12 or 13) passes
 * whichever way the paper rounded it.
 */
function roundsTo(exact: number, percent: Percent): boolean {
  const halfUnit = 0.5 * 10 ** -percent.decimals;
  return Math.abs(exact - percent.value) <= halfUnit + EPSILON;
}

/** A number rounded to `decimals` places (half up) and printed without float noise: 56, 56.0, 33.3. */
function formatRounded(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  // The nudge keeps 100.49999999999999 (a float's 1.005 × 100) from rounding down.
  return (Math.round(value * scale + EPSILON) / scale).toFixed(decimals);
}

/** A percent as it was written: its value with its own number of decimals. */
function formatPercent(percent: Percent): string {
  return percent.value.toFixed(percent.decimals);
}

function checkPercentColumn(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const { count, denominator, percent } = record;
  if (count === undefined || denominator === undefined || percent === undefined || denominator <= 0) return;
  const exact = exactPercent(count, denominator);
  if (roundsTo(exact, percent)) return;
  const expected = formatRounded(exact, percent.decimals);
  const actual = formatPercent(percent);
  context.reportField(record.source, 'percent', {
    messageId: 'percent',
    data: { count, denominator, exact: expected, percent: actual },
    actual,
    expected,
  });
}

/** The reported text ("14/25 (56%)") must agree with itself and with the count and denominator columns. */
function checkReportedText(context: RuleContext<MessageId>, record: OutcomeRecord): void {
  const parsed = record.reported?.parsed;
  if (record.reported === undefined || parsed === undefined) return;
  checkReportedColumns(context, record, parsed);
  const denominator = parsed.denominator ?? record.denominator;
  const { count, percent } = parsed;
  if (percent === undefined || denominator === undefined || denominator <= 0) return;
  const exact = exactPercent(count, denominator);
  if (roundsTo(exact, percent)) return;
  const expected = formatRounded(exact, percent.decimals);
  context.reportField(record.source, 'reported', {
    messageId: 'reportedPercent',
    data: { reported: record.reported.raw, count, denominator, exact: expected },
    actual: formatPercent(percent),
    expected,
  });
}

function checkReportedColumns(context: RuleContext<MessageId>, record: OutcomeRecord, reported: ReportedCount): void {
  if (record.count !== undefined && reported.count !== record.count) {
    context.reportField(record.source, 'reported', {
      messageId: 'reportedCount',
      data: { reported: reported.count, count: record.count },
      actual: String(reported.count),
      expected: String(record.count),
    });
  }
  // The motivating case: a review quoting a count over the enrolled patients when the paper's denominator was the analysed ones.
  if (record.denominator !== undefined && reported.denominator !== undefined && reported.denominator !== record.denominator) {
    context.reportField(record.source, 'reported', {
      messageId: 'reportedDenominator',
      data: { reported: reported.denominator, denominator: record.denominator },
      actual: String(reported.denominator),
      expected: String(record.denominator),
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    severity: 'error',
    description: 'count / denominator disagrees with the reported percent beyond rounding',
    messages: {
      percent: '{{count}} of {{denominator}} is {{exact}}%, but percent is {{percent}}',
      reportedPercent: 'reported {{reported}}: {{count}} of {{denominator}} is {{exact}}%',
      reportedCount: 'reported count {{reported}} differs from count {{count}}',
      reportedDenominator: 'reported denominator {{reported}} differs from denominator {{denominator}}',
    },
  },
  create(context) {
    return {
      outcome(record) {
        checkPercentColumn(context, record);
        checkReportedText(context, record);
      },
    };
  },
});
