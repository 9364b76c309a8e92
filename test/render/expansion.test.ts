// Tests for bounded template expansion: fan-out bombs, cycles, depth, computed and inline partials, {{log}}, and the helpers' output budget, each with its place.
import { describe, expect, it } from 'vitest';
import { checkRecords, type InputFile } from '../../pipeline/run.ts';
import { renderReview, type TemplateSource } from '../../pipeline/render/review.ts';
import { checkExpansion, MAX_EXPANDED_CHARS, MAX_PARTIAL_DEPTH, MAX_PARTIAL_EXPANSIONS, type ExpandedTemplate } from '../../pipeline/render/expansion.ts';
import { parseTemplate } from '../../pipeline/render/handlebars.ts';
import { MAX_BLOCK_USES, MAX_HELPER_OUTPUT_CHARS } from '../../pipeline/render/helpers.ts';

const template = (name: string, source: string, chars = source.length): ExpandedTemplate => ({ path: `templates/partials/${name}.hbs`, name, chars, tree: parseTemplate(source, name) });
const main = (source: string): ExpandedTemplate => ({ ...template('review', source), path: 'templates/review.hbs' });

/** `levels` partials l1…l{levels}, each including the next `fan` times; the last holds `leaf`. */
function fanOut(levels: number, fan: number, leaf = '<p>x</p>'): ExpandedTemplate[] {
  return Array.from({ length: levels }, (_, i) => (i === levels - 1 ? template(`l${i + 1}`, leaf) : template(`l${i + 1}`, `{{> l${i + 2}}}`.repeat(fan))));
}

describe('checkExpansion', () => {
  it('accepts the shipped shape: a main template including each section once', () => {
    expect(() => checkExpansion(main('{{> a}}\n{{> b}}\n{{> a}}'), [template('a', '<p>a</p>'), template('b', '<p>{{> c}}</p>'), template('c', 'c')])).not.toThrow();
  });

  it('refuses a fan-out bomb (8 levels × 10 calls: 10^8 inclusions) at once, at the call that passes the bound', () => {
    const started = performance.now();
    expect(() => checkExpansion(main('<p>{{> l1}}</p>'), fanOut(8, 10))).toThrow(
      `templates/partials/l4.hbs:1:73: the templates expand to more than ${MAX_PARTIAL_EXPANSIONS} partial inclusions from here (a partial that includes another many times, nested)`,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a few inclusions of a large partial whose text adds up past the bound', () => {
    const big = template('big', '<p>x</p>', 8 * 1024 * 1024);
    expect(() => checkExpansion(main('{{> big}}{{> big}}{{> big}}{{> big}}{{> big}}'), [big])).toThrow(`templates/review.hbs:1:28: the templates expand to more than ${MAX_EXPANDED_CHARS / 2 ** 20} MiB of template text from here`);
  });

  it('names a cycle, direct or through others, where it closes', () => {
    expect(() => checkExpansion(main('{{> a}}'), [template('a', '<p>\n  {{> a}}</p>')])).toThrow("templates/partials/a.hbs:2:3: partial 'a' includes itself (a → a)");
    expect(() => checkExpansion(main('{{> a}}'), [template('a', '{{> b}}'), template('b', '{{#if x}}{{> c}}{{/if}}'), template('c', '{{> a}}')])).toThrow(
      "templates/partials/c.hbs:1:1: partial 'a' includes itself (a → b → c → a)",
    );
  });

  it(`refuses partials nested more than ${MAX_PARTIAL_DEPTH} deep`, () => {
    const chain = Array.from({ length: MAX_PARTIAL_DEPTH + 2 }, (_, i) => template(`l${i + 1}`, `{{> l${i + 2}}}`));
    chain.push(template(`l${MAX_PARTIAL_DEPTH + 3}`, 'end'));
    // The main template is the first level: l31 is the 32nd, and its call is the one refused.
    expect(() => checkExpansion(main('{{> l1}}'), chain)).toThrow(`templates/partials/l${MAX_PARTIAL_DEPTH - 1}.hbs:1:1: partials are nested more than ${MAX_PARTIAL_DEPTH} deep`);
    expect(() => checkExpansion(main('{{> l1}}'), chain.slice(MAX_PARTIAL_DEPTH - 28))).toThrow(/no partial 'l1'/);
  });

  it('refuses what picks or defines a partial at run time, and an unknown name, at its place', () => {
    const a = template('a', 'a');
    expect(() => checkExpansion(main('x {{> (lookup meta "p")}}'), [a])).toThrow('templates/review.hbs:1:3: a partial is called by its file name, as in {{> section-1}}, not by a computed name');
    expect(() => checkExpansion(main('{{#> a}}fallback{{/a}}'), [a])).toThrow('templates/review.hbs:1:1: partial blocks ({{#> …}}) are not supported: write {{> a}}');
    expect(() => checkExpansion(main('\n{{#*inline "a"}}x{{/inline}}'), [a])).toThrow('templates/review.hbs:2:1: decorators ({{#*inline}}, {{* …}}) are not supported');
    expect(() => checkExpansion(main('{{> passwd}}'), [a])).toThrow("templates/review.hbs:1:1: no partial 'passwd': the partials are the .hbs files of the templates folder (a)");
    expect(() => checkExpansion(main('{{> "a"}}'), [a])).not.toThrow();
  });

  it('refuses two partials with one name (a later one would silently replace the first)', () => {
    const other = { ...template('a', 'b'), path: 'templates/other/a.hbs' };
    expect(() => checkExpansion(main(''), [template('a', 'a'), other])).toThrow("templates/other/a.hbs: the partial name 'a' is also that of templates/partials/a.hbs; rename one");
  });
});

const file = (path: string, text: string): InputFile => ({ path, bytes: new TextEncoder().encode(text) });
const meta = { title: 'Made-up review', authors: '', subject: 'test', referenceStyle: 'vancouver' as const };
// Made up for these tests: one reference, one study whose conclusion is a long cell.
const LONG = 'y'.repeat(1024 * 1024);
const { dataset } = checkRecords({
  tables: {
    references: file('references.csv', 'id,number,type,authors,title,journal,year,doi,language,status\nsmith2020,1,article-journal,Smith J,First trial,J Test,2020,10.1000/a1,en,verified\n'),
    studies: file('studies.csv', `id,reference_id,disease,design,n_enrolled,conclusion\nsmith2020,smith2020,RA,case-series,25,${LONG}\n`),
    outcomes: file('outcomes.csv', 'study_id,outcome,measure,arm,category,count,denominator,percent\nsmith2020,fvc,count,TCZ,stable,14,25,56\n'),
  },
});
const render = (source: string, partials: TemplateSource[] = []) =>
  renderReview({ dataset, main: { path: 'templates/review.hbs', source }, partials, meta, lang: 'en', previous: undefined });

describe('renderReview: bounded and confined to the document', () => {
  it('a fan-out bomb stops before any rendering, within a second', () => {
    const partials = fanOut(8, 10, `<p>${'x'.repeat(300)}</p>`).map((t) => ({ path: t.path, source: t.name === 'l8' ? `<p>${'x'.repeat(300)}</p>` : `{{> l${Number(t.name.slice(1)) + 1}}}`.repeat(10) }));
    const started = performance.now();
    expect(() => render('<p>{{> l1}}</p>', partials)).toThrow(/^templates\/partials\/l4\.hbs:1:73: the templates expand to more than/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('{{log}} writes nothing to the console: as a call it is an unknown helper, as a lookup it is not defined', () => {
    // (review check and build stop earlier, at the citation scan: "unknown helper 'log'"; see test/fixtures/bad/tpl-log-helper.)
    expect(() => render('<p>{{log "::error::x"}}</p>')).toThrow('templates/review.hbs:1:6: "log" is not defined');
    expect(() => render('<p>{{log}}</p>')).toThrow('templates/review.hbs:1:6: "log" is not defined');
  });

  it(`a block inserted more than ${MAX_BLOCK_USES} times is an error at the call that passes the bound`, () => {
    const source = `<p>{{cite "smith2020"}}</p>\n${'{{evidenceTable}}'.repeat(MAX_BLOCK_USES)}\n{{evidenceTable}}`;
    expect(() => render(source)).toThrow(`templates/review.hbs:3:1: {{evidenceTable}} is inserted more than ${MAX_BLOCK_USES} times`);
  });

  it(`what the helpers return is bounded (${MAX_HELPER_OUTPUT_CHARS / 2 ** 20} MiB a pass): a 1 MiB cell inserted from a partial included over and over`, () => {
    const partials = [
      { path: 'templates/partials/conclusion.hbs', source: '{{study "smith2020" "conclusion"}}' },
      { path: 'templates/partials/ten.hbs', source: '{{> conclusion}}'.repeat(10) },
      { path: 'templates/partials/hundred.hbs', source: '{{> ten}}'.repeat(20) },
    ];
    expect(() => render('<p>{{cite "smith2020"}}</p>{{> hundred}}', partials)).toThrow(`templates/partials/conclusion.hbs:1:1: the helpers' output passes ${MAX_HELPER_OUTPUT_CHARS / 2 ** 20} MiB here`);
    // Below the bound it renders.
    expect(render('<p>{{cite "smith2020"}}</p>{{> ten}}', partials).reviewHtml).toContain(LONG);
  });
});
