// Tests for the check pipeline as a whole: vocabulary.csv read first and checked like any table; every row accounted for.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../pipeline/run.ts';
import { MAX_FINDINGS_PER_RULE_AND_FILE } from '../pipeline/checks/runner.ts';
import { exitCodeFor } from '../pipeline/cli/check.ts';

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

describe('findings per rule and file are capped (issue 10, item 4)', () => {
  it('lists the first 1,000 of a rule in a file, then one closing finding with the count, at the first one left out', () => {
    const outcomes = `study_id,outcome,measure\n${'s1,fvc\n'.repeat(2500)}`;
    const studies = 'id,reference_id,disease,design\ns1,r1,RA,rct\ns2,r1\n';
    const { result } = checkRecords({ tables: { references: file('references.csv', 'id,status\nr1,verified\n'), studies: file('studies.csv', studies), outcomes: file('outcomes.csv', outcomes) } });
    const ragged = result.diagnostics.filter((d) => d.ruleId === 'record/csv-syntax' && d.file === 'outcomes.csv');
    expect(ragged).toHaveLength(MAX_FINDINGS_PER_RULE_AND_FILE + 1);
    expect(ragged.slice(0, -1).map((d) => d.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    expect(ragged.at(-1)).toEqual({
      ruleId: 'record/csv-syntax',
      severity: 'error',
      file: 'outcomes.csv',
      line: 1002,
      column: 4,
      message: 'and 1500 more findings of record/csv-syntax in this file, not listed (a report lists the first 1000 of each rule in each file)',
    });
    // Another file's findings of the same rule have their own count; every row is still accounted for.
    expect(result.diagnostics.filter((d) => d.ruleId === 'record/csv-syntax' && d.file === 'studies.csv').map((d) => d.line)).toEqual([3]);
    expect(result.summary.records).toEqual({ read: 2503, accepted: 2, rejected: 2501 });
    // The summary counts every finding, listed or not: --max-warnings and the exit code see them all.
    const listedErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
    expect(result.summary.errors).toBe(listedErrors - 1 + 1500);
  });
});

describe('--max-warnings sees the findings past the cap', () => {
  it('1,500 unknown columns are 1,500 warnings, though 1,001 are listed', () => {
    const header = Array.from({ length: 1500 }, (_, i) => `extra${i}`).join(',');
    const { result } = checkRecords({ tables: { references: file('references.csv', `id,status,${header}\nr1,verified${','.repeat(1500)}\n`) } });
    const unknown = result.diagnostics.filter((d) => d.ruleId === 'record/unknown-column');
    expect(unknown).toHaveLength(1001);
    expect(result.summary.warnings).toBe(result.diagnostics.filter((d) => d.severity === 'warning').length - 1 + 500);
    expect(exitCodeFor(result, 1200)).toBe(1);
  });
});
