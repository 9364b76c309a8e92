// Tests for how a review is rendered in two passes: templates parsed and compiled once, citeproc run for the final pass only.
import { describe, expect, it, vi } from 'vitest';
import { checkRecords, type InputFile } from '../../pipeline/run.ts';
import { renderReview, type TemplateSource } from '../../pipeline/render/review.ts';
import { parseTemplate } from '../../pipeline/render/handlebars.ts';
import { templateCitations } from '../../pipeline/citations/template-citations.ts';

const citeproc = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../pipeline/citations/csl.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../pipeline/citations/csl.ts')>();
  return {
    ...actual,
    renderBibliography: (...args: Parameters<typeof actual.renderBibliography>) => {
      citeproc.calls++;
      return actual.renderBibliography(...args);
    },
  };
});

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });
const meta = { title: 'Mini review', authors: '', subject: 'test', referenceStyle: 'vancouver' as const };
const { dataset } = checkRecords({
  tables: {
    references: file(
      'references.csv',
      `id,number,type,authors,title,journal,year,doi,language,status
smith2020,1,article-journal,Smith J; Jones K,First trial,J Test,2020,10.1000/a1,en,verified
lee2021,2,article-journal,Lee A,Second trial,J Test,2021,10.1000/a2,en,verified
`,
    ),
    studies: file('studies.csv', 'id,reference_id,disease,design,n_enrolled\nsmith2020,smith2020,RA,case-series,25\n'),
    outcomes: file('outcomes.csv', 'study_id,outcome,measure,arm,category,count,denominator,percent\nsmith2020,fvc,count,TCZ,stable,14,25,56\n'),
  },
});

const render = (main: TemplateSource, partials: TemplateSource[] = []) => renderReview({ dataset, main, partials, meta, lang: 'en', previous: undefined });

describe('renderReview in two passes', () => {
  it('runs citeproc once, for the reference list the final pass writes', () => {
    citeproc.calls = 0;
    const { reviewHtml } = render({ path: 'templates/review.hbs', source: '<p>Smith{{cite "smith2020"}}</p>{{bibliography}}' });
    expect(citeproc.calls).toBe(1);
    expect(reviewHtml).toMatch(/<li id="ref-1"><span class="ref-label">\[1\]<\/span> Smith J, Jones K\. First trial/);
  });

  it('lists every reference cited, in citation order, when the list comes before the first citation', () => {
    const { reviewHtml } = render({ path: 'templates/review.hbs', source: '{{bibliography}}<p>Lee{{cite "lee2021"}}, Smith{{cite "smith2020"}}</p>' });
    expect(reviewHtml).toMatch(/<li id="ref-1"><span class="ref-label">\[1\]<\/span> Lee A\. Second trial.*<li id="ref-2"><span class="ref-label">\[2\]<\/span> Smith J, Jones K\. First trial/s);
  });

  it('renders a tree the check has already walked as it renders the source, standalone lines and ~ included', () => {
    const main = { path: 'templates/review.hbs', source: '<ul>\n  {{#if meta.title}}\n  <li>{{meta.title}}</li>\n  {{/if}}\n</ul>\n{{> part}}\n<p>  {{~cite "smith2020"~}}  </p>\n' };
    const part = { path: 'templates/partials/part.hbs', source: '{{#with meta}}\n  <b>{{subject}}</b>\n{{/with}}\n<p>\n  {{~label "references"}}\n</p>\n' };
    const fromSource = render(main, [part]).markup;
    const parsed = [main, part].map((template) => ({ ...template, tree: parseTemplate(template.source, template.path) }));
    for (const template of parsed) templateCitations(template.source, template.path, template.tree);
    const fromTree = render(parsed[0] as TemplateSource, [parsed[1] as TemplateSource]).markup;
    expect(fromTree).toBe(fromSource);
    // Handlebars' whitespace control did run: the standalone {{#if}} and {{#with}} lines left no blank lines behind.
    expect(fromSource).toContain('<ul>\n  <li>Mini review</li>\n</ul>\n  <b>test</b>\n');
  });

  it('reports a syntax error in a partial with its file before anything renders', () => {
    citeproc.calls = 0;
    const main = { path: 'templates/review.hbs', source: '{{bibliography}}{{> broken}}' };
    expect(() => render(main, [{ path: 'templates/partials/broken.hbs', source: '<p>{{#if x}}</p>' }])).toThrow(/^templates\/partials\/broken\.hbs:1:4: \{\{#if\}\} is never closed$/);
    expect(citeproc.calls).toBe(0);
  });
});
