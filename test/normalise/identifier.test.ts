// Tests for DOI, PMID and trial registration numbers.
import { describe, expect, it } from 'vitest';
import { doiKey, parseDoi, parsePmid, parseRegistration } from '../../pipeline/normalise/identifier.ts';

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
