// Tests for number formatting in rendered text: the decimals a value was written with, and remembered formatting that never mixes decimals up.
import { describe, expect, it } from 'vitest';
import { decimalsOf, formatNumber, numberFormatter } from '../../pipeline/render/format.ts';

describe('decimalsOf', () => {
  // What the function replaced: the digits after the first point that has digits after it.
  const byPattern = (raw: string): number => /[.．](\d+)/.exec(raw)?.[1]?.length ?? 0;

  it('counts the digits after the point, ASCII or full-width, as written', () => {
    expect(decimalsOf('-10.0')).toBe(1);
    expect(decimalsOf('３．２５')).toBe(0); // full-width digits are not ASCII digits
    expect(decimalsOf('3．25')).toBe(2);
    expect(decimalsOf('14')).toBe(0);
    expect(decimalsOf(undefined)).toBeUndefined();
  });

  it('applies an exponent: 9.2e1 is printed as 92, 1.2E-05 as 0.000012 (not 92.0 and 0.0)', () => {
    expect(decimalsOf('9.2e1')).toBe(0);
    expect(decimalsOf('1.2E-05')).toBe(6);
    expect(formatNumber(92, decimalsOf('9.2e1'))).toBe('92');
    expect(formatNumber(0.000012, decimalsOf('1.2E-05'))).toBe('0.000012');
  });

  it('reads every text as the pattern it replaced', () => {
    const texts = ['', '.', '1.', '.5', '1..5', '1.2.34', '1.x5', 'about 24.50', '−3.30', '12.', '0.000', '1．', '．7', 'a.b.12', '1e.5', '.．3', '5. 3', '1.٣'];
    for (const text of texts) expect([text, decimalsOf(text)]).toEqual([text, byPattern(text)]);
  });
});

describe('numberFormatter', () => {
  it('gives what formatNumber gives, with the suffix', () => {
    const format = numberFormatter();
    const percent = numberFormatter('%');
    const values = [0, -0, 1, -1, 84.7, -3.3, 0.05, -0.04, 1 / 3, 1234.5678, 1e21, Number.NaN];
    for (const decimals of [undefined, 0, 1, 2, 3]) {
      // Twice, so that the second answer comes from memory.
      for (const round of [1, 2]) {
        for (const value of values) {
          expect([round, value, decimals, format(value, decimals)]).toEqual([round, value, decimals, formatNumber(value, decimals)]);
          expect(percent(value, decimals)).toBe(`${formatNumber(value, decimals)}%`);
        }
      }
    }
  });

  it('keeps one value written with different decimals apart', () => {
    const format = numberFormatter();
    expect([format(-10, 1), format(-10, 0), format(-10), format(-10, 2), format(-10, 1)]).toEqual(['\u221210.0', '\u221210', '\u221210', '\u221210.00', '\u221210.0']);
  });
});
