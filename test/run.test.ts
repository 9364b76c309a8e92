// Tests for the check pipeline as a whole: vocabulary.csv read first and checked like any table; every row accounted for.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../pipeline/run.ts';

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });

describe('checkRecords with records/vocabulary.csv', () => {
  const tables = {
    references: file('references.csv', 'id,status\nr1,unresolved\n'),
    studies: file('studies.csv', 'id,reference_id,disease,design\ns1,r1,Behçet disease,case-report\ns2,r1,白塞病,case-report\n'),
  };

  it('adds the review\'s own terms and aliases, so they are known', () => {
    const vocabulary = file('vocabulary.csv', 'kind,term,aliases,label_en,label_zh\ndisease,BD,Behçet disease;白塞病,Behçet disease,白塞病\n');
    const { result, dataset } = checkRecords({ tables, vocabulary });
    expect(result.diagnostics.filter((d) => d.ruleId === 'record/unknown-term')).toEqual([]);
    expect(dataset.studies.map((s) => s.disease)).toEqual(['BD', 'BD']);
    expect(result.summary.records).toEqual({ read: 4, accepted: 4, rejected: 0 });
  });

  it('reports a bad vocabulary row under the record rules, at its cell, and keeps the good rows', () => {
    const vocabulary = file('vocabulary.csv', 'kind,term,aliases\ndiseese,BD,Behçet disease\ndisease,BD2,白塞病\n');
    const { result } = checkRecords({ tables, vocabulary });
    const invalid = result.diagnostics.filter((d) => d.file === 'vocabulary.csv');
    expect(invalid).toMatchObject([{ ruleId: 'record/invalid-value', line: 2, column: 1, suggestion: 'disease' }]);
    const unknown = result.diagnostics.filter((d) => d.ruleId === 'record/unknown-term').map((d) => d.line);
    expect(unknown).toEqual([2]);
    expect(result.summary.records).toEqual({ read: 5, accepted: 4, rejected: 1 });
  });
});
