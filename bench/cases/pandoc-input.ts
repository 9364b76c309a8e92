// Prepares pandoc's input from the shipped review: its text as Markdown with [@id] citations and its references as CSL-JSON.
// Usage: node --import tsx bench/cases/pandoc-input.ts --out DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRecords } from '../../pipeline/run.ts';
import { toCslItem } from '../../pipeline/citations/csl-item.ts';
import { findCitations } from '../../pipeline/citations/manuscript.ts';
import type { ReferenceRecord } from '../../pipeline/schema/tables.ts';
import { options, runChild } from './child.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function shippedReferences(): ReferenceRecord[] {
  const path = 'records/references.csv';
  const { dataset } = checkRecords({ tables: { references: { path, bytes: readFileSync(join(ROOT, path)) } } });
  return dataset.references.filter((reference) => !reference.rejected && reference.id !== undefined);
}

/** The review text with each numbered citation ("[27]", "[12-14]") rewritten as pandoc's "[@manfredi2020; @…]". */
function withPandocCitations(text: string, idOf: ReadonlyMap<number, string>): string {
  let markdown = text;
  // From the last citation to the first, so earlier offsets stay valid.
  for (const citation of findCitations(text).reverse()) {
    const ids = citation.numbers.map((number) => idOf.get(number));
    if (ids.length === 0 || ids.some((id) => id === undefined)) continue;
    markdown = `${markdown.slice(0, citation.offset)}[${ids.map((id) => `@${id}`).join('; ')}]${markdown.slice(citation.offset + citation.raw.length)}`;
  }
  return markdown;
}

runChild('pandoc-input', async () => {
  const { out } = options(['out'] as const);
  const references = shippedReferences();
  const idOf = new Map(references.filter((r) => r.number !== undefined).map((r) => [r.number as number, r.id as string]));
  const review = readFileSync(join(ROOT, 'test/fixtures/seed/review.txt'), 'utf8');
  const front = '---\ntitle: 托珠单抗治疗结缔组织病相关间质性肺病的研究进展\nlang: zh-CN\n---\n\n';
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'review.md'), `${front}${withPandocCitations(review, idOf)}\n\n# 参考文献\n`);
  writeFileSync(join(out, 'references.json'), JSON.stringify(references.map((r) => toCslItem(r, r.id as string, 'zh')), null, 1));
});
