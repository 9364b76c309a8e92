// Tests for reading confidence intervals in the notations papers use.
import { describe, expect, it } from 'vitest';
import { parseInterval } from '../../pipeline/normalise/interval.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

describe('parseInterval', () => {
  it.each([
    ['−10.0 to −6.8', -10, -6.8],
    ['-10.0, -6.8', -10, -6.8],
    ['-10.0,-6.8', -10, -6.8],
    ['(−10.0, −6.8)', -10, -6.8],
    ['[−10.0; −6.8]', -10, -6.8],
    ['−10.0~−6.8', -10, -6.8],
    ['−10.0 ~ −6.8', -10, -6.8],
    ['−10.0 至 −6.8', -10, -6.8],
    ['-2.4 to 1.3', -2.4, 1.3],
    ['1.2–3.4', 1.2, 3.4],
    ['1.2-3.4', 1.2, 3.4],
    ['1.2 - 3.4', 1.2, 3.4],
    ['-10--6', -10, -6],
    ['−10.0–−6.8', -10, -6.8],
    ['95% CI −10.0 to −6.8', -10, -6.8],
    ['95%CI −10.0 to −6.8', -10, -6.8],
    ['95% CI: (1.2, 3.4)', 1.2, 3.4],
    ['（１．２，３．４）', 1.2, 3.4],
    ['1,234 to 2,345', 1234, 2345],
  ])('reads %j', (raw, low, high) => {
    expect(parseInterval(raw)).toEqual({ ok: true, value: { low, high } });
  });

  it('returns the bounds as written, even when reversed', () => {
    expect(parseInterval('3.4 to 1.2')).toEqual({ ok: true, value: { low: 3.4, high: 1.2 } });
  });

  it.each([
    ['3.4', "'3.4' has one number; an interval has two (low to high)"],
    ['abc', "'abc' is not an interval; expected 'low to high'"],
    ['1 to 2 to 3', "'1 to 2 to 3' is not an interval; expected 'low to high'"],
    ['1 to', "'1 to' is not an interval; expected 'low to high'"],
    ['1.2 -3.4', "'1.2 -3.4' is ambiguous: write the range as 'low to high'"],
    ['1.2 3.4', "'1.2 3.4' is not an interval; expected 'low to high'"],
  ])('rejects %j', (raw, reason) => {
    expect(parseInterval(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseInterval on long and adversarial text', () => {
  it('unwraps brackets without backtracking (was /^[([]\\s*(.*?)\\s*[)\\]]$/s, cubic: 1,000 spaces took over a second)', () => {
    const input = adversarial('(', ' ', 'x', 1_000);
    const stray = timed(parseInterval, input);
    expect(stray.result).toEqual({ ok: false, reason: `'${input}' is not an interval; expected 'low to high'` });
    expect(stray.ms).toBeLessThan(BUDGET_MS);
    const padded = timed(parseInterval, `[${' '.repeat(400)}1.2, 3.4${'\t'.repeat(400)}]`);
    expect(padded.result).toEqual({ ok: true, value: { low: 1.2, high: 3.4 } });
    expect(padded.ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses text over 1,000 characters unread', () => {
    const { result, ms } = timed(parseInterval, adversarial('(', ' ', 'x', 20_000));
    expect(result).toEqual({ ok: false, reason: "'(                   …' is 20000 characters long; an interval is a few characters, such as (1.2, 3.4)" });
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
