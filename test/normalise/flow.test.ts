// Tests of the PRISMA 2020 box keys, reasons for exclusion and box numbers as flow.csv and the PRISMA2020 template write them.
import { describe, expect, it } from 'vitest';
import { parseFlowCount, parseFlowKey, parseReasons } from '../../pipeline/normalise/flow.ts';

describe('parseReasons', () => {
  it('reads `Reason, n` items in English and Chinese punctuation, thousands included', () => {
    expect(parseReasons('Wrong population, 1,234; Wrong design: 35；No control 2')).toEqual({
      ok: true,
      value: [{ reason: 'Wrong population', n: 1234 }, { reason: 'Wrong design', n: 35 }, { reason: 'No control', n: 2 }],
    });
    expect(parseReasons('人群不符，20；设计不符：10')).toEqual({ ok: true, value: [{ reason: '人群不符', n: 20 }, { reason: '设计不符', n: 10 }] });
  });

  it('refuses an item without its number, or a number alone', () => {
    expect(parseReasons('Reason1, xxx').ok).toBe(false);
    expect(parseReasons(', 40').ok).toBe(false);
  });

  it('bounds the number of reasons', () => {
    expect(parseReasons(Array.from({ length: 201 }, (_, i) => `r${i}, 1`).join('; '))).toMatchObject({ ok: false, reason: 'lists 201 reasons; at most 200' });
  });
});

describe('parseFlowCount', () => {
  it('a count, NA, or reasons whose sum is the box', () => {
    expect(parseFlowCount('420')).toEqual({ ok: true, value: { n: 420 } });
    expect(parseFlowCount('NA')).toEqual({ ok: true, value: undefined });
    expect(parseFlowCount('A, 20; B, 5')).toEqual({ ok: true, value: { n: 25, reasons: [{ reason: 'A', n: 20 }, { reason: 'B', n: 5 }] } });
    expect(parseFlowCount('-3').ok).toBe(false);
    expect(parseFlowCount('many').ok).toBe(false);
  });
});

describe('parseFlowKey', () => {
  it("the template's keys, its title rows, and the nearest key for a slip", () => {
    expect(parseFlowKey('Records_Screened')).toEqual({ ok: true, value: 'records_screened' });
    expect(parseFlowKey('NA')).toEqual({ ok: true, value: 'NA' });
    expect(parseFlowKey('dbr_asessed')).toMatchObject({ ok: false, suggestion: 'dbr_assessed' });
  });
});
