// Tests for the evidence table's outcome lines: which rows share a line, and what each line says, in both languages.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../../pipeline/run.ts';
import { buildEvidenceTable } from '../../pipeline/render/evidence-table.ts';
import { buildReviewModel } from '../../pipeline/render/model.ts';
import type { Lang } from '../../pipeline/render/format.ts';

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });

const REFERENCES = `id,number,type,authors,title,journal,year,doi,language,status
a2020,1,article-journal,Smith J,A,J Test,2020,10.1000/a1,en,verified
b2021,2,article-journal,Lee A,B,J Test,2021,10.1000/a2,en,verified
`;
const STUDIES = `id,reference_id,disease,design,n_enrolled
a2020,a2020,SSc,rct,25
b2021,b2021,SSc,case-series,40
`;
// a2020 has two arms, so its lines name them; b2021 has one. The rows of a2020's first line are not
// consecutive, and one of them has another measure and analysis that show the same way. a2020's last
// row and b2021's first differ only in whether the arm is shown.
const OUTCOMES = `study_id,outcome,measure,arm,category,timepoint,analysis,count,denominator,percent,value,unit,ci_low,ci_high
a2020,fvc,count,TCZ,stable,52 weeks,,14,25,56,,,,
a2020,dlco,mean_change,TCZ,,52 weeks,itt,,,,-3.30,% predicted,-5.1,-1.50
a2020,fvc,count,placebo,stable,52 weeks,,10,20,50,,,,
a2020,fvc,percent,TCZ,improved,52 weeks,as_reported,,,20,,,,
a2020,fvc,count,TCZ,worse,52 weeks,,6,25,24,,,,
b2021,fvc,count,TCZ,stable,52 weeks,,30,40,75,,,,
b2021,fvc,count,TCZ,worse,52 weeks,,10,40,25,,,,
b2021,mrss,mean_change,TCZ,,52 weeks,,,,,-4.0,points,,
b2021,sixmwd,value,TCZ,,,,,,,35,m,,
`;
const VOCABULARY = 'kind,term,aliases,label_en,label_zh\noutcome,sixmwd,6MWD,six-minute walk distance,六分钟步行距离\n';

/** The three outcome cells (lung, other, safety) of each row. */
function outcomeCells(lang: Lang, vocabulary?: string): string[][][] {
  const { dataset } = checkRecords({
    tables: { references: file('references.csv', REFERENCES), studies: file('studies.csv', STUDIES), outcomes: file('outcomes.csv', OUTCOMES) },
    ...(vocabulary === undefined ? {} : { vocabulary: file('vocabulary.csv', vocabulary) }),
  });
  const table = buildEvidenceTable(buildReviewModel(dataset, lang), (id) => (id === 'a2020' ? 1 : 2));
  return table.groups.flatMap((group) => group.rows.map((cells) => cells.slice(6, 9).map((cell) => cell.lines)));
}

describe('evidence table outcome lines', () => {
  it('puts the categories of one outcome on one line, whatever rows come between them', () => {
    expect(outcomeCells('en', VOCABULARY)).toEqual([
      [
        [
          'FVC stable 14/25 (56%), improved 20%, worse 6/25 (24%) [TCZ, 52 weeks]',
          'DLCO mean change −3.30 % predicted (95% CI −5.1 to −1.50) [TCZ, 52 weeks, intention to treat]',
          'FVC stable 10/20 (50%) [placebo, 52 weeks]',
        ],
        ['—'],
        ['—'],
      ],
      [['FVC stable 30/40 (75%), worse 10/40 (25%) [52 weeks]'], ['mRSS mean change −4.0 [52 weeks]', 'six-minute walk distance 35 m'], ['—']],
    ]);
  });

  it('writes Chinese lines with full-width separators and brackets', () => {
    expect(outcomeCells('zh', VOCABULARY)).toEqual([
      [
        ['FVC 稳定 14/25 (56%)，改善 20%，恶化 6/25 (24%)［TCZ，52 周］', 'DLCO 平均变化 −3.30 % predicted (95% CI −5.1 至 −1.50)［TCZ，52 周，意向性分析］', 'FVC 稳定 10/20 (50%)［placebo，52 周］'],
        ['—'],
        ['—'],
      ],
      [['FVC 稳定 30/40 (75%)，恶化 10/40 (25%)［52 周］'], ['mRSS 平均变化 −4.0［52 周］', '六分钟步行距离 35 m'], ['—']],
    ]);
  });

  it("labels terms from each review's own vocabulary, not from one rendered before it", () => {
    outcomeCells('en', VOCABULARY);
    expect(outcomeCells('en')[1]?.[1]).toEqual(['mRSS mean change −4.0 [52 weeks]', 'sixmwd 35 m']);
  });
});
