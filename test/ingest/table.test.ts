// Tests for ingestTable: repeated cell texts are parsed once per column, and every row still gets its own values and issues.
import { describe, expect, it } from 'vitest';
import { ingestTable, type IngestSink } from '../../pipeline/ingest/table.ts';
import { tableSpecs, type OutcomeRecord } from '../../pipeline/schema/tables.ts';
import { createVocabulary } from '../../pipeline/normalise/vocabulary.ts';
import type { CellFact } from '../../pipeline/checks/types.ts';

const specs = tableSpecs(createVocabulary([]));

function ingestOutcomes(text: string): { records: OutcomeRecord[]; cells: CellFact[] } {
  const records: OutcomeRecord[] = [];
  const cells: CellFact[] = [];
  const sink: IngestSink = { encoding() {}, syntax() {}, header() {}, cell: (fact) => cells.push(fact), record: (record) => records.push(record as OutcomeRecord) };
  ingestTable('outcomes.csv', new TextEncoder().encode(text), specs.outcomes, sink);
  return { records, cells };
}

const HEADER = 'study_id,outcome,measure,timepoint,n,value\n';

describe('ingestTable with repeated cell texts', () => {
  it('gives every row its own source and the value its text means', () => {
    const { records } = ingestOutcomes(`${HEADER}s1,FVC,mean-change,52 周,24,1.5\ns1,FVC,mean-change,52 周,24,-2\ns2,FVC,mean-change,52 周,30,1.5\n`);
    expect(records.map((r) => [r.study_id, r.n, r.value, r.source.line])).toEqual([
      ['s1', 24, 1.5, 2],
      ['s1', 24, -2, 3],
      ['s2', 30, 1.5, 4],
    ]);
    expect(records[0]?.timepoint).toEqual(records[1]?.timepoint);
    expect(records.map((r) => r.source.cell('value'))).toEqual([
      { raw: '1.5', line: 2, column: 28 },
      { raw: '-2', line: 3, column: 28 },
      { raw: '1.5', line: 4, column: 28 },
    ]);
  });

  it('reports a bad text on every row that has it, not only the first', () => {
    const { records, cells } = ingestOutcomes(`${HEADER}s1,FVC,mean-change,,about 24,1\ns1,FVC,mean-change,,about 24,2\n`);
    expect(cells.map((c) => [c.field, c.row.line])).toEqual([
      ['n', 2],
      ['n', 3],
    ]);
    expect(records.map((r) => r.rejected)).toEqual([true, true]);
  });

  it('shares a parsed value between rows only frozen, so no rule can change another row through it', () => {
    const { records } = ingestOutcomes(`${HEADER}s1,FVC,mean-change,52 周,24,1\ns1,FVC,mean-change,52 周,24,2\n`);
    const timepoint = records[0]?.timepoint;
    expect(timepoint).toBe(records[1]?.timepoint);
    expect(Object.isFrozen(timepoint)).toBe(true);
    expect(() => {
      (timepoint as { raw: string }).raw = 'changed';
    }).toThrow(TypeError);
  });

  it('still reads every row once a column has more distinct texts than it remembers', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `s1,FVC,mean-change,,${i + 1},${i}.5`).join('\n');
    const { records, cells } = ingestOutcomes(`${HEADER}${rows}\ns1,FVC,mean-change,,many,1\n`);
    expect(records).toHaveLength(5001);
    expect(records[4999]).toMatchObject({ n: 5000, value: 4999.5 });
    expect(cells.map((c) => [c.field, c.row.line])).toEqual([['n', 5002]]);
  });
});
