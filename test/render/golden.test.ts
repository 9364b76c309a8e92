// Golden files: the shipped review rendered to HTML must match the committed copy byte for byte.
// After an intended change, regenerate with UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts and review the diff.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecords } from '../../pipeline/run.ts';
import { renderReview } from '../../pipeline/render/review.ts';

const root = join(import.meta.dirname, '..', '..');
const golden = join(root, 'test', 'fixtures', 'golden');

function renderShipped(lang: 'zh' | 'en') {
  const table = (name: string) => ({ path: `records/${name}.csv`, bytes: readFileSync(join(root, 'records', `${name}.csv`)) });
  const { dataset } = checkRecords({ tables: { references: table('references'), studies: table('studies'), outcomes: table('outcomes') } });
  const partials = readdirSync(join(root, 'templates', 'partials'))
    .filter((name) => name.endsWith('.hbs'))
    .sort()
    .map((name) => ({ path: `templates/partials/${name}`, source: readFileSync(join(root, 'templates', 'partials', name), 'utf8') }));
  const main = { path: 'templates/review.hbs', source: readFileSync(join(root, 'templates', 'review.hbs'), 'utf8') };
  const meta = JSON.parse(readFileSync(join(root, 'templates', 'review.json'), 'utf8'));
  // As a build of a review never published renders it: the draft of version 1, with no history.
  return renderReview({ dataset, main, partials, meta, lang, previous: undefined, version: { number: 1, published: false, date: undefined }, history: [] });
}

describe('golden HTML of the shipped review', () => {
  for (const lang of ['zh', 'en'] as const) {
    const rendered = renderShipped(lang);
    for (const [name, page] of [
      [`review.${lang}.html`, rendered.reviewHtml],
      [`evidence-table.${lang}.html`, rendered.tableHtml],
    ] as const) {
      it(`${name} is unchanged`, () => {
        // The inline style sheet is pipeline/render/html/style.css verbatim: compared there, not copied here.
        const html = page.replace(/<style>[\s\S]*?<\/style>/, '<style>/* style.css */</style>');
        const path = join(golden, name);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, html);
        expect(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 once`).toBe(true);
        expect(html).toBe(readFileSync(path, 'utf8'));
      });
    }
  }

  it('numbers the 47 references in the order the published review cites them', () => {
    const { citationOrder } = renderShipped('zh');
    const numbers = readFileSync(join(root, 'records', 'references.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(0, 2))
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map(([id]) => id);
    expect(citationOrder).toEqual(numbers);
  });
});
