// Test helper: the shipped review (records/ and templates/) rendered in-process from its sources.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecords } from '../../pipeline/run.ts';
import { renderReview, type RenderedReview } from '../../pipeline/render/review.ts';

export const root = join(import.meta.dirname, '..', '..');

export function renderShipped(lang: 'zh' | 'en'): RenderedReview {
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

