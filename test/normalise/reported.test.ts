// Tests for reading counts as papers print them: "14 (56%)", "14/25", "14 例（56%）".
import { describe, expect, it } from 'vitest';
import { parseReportedCount } from '../../pipeline/normalise/reported.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

describe('parseReportedCount', () => {
  it.each([
    ['14 (56%)', { count: 14, percent: { value: 56, decimals: 0 } }],
    ['14 (56.0%)', { count: 14, percent: { value: 56, decimals: 1 } }],
    ['14/25 (56%)', { count: 14, denominator: 25, percent: { value: 56, decimals: 0 } }],
    ['14 / 25 (56%)', { count: 14, denominator: 25, percent: { value: 56, decimals: 0 } }],
    ['14 of 25 (56%)', { count: 14, denominator: 25, percent: { value: 56, decimals: 0 } }],
    ['14/25', { count: 14, denominator: 25 }],
    ['14 例(56%)', { count: 14, percent: { value: 56, decimals: 0 } }],
    ['14（56%）', { count: 14, percent: { value: 56, decimals: 0 } }],
    ['１４（５６％）', { count: 14, percent: { value: 56, decimals: 0 } }],
    ['14', { count: 14 }],
    ['14 patients', { count: 14 }],
    ['14 (56.0)', { count: 14, percent: { value: 56, decimals: 1 } }],
  ])('reads %j', (raw, value) => {
    expect(parseReportedCount(raw)).toEqual({ ok: true, value });
  });

  it('leaves agreement between count, denominator and percent to later checks', () => {
    expect(parseReportedCount('30/25 (10%)')).toEqual({
      ok: true,
      value: { count: 30, denominator: 25, percent: { value: 10, decimals: 0 } },
    });
  });

  it.each([
    ['56%', "'56%' has no count; expected a count such as '14 (56%)'"],
    ['(56%)', "'(56%)' has no count; expected a count such as '14 (56%)'"],
    ['1/2/3', "'1/2/3' has more than one denominator; expected e.g. '14/25 (56%)'"],
    ['-1 (5%)', '-1 is negative; a count is 0 or more'],
    ['14 (156%)', '156% is out of range; a percent is 0–100'],
    ['few', "'few' is not a number"],
  ])('rejects %j', (raw, reason) => {
    expect(parseReportedCount(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseReportedCount on long and adversarial text', () => {
  // DENOMINATOR_SEPARATOR (/\s*(?:\/|of)\s*/), COUNT_NOUN (/\s*(?:例|patients?…)$/) and the percent sign were quadratic over runs of spaces.
  it.each([
    ['spaces before "of"', adversarial('14', ' ', 'of 25', 1_000), { ok: true, value: { count: 14, denominator: 25 } }],
    ['spaces before a count noun', adversarial('14', ' ', 'patients', 1_000), { ok: true, value: { count: 14 } }],
    ['spaces before "%"', `14 (${adversarial('56', ' ', '%)', 996)}`, { ok: true, value: { count: 14, percent: { value: 56, decimals: 0 } } }],
    ['spaces before stray text', adversarial('14', ' ', 'x', 1_000), { ok: false }],
    ['spaces between two words', adversarial('a', ' ', 'b', 1_000), { ok: false }],
  ])('reads %s within the budget', (_, input, expected) => {
    const { result, ms } = timed(parseReportedCount, input);
    expect(result).toMatchObject(expected);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses text over 1,000 characters unread', () => {
    expect(parseReportedCount(adversarial('14', ' ', 'x', 20_000))).toEqual({
      ok: false,
      reason: "'14                  …' is 20000 characters long; a reported count is a few characters, such as '14/25 (56%)'",
    });
  });
});
