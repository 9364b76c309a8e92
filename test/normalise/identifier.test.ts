// Tests for DOI, PMID and trial registration numbers.
import { describe, expect, it } from 'vitest';
import { doiKey, parseDoi, parsePmid, parseRegistration } from '../../pipeline/normalise/identifier.ts';
import { adversarial, BUDGET_MS, timed } from './adversarial.ts';

describe('parseDoi', () => {
  it.each([
    '10.1002/art.39860',
    'doi:10.1002/art.39860',
    'DOI 10.1002/art.39860',
    'https://doi.org/10.1002/art.39860',
    'http://dx.doi.org/10.1002/art.39860',
    'https://doi.org/10.1002/art.39860.',
    'https://doi.org/10.1002%2Fart.39860',
  ])('reads %j', (raw) => {
    expect(parseDoi(raw)).toEqual({ ok: true, value: '10.1002/art.39860' });
  });

  it('keeps the case as written, and doiKey compares without it', () => {
    expect(parseDoi('doi: 10.1164/rccm.202103-0714OC')).toEqual({ ok: true, value: '10.1164/rccm.202103-0714OC' });
    expect(doiKey('10.1002/ART.39860')).toBe(doiKey('10.1002/art.39860'));
  });

  it.each(['10.1000', 'abc', '10.12/x', '10.1002/ has space'])('rejects %j', (raw) => {
    expect(parseDoi(raw)).toEqual({ ok: false, reason: `'${raw}' is not a DOI (10.NNNN/suffix)` });
  });
});

describe('parsePmid', () => {
  it.each(['20112381', 'PMID: 20112381', 'PMID 20112381', 'pmid:20112381', ' 20112381 '])('reads %j', (raw) => {
    expect(parsePmid(raw)).toEqual({ ok: true, value: '20112381' });
  });

  it('drops leading zeros', () => {
    expect(parsePmid('00123')).toEqual({ ok: true, value: '123' });
  });

  it.each(['123456789', 'abc', '0', 'PMID'])('rejects %j', (raw) => {
    expect(parsePmid(raw)).toEqual({ ok: false, reason: `'${raw}' is not a PMID (1–8 digits)` });
  });
});

describe('parseRegistration', () => {
  it.each([
    ['NCT02453256', 'NCT02453256'],
    ['nct02453256', 'NCT02453256'],
    ['NCT 02453256', 'NCT02453256'],
    ['ChiCTR2000029765', 'ChiCTR2000029765'],
    ['chictr2000029765', 'ChiCTR2000029765'],
    ['ChiCTR-TRC-12002345', 'ChiCTR-TRC-12002345'],
    ['chictr-trc-12002345', 'ChiCTR-TRC-12002345'],
    ['ISRCTN12345678', 'ISRCTN12345678'],
    ['2015-001234-56', '2015-001234-56'],
    ['EudraCT 2015-001234-56', '2015-001234-56'],
    ['jRCT2031190001', 'jRCT2031190001'],
    ['jRCTs031180001', 'jRCTs031180001'],
    ['UMIN000012345', 'UMIN000012345'],
    ['ACTRN12615000123456', 'ACTRN12615000123456'],
  ])('reads %j', (raw, value) => {
    expect(parseRegistration(raw)).toEqual({ ok: true, value });
  });

  it('says what a known registry expects when the id is malformed', () => {
    expect(parseRegistration('NCT0245325')).toEqual({
      ok: false,
      reason: "'NCT0245325' is not a well-formed ClinicalTrials.gov id; expected 'NCT' and 8 digits",
    });
    expect(parseRegistration('2015-0012')).toEqual({
      ok: false,
      reason: "'2015-0012' is not a well-formed EudraCT id; expected YYYY-NNNNNN-CC, e.g. 2015-001234-56",
    });
  });

  it('rejects ids of no known registry', () => {
    expect(parseRegistration('ABC123')).toEqual({
      ok: false,
      reason: "'ABC123' is not a trial registration number (NCT, ChiCTR, ISRCTN, EudraCT, jRCT, UMIN or ACTRN)",
    });
  });
});

describe('identifiers in long and adversarial text', () => {
  it('drops a run of trailing periods without backtracking (was /\\.+$/, quadratic)', () => {
    const trailing = timed(parseDoi, adversarial('10.1002/art.39860', '.', '', 1_000));
    expect(trailing.result).toEqual({ ok: true, value: '10.1002/art.39860' });
    expect(trailing.ms).toBeLessThan(BUDGET_MS);
    const input = adversarial('', '.', 'x', 1_000);
    const stray = timed(parseDoi, input);
    expect(stray.result).toEqual({ ok: false, reason: `'${input}' is not a DOI (10.NNNN/suffix)` });
    expect(stray.ms).toBeLessThan(BUDGET_MS);
  });

  it('reads "doi" and "PMID" before a run of spaces and a colon (no "\\s*:?\\s*")', () => {
    expect(parseDoi(`doi${' '.repeat(500)}:${' '.repeat(400)}10.1002/art.39860`)).toEqual({ ok: true, value: '10.1002/art.39860' });
    const pmid = timed(parsePmid, `PMID${' '.repeat(500)}:${' '.repeat(400)}20112381`);
    expect(pmid.result).toEqual({ ok: true, value: '20112381' });
    expect(pmid.ms).toBeLessThan(BUDGET_MS);
    const stray = timed(parsePmid, adversarial('pmid', ' ', 'x', 1_000));
    expect(stray.result.ok).toBe(false);
    expect(stray.ms).toBeLessThan(BUDGET_MS);
  });

  it('matches a EudraCT id without backtracking (three adjacent \\s* were cubic: 1,000 spaces took over a second)', () => {
    const input = adversarial('EudraCT', ' ', 'x', 1_000);
    const stray = timed(parseRegistration, input);
    expect(stray.result).toEqual({ ok: false, reason: `'${input}' is not a well-formed EudraCT id; expected YYYY-NNNNNN-CC, e.g. 2015-001234-56` });
    expect(stray.ms).toBeLessThan(BUDGET_MS);
    const spaced = timed(parseRegistration, `EudraCT${' '.repeat(300)}No.${' '.repeat(300)}:${' '.repeat(300)}2015-001234-56`);
    expect(spaced.result).toEqual({ ok: true, value: '2015-001234-56' });
    expect(spaced.ms).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['EudraCT No. 2015-001234-56'],
    ['EudraCT number: 2015-001234-56'],
    ['EudraCT:2015-001234-56'],
    ['eudract no.:2015-001234-56'],
    ['EudraCTnumber2015-001234-56'],
  ])('reads %j as before', (raw) => {
    expect(parseRegistration(raw)).toEqual({ ok: true, value: '2015-001234-56' });
  });

  it('refuses text over 1,000 characters unread', () => {
    const long = adversarial('10.1002/', '.', 'x', 20_000);
    expect(parseDoi(long)).toEqual({ ok: false, reason: "'10.1002/............…' is 20000 characters long; a DOI is at most a few hundred characters" });
    expect(parsePmid('1'.repeat(1_001))).toEqual({ ok: false, reason: `'${'1'.repeat(20)}…' is 1001 characters long; a PMID is at most 8 digits` });
    const { result, ms } = timed(parseRegistration, adversarial('EudraCT', ' ', 'x', 20_000));
    expect(result).toEqual({ ok: false, reason: "'EudraCT             …' is 20000 characters long; a trial registration number is a few dozen characters" });
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
