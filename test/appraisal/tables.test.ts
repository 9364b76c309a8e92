// Reading the appraisal tables: flow.csv in both shapes (the PRISMA2020 template's too), risk_of_bias.csv in both shapes, certainty.csv; Chinese headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecords, type RecordsInput } from '../../pipeline/run.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const BASE: RecordsInput['tables'] = {
  references: { path: 'references.csv', bytes: encode('id,status,doi\nr1,verified,10.1000/r1\n') },
  studies: { path: 'studies.csv', bytes: encode('id,reference_id,disease,design\ns1,r1,SSc,rct\n') },
  outcomes: { path: 'outcomes.csv', bytes: encode('study_id,outcome,measure\n') },
};

function check(tables: Partial<Record<'flow' | 'risk_of_bias' | 'certainty', string | Uint8Array>>) {
  const input: RecordsInput = { tables: { ...BASE } };
  for (const [name, text] of Object.entries(tables)) input.tables[name as 'flow'] = { path: `${name}.csv`, bytes: typeof text === 'string' ? encode(text) : text };
  return checkRecords(input);
}

describe('flow.csv', () => {
  it('reads the PRISMA2020 package template itself: its placeholder reasons are invalid, its zeros include no study', () => {
    const template = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'appraisal', 'PRISMA2020-template.csv'));
    const { result, dataset } = check({ flow: template });
    // 30 rows read; the two with placeholder reasons are rejected, and a rejected row is not kept.
    expect(result.summary.records.read - 2).toBe(30);
    expect(dataset.flow).toHaveLength(28);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.field])).toEqual([
      ['record/invalid-value', 22, 'n'],
      ['record/invalid-value', 24, 'n'],
      ['flow/included-studies', 27, 'n'],
      ['flow/included-studies', 28, 'n'],
    ]);
    expect(dataset.flow.find((row) => row.key === 'database_results')?.n).toEqual({ n: 0 });
  });

  it('reads a filled-in template: reasons in n are the box and its reasons', () => {
    const text = 'data,n\nNA,0\ndbr_assessed,38\ndbr_excluded,"Wrong population, 20; Wrong design, 8"\nnew_reports,1\nnew_studies,1\nnew_studies,NA\n';
    const { dataset, result } = check({ flow: text });
    expect(dataset.flow[2]?.n).toEqual({ n: 28, reasons: [{ reason: 'Wrong population', n: 20 }, { reason: 'Wrong design', n: 8 }] });
    expect(dataset.flow[5]?.n).toBeUndefined();
    // 38 − 28 is 10 reports, not 1; and new_studies is given twice.
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['flow/arithmetic', 5], ['flow/arithmetic', 7]]);
  });

  it('takes Chinese headers and reasons written with Chinese punctuation', () => {
    const { dataset, result } = check({ flow: '框,数量,排除原因\ndbr_excluded,30,人群不符：20；设计不符，10\n' });
    expect(result.diagnostics).toEqual([]);
    expect(dataset.flow[0]?.reasons).toEqual([{ reason: '人群不符', n: 20 }, { reason: '设计不符', n: 10 }]);
  });

  it('an unknown key is invalid, with the nearest key suggested', () => {
    const { result } = check({ flow: 'key,n\nrecords_screend,10\n' });
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.suggestion])).toEqual([['record/invalid-value', 2, 1, 'records_screened']]);
  });
});

describe('risk_of_bias.csv', () => {
  it("reads robvis's wide CSV and the long shape, in English and Chinese", () => {
    const { dataset, result } = check({ risk_of_bias: 'Study,D1,D2,D3,D4,D5,Overall,Weight\ns1,Low,Some concerns,Low,Low,Low,Some concerns,33.3\n' });
    expect(result.diagnostics).toEqual([]);
    expect(dataset.risk_of_bias[0]).toMatchObject({ study_id: 's1', d2: 'some concerns', overall: 'some concerns', weight: 33.3 });
    const long = check({ risk_of_bias: '研究,工具,领域,判断,依据\ns1,RoB 2,D1,低风险,"Central randomisation"\n' });
    expect(long.dataset.risk_of_bias[0]).toMatchObject({ study_id: 's1', tool: 'rob2', domain: 'D1', judgement: 'low', support: 'Central randomisation' });
  });

  it('a word that is no judgement is invalid', () => {
    const { result } = check({ risk_of_bias: 'study_id,tool,domain,judgement\ns1,rob2,D1,lwo\n' });
    const invalid = result.diagnostics.filter((d) => d.ruleId === 'record/invalid-value');
    expect(invalid.map((d) => [d.field, d.column, d.suggestion])).toEqual([['judgement', 12, 'low']]);
    // D1 is judged (with a word to correct): the missing ones are D2 … D5 and the overall judgement.
    expect(result.diagnostics.filter((d) => d.ruleId === 'bias/missing-domain').map((d) => d.message.replace(/ \([^()]*\)$/, ''))).toEqual([
      'study s1 (RoB 2) has no judgement for D2',
      'study s1 (RoB 2) has no judgement for D3',
      'study s1 (RoB 2) has no judgement for D4',
      'study s1 (RoB 2) has no judgement for D5',
      'study s1 (RoB 2) has no overall judgement',
    ]);
  });
});

describe('certainty.csv', () => {
  it('reads GRADE words in English, Chinese and symbols', () => {
    const { dataset, result } = check({ certainty: '分析,偏倚风险,不一致性,不精确性,证据质量,对照组风险\na1,严重,不严重,非常严重,⊕◯◯◯,45\n' });
    expect(result.diagnostics).toEqual([]);
    expect(dataset.certainty[0]).toMatchObject({ analysis_id: 'a1', risk_of_bias: 'serious', inconsistency: 'not serious', imprecision: 'very serious', certainty: 'very low', assumed_risk: 45 });
  });

  it('an assumed risk beyond 1,000 is invalid', () => {
    const { result } = check({ certainty: 'analysis_id,assumed_risk\na1,1200\n' });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['record/invalid-value', 'assumed_risk: 1200 is not a risk per 1,000 (0 to 1000)']]);
  });
});

describe('a review without the appraisal tables', () => {
  it('reads as before: the tables are empty', () => {
    const { dataset, result } = check({});
    expect(result.diagnostics).toEqual([]);
    expect([dataset.flow, dataset.risk_of_bias, dataset.certainty]).toEqual([[], [], []]);
  });
});
