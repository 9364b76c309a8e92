// Tests for the number parsers: what papers print, and what must be refused.
import { describe, expect, it } from 'vitest';
import {
  decimalPlaces,
  foldFullWidth,
  parseCount,
  parseInteger,
  parseNumber,
  parsePercent,
  parseYear,
} from '../../pipeline/normalise/number.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['  42  ', 42],
    ['-3.5', -3.5],
    ['+4', 4],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1,234', 1234],
    ['1 234', 1234],
    ['1,234,567.5', 1234567.5],
    ['１２３４', 1234],
    ['－３．５', -3.5],
    ['＋７', 7],
    ['−2', -2],
    ['–3.3', -3.3],
    ['-0.0', 0],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', "'abc' is not a number"],
    ['十二', "'十二' is not a number"],
    ['', 'empty text is not a number'],
    ['NaN', "'NaN' is not a finite number"],
    ['Infinity', "'Infinity' is not a finite number"],
    ['-Infinity', "'-Infinity' is not a finite number"],
    ['1e309', '1e309 is beyond the range of a finite number'],
    ['0x1F', "'0x1F' is hexadecimal; expected a decimal number"],
    ['3 4', "'3 4' holds more than one number"],
    ['1,23', "'1,23' is ambiguous: group thousands in threes (1,234) and use '.' for decimals"],
    ['1,2345', "'1,2345' is ambiguous: group thousands in threes (1,234) and use '.' for decimals"],
    ['1.2.3', "'1.2.3' is not a number"],
    ['.', "'.' is not a number"],
    ['- 3', "'- 3' is not a number"],
  ])('rejects %j', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason });
  });

  it('treats an en dash as minus only at the start', () => {
    expect(parseNumber('1–2').ok).toBe(false);
  });

  it('reads an exponent exactly, and refuses a nonzero number too small to hold rather than reading it as 0', () => {
    expect(parseNumber('9.2e1')).toEqual({ ok: true, value: 92 });
    expect(parseNumber('1.2E-05')).toEqual({ ok: true, value: 0.000012 });
    expect(parseNumber('0e-400')).toEqual({ ok: true, value: 0 });
    expect(parseNumber('1e-400')).toEqual({ ok: false, reason: "'1e-400' is too small to be held exactly; write it as a decimal" });
    expect(parseNumber('-2.5e-330')).toEqual({ ok: false, reason: "'-2.5e-330' is too small to be held exactly; write it as a decimal" });
    // toFixed prints at most 100 decimals: a value that would need more is refused, not printed wrong.
    expect(parseNumber('1e-150')).toEqual({ ok: false, reason: "'1e-150' has more than 100 decimals once its exponent is applied; write it as a decimal" });
    expect(parsePercent('5.6e1')).toEqual({ ok: true, value: { value: 56, decimals: 0 } });
  });
});

describe('decimalPlaces', () => {
  it.each([
    ['56', 0],
    ['56.0', 1],
    ['14.80', 2],
    ['５６．００', 2],
    ['1,234.5', 1],
    // An exponent is applied: the decimals are those of the number it stands for.
    ['1.50e3', 0],
    ['9.2e1', 0],
    ['1.2E-05', 6],
    ['5.6e1%', 0],
    ['56.0%', 1],
    ['abc', 0],
  ])('%j has %d', (raw, decimals) => {
    expect(decimalPlaces(raw)).toBe(decimals);
  });
});

describe('parseInteger and parseCount', () => {
  it('accepts whole numbers, however written', () => {
    expect(parseInteger('-12')).toEqual({ ok: true, value: -12 });
    expect(parseInteger('2.0')).toEqual({ ok: true, value: 2 });
    expect(parseCount('1,024')).toEqual({ ok: true, value: 1024 });
    expect(parseCount('０')).toEqual({ ok: true, value: 0 });
  });

  it('rejects fractions, negatives and numbers too large to hold exactly', () => {
    expect(parseInteger('2.5')).toEqual({ ok: false, reason: '2.5 is not a whole number' });
    expect(parseCount('2.5')).toEqual({ ok: false, reason: '2.5 is not a whole number' });
    expect(parseCount('-3')).toEqual({ ok: false, reason: '-3 is negative; a count is 0 or more' });
    expect(parseInteger('1e20')).toEqual({ ok: false, reason: '1e20 is too large to be held exactly' });
    expect(parseCount('many')).toEqual({ ok: false, reason: "'many' is not a number" });
  });
});

describe('parseYear', () => {
  it('accepts 1800 to 2100', () => {
    expect(parseYear('2020')).toEqual({ ok: true, value: 2020 });
    expect(parseYear('1800')).toEqual({ ok: true, value: 1800 });
    expect(parseYear('２１００')).toEqual({ ok: true, value: 2100 });
  });

  it('says a year outside that is out of range', () => {
    expect(parseYear('3024')).toEqual({ ok: false, reason: '3024 is out of range; a year is 1800–2100' });
    expect(parseYear('1799')).toEqual({ ok: false, reason: '1799 is out of range; a year is 1800–2100' });
    expect(parseYear('2020.5')).toEqual({ ok: false, reason: '2020.5 is not a whole number' });
  });
});

describe('parsePercent', () => {
  it.each([
    ['56', 56, 0],
    ['56%', 56, 0],
    ['56.0 %', 56, 1],
    ['５６％', 56, 0],
    ['14.80%', 14.8, 2],
    ['0', 0, 0],
    ['100.0%', 100, 1],
  ])('reads %j', (raw, value, decimals) => {
    expect(parsePercent(raw)).toEqual({ ok: true, value: { value, decimals } });
  });

  it('rejects values outside 0–100', () => {
    expect(parsePercent('200%')).toEqual({ ok: false, reason: '200% is out of range; a percent is 0–100' });
    expect(parsePercent('-1%')).toEqual({ ok: false, reason: '-1% is out of range; a percent is 0–100' });
  });

  it('rejects text that is not a number', () => {
    expect(parsePercent('%')).toEqual({ ok: false, reason: "'%' is not a number" });
    expect(parsePercent('high%')).toEqual({ ok: false, reason: "'high%' is not a number" });
  });
});

describe('foldFullWidth', () => {
  it('folds full-width forms, the minus sign and odd spaces, and leaves ASCII alone', () => {
    expect(foldFullWidth('（１２．５％）')).toBe('(12.5%)');
    expect(foldFullWidth('−3\u00a0000')).toBe('-3 000');
    const ascii = 'plain 12.5';
    expect(foldFullWidth(ascii)).toBe(ascii);
  });
});

describe('long and adversarial text', () => {
  it('strips a percent sign without backtracking over a run of spaces (was /\\s*%$/, quadratic)', () => {
    // decimalPlaces has no length guard, so 20,000 characters reach the code that replaced the pattern.
    const noSign = timed(decimalPlaces, adversarial('1', ' ', 'x', 20_000));
    expect(noSign.result).toBe(0);
    expect(noSign.ms).toBeLessThan(BUDGET_MS);
    const sign = timed(decimalPlaces, adversarial('1.50', '\t', '%', 20_000));
    expect(sign.result).toBe(2);
    expect(sign.ms).toBeLessThan(BUDGET_MS);
  });

  it('reads a percent up to the 1,000-character bound, spaces and all', () => {
    const spaced = timed(parsePercent, adversarial('56.0', ' ', '%', 1_000));
    expect(spaced.result).toEqual({ ok: true, value: { value: 56, decimals: 1 } });
    expect(spaced.ms).toBeLessThan(BUDGET_MS);
    const input = adversarial('1', ' ', '1x', 1_000);
    const stray = timed(parsePercent, input);
    expect(stray.result).toEqual({ ok: false, reason: `'${input}' is not a number` });
    expect(stray.ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses text over 1,000 characters unread, quoting its first 20', () => {
    const long = '1234567890'.repeat(2_000);
    const start = "'12345678901234567890…' is 20000 characters long";
    expect(parsePercent(long)).toEqual({ ok: false, reason: `${start}; a percent is a few characters` });
    expect(parseNumber(long)).toEqual({ ok: false, reason: `${start}; a number is a few characters` });
    expect(parseInteger(long)).toEqual({ ok: false, reason: `${start}; a whole number is a few characters` });
    expect(parseCount(long)).toEqual({ ok: false, reason: `${start}; a count is a few characters` });
    expect(parseYear(long)).toEqual({ ok: false, reason: `${start}; a year is four digits` });
    expect(timed(parsePercent, adversarial('1', ' ', 'x', 20_000)).ms).toBeLessThan(BUDGET_MS);
    expect(parseNumber(`${' '.repeat(998)}42`)).toEqual({ ok: true, value: 42 });
    expect(parseNumber(`${' '.repeat(999)}42`)).toMatchObject({ ok: false, reason: expect.stringContaining('is 1001 characters long') });
  });
});
