// Tests for record/dangling-link: a study's reference_id or an outcome's study_id that names no row, with a near id suggested.
import { testRule } from '../../helpers/rule-tester.ts';
import { checkRecords } from '../../../pipeline/run.ts';
import { describe, expect, it } from 'vitest';

const references = 'id,status\nmanfredi2020,verified\nkhanna2022,verified\n';

testRule('record/dangling-link', {
  valid: [
    {
      name: 'every link resolves',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\nmanfredi2020,manfredi2020,RA,cohort-retrospective\n',
        outcomes: 'study_id,outcome,measure\nmanfredi2020,fvc,count\n',
      },
    },
    {
      name: 'a link to a rejected row still resolves, so one bad row does not cascade',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\ns1,manfredi2020,RA,rct,extra field\n',
        outcomes: 'study_id,outcome,measure\ns1,fvc,count\n',
      },
    },
    {
      name: 'a study with several reports, and outcomes taken from each',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\nfocussced,manfredi2020; khanna2022,SSc,rct\n',
        outcomes: 'study_id,reference_id,outcome,measure\nfocussced,khanna2022,fvc,mean_change\nfocussced,manfredi2020,fvc,mean_change\nfocussced,,mrss,mean_change\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a certainty row of an analysis that analyses.csv does not have (made-up rating)',
      tables: {
        analyses: 'id,title,outcome,measure,experimental,control,model\nsae,Serious adverse events,sae,RR,TCZ,placebo,random\n',
        certainty: 'analysis_id,certainty\nsea,low\n',
      },
      diagnostics: [{ file: 'certainty.csv', line: 2, column: 1, message: "analysis_id 'sea' matches no row of analyses.csv; did you mean 'sae'" }],
    },
    {
      name: 'a risk-of-bias judgement of a study that is not in studies.csv (made-up judgement)',
      tables: { references, studies: 'id,reference_id,disease,design\nfocussced,khanna2022,SSc,rct\n', risk_of_bias: 'study_id,tool,domain,judgement\nfocussed,rob2,D1,low\n' },
      diagnostics: [{ file: 'risk_of_bias.csv', line: 2, column: 1, message: "study_id 'focussed' matches no row of studies.csv; did you mean 'focussced'" }],
    },
    {
      name: "a study's second report names no reference",
      tables: { references, studies: 'id,reference_id,disease,design\ns1,khanna2022;manfredi2002,SSc,rct\n' },
      diagnostics: [{ line: 2, column: 4, message: "reference_id 'manfredi2002' matches no row of references.csv; did you mean 'manfredi2020'" }],
    },
    {
      name: "an outcome's reference_id that is not one of its study's reports, or no reference at all",
      tables: {
        references,
        studies: 'id,reference_id,disease,design\ns1,khanna2022,SSc,rct\n',
        outcomes: 'study_id,reference_id,outcome,measure\ns1,manfredi2020,fvc,mean_change\ns1,smith1999,fvc,mean_change\n',
      },
      diagnostics: [
        {
          line: 2,
          column: 4,
          file: 'outcomes.csv',
          field: 'reference_id',
          message: "reference_id 'manfredi2020' is not a report of study s1 (its reports: khanna2022); add it to that study's reference_id in studies.csv, or correct it",
        },
        { line: 3, column: 4, file: 'outcomes.csv', message: "reference_id 'smith1999' matches no row of references.csv" },
      ],
    },
    {
      name: 'a misspelt reference_id, with the near id suggested',
      tables: { references, studies: 'id,reference_id,disease,design\ns1,manfredi2002,RA,rct\n' },
      diagnostics: [
        {
          line: 2,
          column: 4,
          field: 'reference_id',
          message: "reference_id 'manfredi2002' matches no row of references.csv; did you mean 'manfredi2020'",
          suggestion: 'manfredi2020',
        },
      ],
    },
    {
      name: 'an id nothing is near to',
      tables: { references, studies: 'id,reference_id,disease,design\ns1,smith1999,RA,rct\n' },
      diagnostics: [{ line: 2, column: 4, message: "reference_id 'smith1999' matches no row of references.csv" }],
    },
    {
      name: 'outcome study_ids, at their true line after a quoted CRLF',
      tables: {
        references,
        studies: 'id,reference_id,disease,design\nkhanna2022,khanna2022,SSc,rct-extension\n',
        outcomes: 'study_id,outcome,measure,note\r\nkhanna2022,fvc,mean_change,"two\r\nlines"\r\nkhanna2020,fvc,mean_change,\r\nzzz,fvc,count,\r\n',
      },
      diagnostics: [
        {
          line: 4,
          column: 1,
          file: 'outcomes.csv',
          message: "study_id 'khanna2020' matches no row of studies.csv; did you mean 'khanna2022'",
          suggestion: 'khanna2022',
        },
        { line: 5, column: 1, file: 'outcomes.csv', message: "study_id 'zzz' matches no row of studies.csv" },
      ],
    },
  ],
});

describe('record/dangling-link suggestions on a large table', () => {
  it('suggests while the comparison budget lasts (100,000 ids compared), then reports without a suggestion', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const ids = Array.from({ length: 2000 }, (_, i) => `study${String(i).padStart(4, '0')}`);
    const studies = `id,reference_id,disease,design\n${ids.map((id) => `${id},r1,RA,cohort`).join('\n')}\n`;
    // Each outcome misspells a real id by one letter, so every one has a near id to suggest.
    const outcomes = `study_id,outcome,measure\n${ids.slice(0, 60).map((id) => `${id.replace('study', 'stduy')},fvc,count`).join('\n')}\n`;
    const { result } = checkRecords({
      tables: { references: { path: 'references.csv', bytes: bytes('id,status\nr1,verified\n') }, studies: { path: 'studies.csv', bytes: bytes(studies) }, outcomes: { path: 'outcomes.csv', bytes: bytes(outcomes) } },
    });
    const dangling = result.diagnostics.filter((d) => d.ruleId === 'record/dangling-link');
    expect(dangling).toHaveLength(60);
    expect(dangling.filter((d) => d.suggestion !== undefined)).toHaveLength(50);
    expect(dangling[0]).toMatchObject({ line: 2, suggestion: 'study0000' });
    expect(dangling[59]?.suggestion).toBeUndefined();
    expect(dangling[59]?.message).toBe("study_id 'stduy0059' matches no row of studies.csv");
  });
});
