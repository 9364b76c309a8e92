// Tests for 本次更新 / "What's new" and the version history: readers' words, never internal keys; renumbering is no change.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../../pipeline/run.ts';
import { buildReviewModel, type ReviewModel } from '../../pipeline/render/model.ts';
import { describeChanges, versionHistory, versionLine, type Baseline } from '../../pipeline/render/changes.ts';
import type { Lang } from '../../pipeline/render/format.ts';

// Made-up rows: the names, numbers and titles are invented for these tests.
const REFERENCES = `id,type,authors,title,journal,year,doi,language,status
smith2020,article-journal,Smith J; Jones K,First trial,J Test,2020,10.1000/a1,en,verified
lee2021,article-journal,Lee A,Second trial,J Test,2021,10.1000/a2,en,unverified
bg,,,,,,,,unresolved
`;
const STUDIES = `id,reference_id,disease,design,n_enrolled
smith2020,smith2020,RA,case-series,25
lee2021,lee2021,SSc,rct,40
`;
const OUTCOMES = `study_id,outcome,measure,arm,category,timepoint,count,denominator,percent,value,ci_low,ci_high
smith2020,fvc,count,TCZ,stable,30 months,14,25,56,,,
lee2021,mrss,mean_change,TCZ,,48 weeks,,,,-8.4,-10.0,-6.8
`;

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });
function model(tables: { references?: string; studies?: string; outcomes?: string }, lang: Lang = 'zh'): ReviewModel {
  const { dataset, result } = checkRecords({
    tables: {
      references: file('references.csv', tables.references ?? REFERENCES),
      studies: file('studies.csv', tables.studies ?? STUDIES),
      outcomes: file('outcomes.csv', tables.outcomes ?? OUTCOMES),
    },
  });
  expect(result.summary.errors).toBe(0);
  return buildReviewModel(dataset, lang);
}

const v1: Baseline = { kind: 'version', number: 1, date: '2026-12-01' };
/** The review's numbering: the new work first, then the others. */
const numbers = (order: string[]) => (id: string) => (order.includes(id) ? order.indexOf(id) + 1 : undefined);
const IDS = /smith2020|lee2021|new2024|\bbg\b|fvc \||\| /;

describe('describeChanges', () => {
  const WITH_NEW = {
    references: REFERENCES + 'new2024,article-journal,Khanna D; et al,New trial,J Test,2024,10.1000/a3,en,verified\n',
    studies: STUDIES + 'new2024,new2024,SSc,rct,212\n',
    outcomes: OUTCOMES + 'new2024,fvc,mean_change,TCZ,,48 weeks,,,,-0.5,-2.4,1.3\n',
  };

  it('names a new study by name, citation, design and n, and lists nothing renumbered', () => {
    const changes = describeChanges({ model: model({}), baseline: v1 }, model(WITH_NEW), numbers(['new2024', 'smith2020', 'bg', 'lee2021']));
    expect(changes.items).toEqual(['新增研究：Khanna 2024 [1]，随机对照试验，n = 212']);
    expect(changes.summary).toBe('与第 1 版（2026-12-01）相比：新增研究 1 项。');
    expect(changes.counts.studies).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(changes.counts.references).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('says the same in English', () => {
    const changes = describeChanges({ model: model({}, 'en'), baseline: { kind: 'revision', ref: 'HEAD~1' } }, model(WITH_NEW, 'en'), numbers(['new2024']));
    expect(changes.items).toEqual(['New study: Khanna 2024 [1], randomised controlled trial, n = 212']);
    expect(changes.summary).toBe('Since revision HEAD~1: 1 study added.');
  });

  it('names a removed study without a citation (it is no longer in the list)', () => {
    const changes = describeChanges({ model: model(WITH_NEW), baseline: v1 }, model({}), numbers(['smith2020', 'bg', 'lee2021']));
    expect(changes.items).toEqual(['删除研究：Khanna 2024，随机对照试验，n = 212']);
  });

  it('gives a changed result old → new with its outcome, category, arm and time point, and ignores a reformatted number', () => {
    const outcomes = OUTCOMES.replace('stable,30 months,14,25,56', 'stable,30 months,15,25,60').replace('-8.4,-10.0,-6.8', '-8.40,-10.0,-6.8');
    const changes = describeChanges({ model: model({}), baseline: v1 }, model({ outcomes }), numbers(['smith2020', 'bg', 'lee2021']));
    expect(changes.items).toEqual(['结果更新：Smith 2020 [1]，FVC 稳定［TCZ，30 个月］：14/25 (56%) → 15/25 (60%)']);
    expect(changes.counts.results).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('lists results added to and removed from a study that stays, in English too', () => {
    const outcomes = OUTCOMES.replace(/^lee2021.*\n/m, '') + 'smith2020,dlco,count,TCZ,stable,30 months,10,25,40,,,\n';
    const changes = describeChanges({ model: model({}, 'en'), baseline: v1 }, model({ outcomes }, 'en'), numbers(['smith2020', 'bg', 'lee2021']));
    expect(changes.items).toEqual([
      'New result: Smith 2020 [1], DLCO stable [TCZ, 30 months]: 10/25 (40%)',
      'Result removed: Lee 2021 [3], mRSS mean change [TCZ, 48 weeks]: −8.4 (95% CI −10.0 to −6.8)',
    ]);
    expect(changes.summary).toBe('Since version 1 (2026-12-01): 1 result added; 1 result removed.');
  });

  it('reports a study field, a new report of a study and a corrected reference in words', () => {
    const references = REFERENCES.replace('Second trial', 'Second trial (corrected)').replace('10.1000/a2,en,unverified', '10.1000/a2,en,verified') + 'lee2023,article-journal,Lee A,Extension,J Test,2023,,en,unverified\n';
    const studies = STUDIES.replace('lee2021,lee2021,SSc,rct,40', 'lee2021,lee2021; lee2023,SSc,rct,42');
    const changes = describeChanges({ model: model({}), baseline: v1 }, model({ references, studies }), numbers(['smith2020', 'bg', 'lee2021', 'lee2023']));
    expect(changes.items).toEqual(['研究更新：Lee 2021 [3,4]：例数 40 → 42；新增报告 Lee 2023 [4]', '参考文献更正：Lee 2021 [3]：题名、核实状态 未核实 → 已核实']);
  });

  it('lists a reference added or removed on its own, and a work of which nothing is known in words', () => {
    const references = REFERENCES.replace(/^bg,.*\n/m, '') + 'bg2,,,,,,,,unresolved\n';
    const changes = describeChanges({ model: model({}), baseline: v1 }, model({ references }), numbers(['smith2020', 'bg2', 'lee2021']));
    expect(changes.items).toEqual(['新增参考文献：未识别的文献 [2]', '删除参考文献：未识别的文献']);
  });

  it('never shows an internal key, whatever changed', () => {
    const outcomes = OUTCOMES.replace('14,25,56', '13,25,52') + 'new2024,fvc,mean_change,TCZ,,48 weeks,,,,-0.5,-2.4,1.3\n';
    const current = model({ ...WITH_NEW, outcomes, references: WITH_NEW.references.replace(/^bg,.*\n/m, '') });
    for (const lang of ['zh', 'en'] as const) {
      const changes = describeChanges({ model: model({}, lang), baseline: v1 }, { ...current, lang }, numbers(['new2024', 'smith2020', 'lee2021']));
      expect(changes.items.length).toBeGreaterThan(2);
      for (const item of [changes.summary, ...changes.items]) expect(item).not.toMatch(IDS);
    }
  });

  it('says when nothing changed, and when there is nothing to compare with', () => {
    expect(describeChanges({ model: model({}), baseline: { kind: 'file', path: 'old.json' } }, model({}), numbers([])).summary).toBe('与快照 old.json 相比，研究、结果与参考文献均无变化。');
    const first = describeChanges(undefined, model({}, 'en'), numbers([]));
    expect(first).toMatchObject({ first: true, summary: 'This is the first version of the review.', items: [] });
  });
});

describe('versionHistory and versionLine', () => {
  it('gives each published version its number, date and what it added', () => {
    const WITH_NEW = { references: REFERENCES + 'new2024,article-journal,Wang L,New,J Test,2024,,en,verified\n', studies: STUDIES + 'new2024,new2024,RA,rct,30\n' };
    const history = versionHistory(
      [
        { number: 1, date: '2026-12-01', model: model({}) },
        { number: 2, date: '2026-12-04', model: model(WITH_NEW) },
        { number: 3, date: '2026-12-09', model: model({ ...WITH_NEW, outcomes: OUTCOMES.replace('14,25,56', '15,25,60') }) },
        { number: 4, date: '2026-12-10', model: model({ ...WITH_NEW, outcomes: OUTCOMES.replace('14,25,56', '15,25,60') }) },
      ],
      'zh',
    );
    expect(history).toEqual([
      '第 1 版，2026-12-01：首个版本，纳入 2 项研究',
      '第 2 版，2026-12-04：新增研究 Wang 2024',
      '第 3 版，2026-12-09：结果更新 1 项',
      '第 4 版，2026-12-10：研究、结果与参考文献均无变化',
    ]);
  });

  it('names a published version and a draft', () => {
    expect(versionHistory([{ number: 1, date: '2026-12-01', model: model({ studies: STUDIES.replace(/^lee2021.*\n/m, ''), outcomes: OUTCOMES.replace(/^lee2021.*\n/m, '') }, 'en') }], 'en')).toEqual(['Version 1, 2026-12-01: first version, 1 study included']);
    expect(versionLine({ number: 2, published: true, date: '2026-12-04' }, 'zh')).toBe('第 2 版，2026-12-04');
    expect(versionLine({ number: 3, published: false, date: undefined }, 'en')).toBe('Draft of version 3 (not yet published)');
    expect(versionLine({ number: 3, published: false, date: '2026-12-05' }, 'zh')).toBe('第 3 版草稿（尚未发布），2026-12-05');
  });
});
