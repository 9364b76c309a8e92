// Golden document models: the shipped review and handout, as the model both renderers walk, must match the committed readable JSON.
// After an intended change, regenerate with UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderShipped, root } from './shipped.ts';
import { readableDocument } from './readable-document.ts';

const golden = join(root, 'test', 'fixtures', 'golden');

describe('golden document models of the shipped review', () => {
  for (const lang of ['zh', 'en'] as const) {
    const rendered = renderShipped(lang);
    for (const [name, document] of [
      [`review.${lang}.json`, rendered.review],
      [`evidence-table.${lang}.json`, rendered.handout],
    ] as const) {
      it(`${name} is unchanged`, () => {
        const json = readableDocument(document);
        const path = join(golden, name);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, json);
        expect(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 once`).toBe(true);
        expect(json).toBe(readFileSync(path, 'utf8'));
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
