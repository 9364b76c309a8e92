// Tests for reading durations and timepoints into weeks.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../pipeline/normalise/duration.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

const WEEKS_PER_MONTH = 365.25 / 12 / 7;
const WEEKS_PER_YEAR = 365.25 / 7;

describe('parseDuration', () => {
  it.each([
    ['30 个月', 30, 'month'],
    ['30个月', 30, 'month'],
    ['96 weeks', 96, 'week'],
    ['week 96', 96, 'week'],
    ['Week 96', 96, 'week'],
    ['wk 48', 48, 'week'],
    ['52 周', 52, 'week'],
    ['第96周', 96, 'week'],
    ['4周', 4, 'week'],
    ['6 months', 6, 'month'],
    ['6 mo', 6, 'month'],
    ['1 year', 1, 'year'],
    ['2 年', 2, 'year'],
    ['14 days', 14, 'day'],
    ['3 天', 3, 'day'],
    ['12 wk', 12, 'week'],
    ['mean 30 months', 30, 'month'],
    ['median: 30 months', 30, 'month'],
    ['平均30个月', 30, 'month'],
    ['30 months (mean)', 30, 'month'],
    ['２４ weeks', 24, 'week'],
  ] as const)('reads %j', (raw, amount, unit) => {
    const result = parseDuration(raw);
    expect(result.ok && { amount: result.value.amount, unit: result.value.unit }).toEqual({ amount, unit });
  });

  it('converts to weeks at full precision', () => {
    expect(parseDuration('96 weeks')).toEqual({ ok: true, value: { weeks: 96, amount: 96, unit: 'week' } });
    expect(parseDuration('14 days')).toEqual({ ok: true, value: { weeks: 2, amount: 14, unit: 'day' } });
    expect(parseDuration('3 天')).toEqual({ ok: true, value: { weeks: 3 / 7, amount: 3, unit: 'day' } });
    expect(parseDuration('6 months')).toEqual({ ok: true, value: { weeks: (6 * 365.25) / 12 / 7, amount: 6, unit: 'month' } });
    const thirtyMonths = parseDuration('30 个月');
    expect(thirtyMonths.ok && thirtyMonths.value.weeks).toBeCloseTo(30 * WEEKS_PER_MONTH, 12);
    const twoYears = parseDuration('2 年');
    expect(twoYears.ok && twoYears.value.weeks).toBeCloseTo(2 * WEEKS_PER_YEAR, 12);
  });

  it.each(['baseline', 'January 2020', 'soon', '6月', '12-24 weeks', 'week', '96'])('rejects %j', (raw) => {
    expect(parseDuration(raw)).toEqual({
      ok: false,
      reason: `'${raw}' is not a duration; expected e.g. '96 weeks', 'week 96' or '30 个月'`,
    });
  });
});

describe('parseDuration on long, adversarial and absurd text', () => {
  it('drops a qualifier after a run of spaces without backtracking (was /\\s*\\((?:mean|…)\\)$/, quadratic)', () => {
    const qualified = timed(parseDuration, adversarial('30 months', ' ', '(mean)', 1_000));
    expect(qualified.result).toMatchObject({ ok: true, value: { amount: 30, unit: 'month' } });
    expect(qualified.ms).toBeLessThan(BUDGET_MS);
    const stray = timed(parseDuration, adversarial('a', ' ', 'b', 1_000));
    expect(stray.result.ok).toBe(false);
    expect(stray.ms).toBeLessThan(BUDGET_MS);
  });

  it('reads a qualifier after a colon as before', () => {
    expect(parseDuration('median :  30 months')).toMatchObject({ ok: true, value: { amount: 30, unit: 'month' } });
  });

  it('rejects an amount that is not a finite number, in its unit or in weeks', () => {
    expect(parseDuration(`${'1'.repeat(400)} weeks`)).toEqual({
      ok: false,
      reason: "'11111111111111111111…' is not a duration: its amount is not a finite number",
    });
    expect(parseDuration(`${'1'.repeat(309)} years`)).toEqual({
      ok: false,
      reason: "'11111111111111111111…' is not a duration: its amount is too large to give a finite number of weeks",
    });
  });

  it('refuses text over 1,000 characters unread', () => {
    expect(parseDuration(adversarial('a', ' ', 'b', 20_000))).toEqual({
      ok: false,
      reason: "'a                   …' is 20000 characters long; a duration is a few characters, such as '96 weeks'",
    });
  });
});
