// Tests for reading dosing regimens in English and Chinese, and writing them back canonically.
import { describe, expect, it } from 'vitest';
import { formatRegimen, parseRegimen } from '../../pipeline/normalise/regimen.ts';
import type { Regimen } from '../../pipeline/normalise/regimen.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

const mg = (amount: number) => ({ amount, unit: 'mg' as const });
const mgPerKg = (amount: number) => ({ amount, unit: 'mg/kg' as const });

describe('parseRegimen', () => {
  it.each<[string, Regimen]>([
    ['TCZ 162 mg SC qw', { drug: 'TCZ', doses: [mg(162)], route: 'SC', interval: { every: 1, unit: 'week' } }],
    ['162 mg SC q2w', { doses: [mg(162)], route: 'SC', interval: { every: 2, unit: 'week' } }],
    ['TCZ 8 mg/kg IV q4w', { drug: 'TCZ', doses: [mgPerKg(8)], route: 'IV', interval: { every: 4, unit: 'week' } }],
    ['每4周静脉注射8 mg/kg', { doses: [mgPerKg(8)], route: 'IV', interval: { every: 4, unit: 'week' } }],
    ['皮下注射 TCZ 162 mg，每2周1次', { drug: 'TCZ', doses: [mg(162)], route: 'SC', interval: { every: 2, unit: 'week' } }],
    ['150 mg bid', { doses: [mg(150)], interval: { every: 1, unit: 'day', timesPer: 2 } }],
    ['150 mg tid', { doses: [mg(150)], interval: { every: 1, unit: 'day', timesPer: 3 } }],
    ['10 mg qd', { doses: [mg(10)], interval: { every: 1, unit: 'day' } }],
    ['5 mg qod', { doses: [mg(5)], interval: { every: 2, unit: 'day' } }],
    ['每日10 mg', { doses: [mg(10)], interval: { every: 1, unit: 'day' } }],
    ['10 mg 每天2次', { doses: [mg(10)], interval: { every: 1, unit: 'day', timesPer: 2 } }],
    ['8 mg/kg IV every 4 weeks', { doses: [mgPerKg(8)], route: 'IV', interval: { every: 4, unit: 'week' } }],
    [
      '2, 4 or 8 mg/kg IV every other week',
      { doses: [mgPerKg(2), mgPerKg(4), mgPerKg(8)], route: 'IV', interval: { every: 2, unit: 'week' } },
    ],
    ['TCZ 162 mg weekly', { drug: 'TCZ', doses: [mg(162)], interval: { every: 1, unit: 'week' } }],
    ['每周皮下注射162 mg', { doses: [mg(162)], route: 'SC', interval: { every: 1, unit: 'week' } }],
    ['162 mg 1次/2周', { doses: [mg(162)], interval: { every: 2, unit: 'week' } }],
    ['托珠单抗 162 mg 皮下注射 每两周', { drug: '托珠单抗', doses: [mg(162)], route: 'SC', interval: { every: 2, unit: 'week' } }],
    ['tocilizumab 8mg/kg i.v. q4wk.', { drug: 'tocilizumab', doses: [mgPerKg(8)], route: 'IV', interval: { every: 4, unit: 'week' } }],
    ['0.5 g PO b.i.d.', { doses: [{ amount: 0.5, unit: 'g' }], route: 'PO', interval: { every: 1, unit: 'day', timesPer: 2 } }],
    ['150 mg twice daily', { doses: [mg(150)], interval: { every: 1, unit: 'day', timesPer: 2 } }],
    ['1,000 mg intravenous', { doses: [mg(1000)], route: 'IV' }],
    ['ivermectin 12 mg oral', { drug: 'ivermectin', doses: [mg(12)], route: 'PO' }],
    ['50 µg 肌注 每月', { doses: [{ amount: 50, unit: 'µg' }], route: 'IM', interval: { every: 1, unit: 'month' } }],
    ['10 ml s.c.', { doses: [{ amount: 10, unit: 'mL' }], route: 'SC' }],
  ])('reads %j', (raw, regimen) => {
    expect(parseRegimen(raw)).toEqual({ ok: true, value: regimen });
  });

  it.each([
    ['TCZ', "'TCZ' has no dose; expected an amount and unit such as '162 mg'"],
    ['as needed', "'as needed' has no dose; expected an amount and unit such as '162 mg'"],
    ['mg SC', "'mg' in 'mg SC' has no amount before it"],
    ['8 IV', "'8' in '8 IV' has no unit (mg, mg/kg, g, µg, IU or mL)"],
    ['IV 8 mg SC', "'IV 8 mg SC' names two routes (IV and SC)"],
    ['8 mg q2w q4w', "'8 mg q2w q4w' gives two different intervals"],
    ['8 mg/kg IV q4w for 24 weeks', "'for' in '8 mg/kg IV q4w for 24 weeks' is not a dose, route or interval"],
    ['8 mg/m2', "'m2' in '8 mg/m2' is not a dose, route or interval"],
    ['150 mg twice', "'150 mg twice' says how many times but not how often (e.g. 'twice daily')"],
    ['150 mg bid 2次', "'150 mg bid 2次' gives more than one frequency"],
  ])('rejects %j', (raw, reason) => {
    expect(parseRegimen(raw)).toEqual({ ok: false, reason });
  });
});

describe('formatRegimen', () => {
  it.each([
    ['162 mg SC qw', '162 mg SC every week'],
    ['每周皮下注射162 mg', '162 mg SC every week'],
    ['TCZ 8 mg/kg IV q4w', 'TCZ 8 mg/kg IV every 4 weeks'],
    ['150 mg bid', '150 mg twice daily'],
    ['150 mg tid', '150 mg 3 times daily'],
    ['10 mg qd', '10 mg once daily'],
    ['2, 4 or 8 mg/kg IV every other week', '2, 4 or 8 mg/kg IV every 2 weeks'],
    ['4 or 8 mg/kg', '4 or 8 mg/kg'],
    ['162 mg twice weekly', '162 mg twice weekly'],
  ])('writes %j as %j', (raw, canonical) => {
    const regimen = parseRegimen(raw);
    expect(regimen.ok && formatRegimen(regimen.value)).toBe(canonical);
  });

  it('lists mixed units dose by dose', () => {
    expect(formatRegimen({ doses: [mgPerKg(8), mg(162)] })).toBe('8 mg/kg or 162 mg');
  });

  it('writes text that parses back to the same regimen', () => {
    for (const raw of ['TCZ 162 mg SC qw', '150 mg tid', '2, 4 or 8 mg/kg IV every other week', '5 mg PO qod', '162 mg twice weekly']) {
      const first = parseRegimen(raw);
      if (!first.ok) throw new Error(first.reason);
      expect(parseRegimen(formatRegimen(first.value))).toEqual(first);
    }
  });
});

describe('parseRegimen on long, adversarial and absurd text', () => {
  const ones = '1'.repeat(400);

  it.each([
    [`${ones} mg`, `'${'1'.repeat(20)}…' in '${'1'.repeat(20)}…' holds a number that is not finite`],
    [`TCZ 8 mg/kg q${ones}w`, `'q${'1'.repeat(19)}…' in 'TCZ 8 mg/kg q1111111…' holds a number that is not finite`],
    [`8 mg ${ones} times daily`, `'${'1'.repeat(20)}…' in '8 mg 111111111111111…' holds a number that is not finite`],
    [`每${ones}周 8 mg`, `'每${'1'.repeat(19)}…' in '每${'1'.repeat(19)}…' holds a number that is not finite`],
    [`8 mg ${ones}次/2周`, `'${'1'.repeat(20)}…' in '8 mg 111111111111111…' holds a number that is not finite`],
  ])('rejects %j: 400 digits are no finite amount, interval or frequency', (raw, reason) => {
    expect(parseRegimen(raw)).toEqual({ ok: false, reason });
  });

  // "每\s*N?\s*个?周" and "N次\s*/\s*N?\s*个?周" had two \s* side by side: quadratic over a run of spaces they fail on.
  it.each([
    ['每', adversarial('8 mg 每', ' ', 'x', 10_000), "'每' in '8 mg 每"],
    ['次/', adversarial('8 mg 1次/', ' ', 'x', 10_000), "'x' in '8 mg 1次/"],
  ])('reads %j and a run of 10,000 spaces within the budget', (_, input, reason) => {
    const { result, ms } = timed(parseRegimen, input);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('still reads a count and unit far apart', () => {
    expect(parseRegimen(adversarial('8 mg 每', ' ', '2 个月', 10_000))).toEqual({ ok: true, value: { doses: [mg(8)], interval: { every: 2, unit: 'month' } } });
    expect(parseRegimen(adversarial('8 mg 1次/', '\u3000', '2周', 10_000))).toEqual({ ok: true, value: { doses: [mg(8)], interval: { every: 2, unit: 'week' } } });
  });

  it('refuses text over 10,000 characters unread', () => {
    const { result, ms } = timed(parseRegimen, adversarial('TCZ 8 mg', ' ', 'x', 10_001));
    expect(result).toEqual({ ok: false, reason: "'TCZ 8 mg            …' is 10001 characters long; a regimen is a few dozen words" });
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
