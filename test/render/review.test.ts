// Tests for rendering a review from records and templates: numbers from records, numbering, the table, counts and "what changed".
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../../pipeline/run.ts';
import { renderReview, type TemplateSource } from '../../pipeline/render/review.ts';
import type { Dataset } from '../../pipeline/run.ts';

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });
const meta = { title: 'Mini review', authors: '', subject: 'test', referenceStyle: 'vancouver' as const };

const REFERENCES = `id,number,type,authors,title,journal,year,doi,language,status
smith2020,1,article-journal,Smith J; Jones K,First trial,J Test,2020,10.1000/a1,en,verified
lee2021,2,article-journal,Lee A,Second trial,J Test,2021,10.1000/a2,en,verified
bg,3,,,,,,,,unresolved
`;
const STUDIES = `id,reference_id,disease,design,n_enrolled,intervention,follow_up
smith2020,smith2020,RA,case-series,25,TCZ 8 mg/kg IV q4w,30 months
lee2021,lee2021,SSc,rct,40,TCZ 162 mg SC qw,48 weeks
`;
const OUTCOMES = `study_id,outcome,measure,arm,category,count,denominator,percent,value,ci_low,ci_high
smith2020,fvc,count,TCZ,stable,14,25,56,,,
lee2021,mrss,mean_change,TCZ,,,,,-8.4,-10.0,-6.8
`;

const TEMPLATE = `<section><h2>RA</h2><p>Smith et al.{{cite "smith2020"}} treated {{study "smith2020" "n_enrolled"}} patients; {{outcome "smith2020" "fvc" category="stable" field="count"}} ({{outcome "smith2020" "fvc" category="stable" field="percent"}}%) were stable.</p>
<p>Background{{cite "bg"}}. Lee{{cite "lee2021"}} saw mRSS change {{outcome "lee2021" "mrss" field="value"}} ({{outcome "lee2021" "mrss" field="ci"}}).</p>
<p>{{count "studies"}} studies, {{count "patients"}} patients.</p></section>
{{evidenceTable}}
<section class="changes">{{changes}}</section>
<section class="references">{{bibliography}}</section>`;

type Tables = { references: string; studies: string; outcomes: string };

function read(tables: Tables): Dataset {
  const { dataset, result } = checkRecords({
    tables: { references: file('references.csv', tables.references), studies: file('studies.csv', tables.studies), outcomes: file('outcomes.csv', tables.outcomes) },
  });
  expect(result.summary.errors).toBe(0);
  return dataset;
}

function render(tables: Tables, template: string, previous?: Tables) {
  const main: TemplateSource = { path: 'templates/review.hbs', source: template };
  return renderReview({
    dataset: read(tables),
    main,
    partials: [],
    meta,
    lang: 'en',
    previous: previous && { dataset: read(previous), baseline: { kind: 'version', number: 1, date: '2026-01-05' } },
  });
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('renderReview', () => {
  const first = render({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES }, TEMPLATE);

  it('draws every number from the records, with true minus signs and the decimals the record gives', () => {
    const body = text(first.reviewHtml);
    expect(body).toContain('treated 25 patients; 14 (56%) were stable');
    expect(body).toContain('mRSS change −8.4 (−10.0 to −6.8)');
    expect(body).toContain('2 studies, 65 patients');
  });

  it('numbers citations by first appearance and lists the references in that order', () => {
    expect(first.citationOrder).toEqual(['smith2020', 'bg', 'lee2021']);
    expect(first.reviewHtml).toContain('Smith et al.<a class="cite" href="#ref-1">[1]</a>');
    expect(first.reviewHtml).toContain('Lee<a class="cite" href="#ref-3">[3]</a>');
    expect(first.reviewHtml).toMatch(/<li id="ref-1"><span class="ref-label">\[1\]<\/span> Smith J, Jones K\. First trial/);
    expect(first.reviewHtml).toMatch(/<li id="ref-2"><span class="ref-label">\[2\]<\/span> .*reference not identified.*unresolved/);
  });

  it('says that the first version is the first', () => {
    expect(first.changes.first).toBe(true);
    expect(text(first.reviewHtml)).toContain('This is the first version of the review.');
  });

  it('renumbers, updates table and counts, and lists the change when a study is cited early', () => {
    const previous = { references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES };
    const references = REFERENCES + 'new2024,,article-journal,Wang L,New study,J Test,2024,10.1000/a3,en,verified\n';
    const studies = STUDIES + 'new2024,new2024,RA,cohort-retrospective,30,TCZ 8 mg/kg IV q4w,12 months\n';
    const outcomes = OUTCOMES + 'new2024,fvc,count,TCZ,stable,20,30,66.7,,,\n';
    const template = TEMPLATE.replace('<section><h2>RA</h2>', '<section><h2>RA</h2><p>Wang{{cite "new2024"}} added {{study "new2024" "n_enrolled"}}.</p>');
    const second = render({ references, studies, outcomes }, template, previous);

    expect(second.citationOrder).toEqual(['new2024', 'smith2020', 'bg', 'lee2021']);
    expect(second.reviewHtml).toContain('Smith et al.<a class="cite" href="#ref-2">[2]</a>');
    expect(second.reviewHtml).toContain('Lee<a class="cite" href="#ref-4">[4]</a>');
    expect(text(second.reviewHtml)).toContain('3 studies, 95 patients');
    expect(text(second.tableHtml)).toContain('Wang 2024 [1]');
    expect(text(second.tableHtml)).toContain('Smith 2020 [2]');
    // The new study by name, citation, design and n; its results and reference are part of it, and renumbering is no change.
    expect(second.changes.items).toEqual(['New study: Wang 2024 [1], retrospective cohort, n = 30']);
    expect(text(second.reviewHtml)).toContain('Since version 1 (2026-01-05): 1 study added.');
  });

  it('shows a study with several reports once, citing each, and counts it as one study', () => {
    // Made-up rows: a trial (lee2021) and a made-up extension paper (lee2023) of it, recorded as one study.
    const references = REFERENCES + 'lee2023,,article-journal,Lee A,Extension,J Test,2023,10.1000/a4,en,unverified\n';
    const studies = STUDIES.replace('lee2021,lee2021,', 'lee2021,lee2021; lee2023,');
    const outcomes = OUTCOMES.replace('study_id,', 'reference_id,study_id,').replace('\nsmith2020,', '\n,smith2020,').replace('\nlee2021,', '\nlee2021,lee2021,') + 'lee2023,lee2021,mrss,mean_change,TCZ,,,,,-9.6,-10.9,-8.4\n';
    const template = TEMPLATE.replace('Lee{{cite "lee2021"}}', 'Lee{{cite "lee2021"}} and its extension{{cite "lee2023"}}').replaceAll('"mrss" field', '"mrss" reference_id="lee2021" field');
    const out = render({ references, studies, outcomes }, template);
    const table = text(out.tableHtml);
    expect(table.match(/Lee 2021/g)).toHaveLength(1);
    expect(table).toContain('Lee 2021 [3,4]');
    expect(table).toContain('−8.4 (95% CI −10.0 to −6.8), −9.6 (95% CI −10.9 to −8.4)');
    // Readers see no verification badge: that column is the editor's (the reference list marks unverified works).
    expect(out.tableHtml).not.toMatch(/status-unverified|tone-warn[^<]*unverified/);
    expect(text(out.reviewHtml)).toContain('2 studies, 65 patients');
  });

  it('renders the same bytes twice', () => {
    const again = render({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES }, TEMPLATE);
    expect(again.reviewHtml).toBe(first.reviewHtml);
    expect(again.tableHtml).toBe(first.tableHtml);
  });

  it('escapes data: markup in a record renders as text', () => {
    const studies = STUDIES.replace('TCZ 8 mg/kg IV q4w', '"<script>alert(1)</script> {{evil}}"');
    const out = render({ references: REFERENCES, studies, outcomes: OUTCOMES }, TEMPLATE);
    expect(out.tableHtml).not.toContain('<script>');
    expect(out.tableHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{evil}}');
  });

  it('stops with the template position when an outcome does not exist', () => {
    expect(() => render({ references: REFERENCES, studies: STUDIES, outcomes: OUTCOMES }, '<p>\n  {{outcome "smith2020" "dlco" field="count"}}</p>')).toThrow(
      'templates/review.hbs:2:3: no outcome row matches smith2020 dlco',
    );
  });
});

describe('template helpers', () => {
  it('registers every helper the checks accept as known, and no other', async () => {
    const Handlebars = (await import('handlebars')).default;
    const { registerHelpers, TEMPLATE_HELPERS } = await import('../../pipeline/render/helpers.ts');
    const handlebars = Handlebars.create();
    const builtIn = new Set(Object.keys(handlebars.helpers));
    const { dataset } = checkRecords({ tables: {} });
    const { buildReviewModel } = await import('../../pipeline/render/model.ts');
    const { CitationNumbering } = await import('../../pipeline/render/numbering.ts');
    registerHelpers(handlebars, { model: buildReviewModel(dataset, 'en'), numbering: new CitationNumbering(), version: '', blocks: { bibliography: () => '', evidenceTable: () => '', changes: () => '', versionHistory: () => '', forest: () => '' } });
    const ours = Object.keys(handlebars.helpers).filter((name) => !builtIn.has(name)).sort();
    expect(ours).toEqual([...TEMPLATE_HELPERS].filter((name) => !builtIn.has(name)).sort());
  });
});
