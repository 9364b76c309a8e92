// Tests for snapshots of the records: stable readable JSON, read back unchanged, and a clear error for anything else.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../pipeline/run.ts';
import { parseSnapshot, sameRecords, serialiseSnapshot, snapshotRecords, takeSnapshot } from '../pipeline/snapshot.ts';

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });
// Made-up rows; the quote, comma, line break and leading minus test that cells survive the round trip.
const TABLES = {
  references: 'id,authors,title,year,status\nsmith2020,Smith J,"A ""quoted"", title\non two lines",2020,verified\n',
  studies: 'id,reference_id,disease,design,n_enrolled\nsmith2020,smith2020,RA,case-series,25\n',
  outcomes: 'study_id,outcome,measure,value,reported\nsmith2020,fvc,mean_change,-8.4,=1+2\n',
};
const snapshotOf = (tables: Record<keyof typeof TABLES, string>) => {
  const { dataset, result } = checkRecords({ tables: { references: file('references.csv', tables.references), studies: file('studies.csv', tables.studies), outcomes: file('outcomes.csv', tables.outcomes) } });
  expect(result.summary.errors).toBe(0);
  return takeSnapshot(dataset);
};

describe('snapshots', () => {
  const snapshot = snapshotOf(TABLES);

  it('keeps every non-empty cell as written, in the table column order, one row per line', () => {
    expect(snapshot.outcomes).toEqual([{ study_id: 'smith2020', outcome: 'fvc', measure: 'mean_change', value: '-8.4', reported: '=1+2' }]);
    const text = serialiseSnapshot({ ...snapshot, number: 2, date: '2026-12-04' });
    expect(text.split('\n').slice(0, 6)).toEqual(['{', '  "snapshot": 1,', '  "number": 2,', '  "date": "2026-12-04",', '  "references": [', expect.stringMatching(/^ {4}\{"id":"smith2020","authors":"Smith J",/)]);
    expect(text.endsWith('  ]\n}\n')).toBe(true);
  });

  it('is the same whatever the order of the columns in the file', () => {
    const reordered = snapshotOf({ ...TABLES, studies: 'design,disease,n_enrolled,reference_id,id\ncase-series,RA,25,smith2020,smith2020\n' });
    expect(serialiseSnapshot(reordered)).toBe(serialiseSnapshot(snapshot));
    expect(sameRecords(reordered, snapshot)).toBe(true);
    expect(sameRecords(snapshotOf({ ...TABLES, studies: TABLES.studies.replace(',25', ',26') }), snapshot)).toBe(false);
  });

  it('reads back unchanged, and its records read back as the same records', () => {
    const read = parseSnapshot(serialiseSnapshot({ ...snapshot, number: 1, date: '2026-12-01' }), 'versions/v1.json');
    expect(read).toEqual({ ...snapshot, number: 1, date: '2026-12-01' });
    const { dataset } = checkRecords(snapshotRecords(read, 'v1'), { rules: {} });
    expect(takeSnapshot(dataset)).toEqual(snapshot);
  });

  it('refuses what is not a snapshot, naming the file and the place', () => {
    expect(() => parseSnapshot('{', 'old.json')).toThrow(/^old\.json: not valid JSON/);
    expect(() => parseSnapshot('{"version":1,"references":{},"studies":{},"outcomes":{}}', 'output/review-data.json')).toThrow(
      /^output\/review-data\.json: not a snapshot of records \(review publish writes them\)/,
    );
    expect(() => parseSnapshot('{"snapshot":1,"date":"4 Dec","references":[],"studies":[],"outcomes":[]}', 'v1.json')).toThrow(/at date/);
    expect(() => parseSnapshot('{"snapshot":1,"references":[{"id":3}],"studies":[],"outcomes":[]}', 'v1.json')).toThrow(/at references\.0\.id/);
  });
});
