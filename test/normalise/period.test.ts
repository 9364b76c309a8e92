// Tests for reading recruitment periods: the length guard (the patterns themselves are covered by the property tests).
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipeline/normalise/period.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

describe('parsePeriod', () => {
  it.each([
    ['2010-2018', 2010, 2018],
    ['2015.01–2017.06', 2015, 2017],
    ['2012 至 2016', 2012, 2016],
    ['2019', 2019, 2019],
  ])('reads %j', (raw, from, to) => {
    expect(parsePeriod(raw)).toEqual({ ok: true, value: { from, to } });
  });

  it('refuses text over 1,000 characters unread', () => {
    const { result, ms } = timed(parsePeriod, adversarial('2010', ' ', '-2018', 20_000));
    expect(result).toEqual({ ok: false, reason: "'2010                …' is 20000 characters long; a period is a few characters, such as 2010-2018" });
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(parsePeriod(adversarial('2010', ' ', '-2018', 1_000))).toEqual({ ok: true, value: { from: 2010, to: 2018 } });
  });
});
