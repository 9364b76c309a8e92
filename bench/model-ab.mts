// A/B in one process: the renderers before the document model (commit b817133, unpacked into OLD) against the current
// ones, on the same evidence table (the shipped review's rows repeated), alternating old/new five times.
// Run: git archive b817133 | tar -x -C /tmp/dm-old && ln -s "$PWD/node_modules" /tmp/dm-old/ && node --import tsx bench/model-ab.mts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The two trees are imported by computed paths, so their modules come untyped (any): this script only times them.
const NEW = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const OLD = process.env.OLD ?? '/tmp/dm-old';
const { checkRecords } = await import(`${NEW}/pipeline/run.ts`);
const { buildReviewModel } = await import(`${NEW}/pipeline/render/model.ts`);
const { buildEvidenceTable } = await import(`${NEW}/pipeline/render/evidence-table.ts`);
const { evidenceTableBlock } = await import(`${NEW}/pipeline/render/document/blocks.ts`);
const { blocksHtml } = await import(`${NEW}/pipeline/render/document/html.ts`);
const { htmlDocument } = await import(`${NEW}/pipeline/render/html/document.ts`);
const newPdf = (await import(`${NEW}/pipeline/render/pdf/index.ts`)).renderPdf;
const oldHtml = (await import(`${OLD}/pipeline/render/html/blocks.ts`)).evidenceTableHtml;
const oldDocument = (await import(`${OLD}/pipeline/render/html/document.ts`)).htmlDocument;
const oldPdf = (await import(`${OLD}/pipeline/render/pdf/index.ts`)).renderPdf;

const table = (name: string) => ({ path: `records/${name}.csv`, bytes: readFileSync(join(NEW, 'records', `${name}.csv`)) });
const { dataset } = checkRecords({ tables: { references: table('references'), studies: table('studies'), outcomes: table('outcomes') } });
const model = buildReviewModel(dataset, 'zh');
const base = buildEvidenceTable(model, () => 7);
function sized(rows: number) {
  const all = base.groups.flatMap((g: { rows: unknown[] }) => g.rows);
  const groups = base.groups.map((g: object) => ({ ...g, rows: [] as unknown[] }));
  for (let i = 0; i < rows; i++) groups[i % groups.length].rows.push(all[i % all.length]);
  return { ...base, groups };
}
const options = { title: 'bench', author: '', subject: '', lang: 'zh' as const, landscape: true, creationDate: new Date(0) };
const html10k = sized(10000);
const pdf2k = sized(2000);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const t = { oldHtml: [] as number[], newHtml: [] as number[], oldPdf: [] as number[], newPdf: [] as number[] };
for (let run = 0; run < 5; run++) {
  const order = run % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const which of order) {
    let s = performance.now();
    if (which === 'old') oldDocument({ lang: 'zh', title: 'b', body: oldHtml(html10k), handout: true });
    else htmlDocument({ lang: 'zh', title: 'b', body: blocksHtml({ lang: 'zh', title: 'b', blocks: [evidenceTableBlock(html10k, { verification: false, anchor: 'evidence-table' })] }), handout: true });
    (which === 'old' ? t.oldHtml : t.newHtml).push(performance.now() - s);
    s = performance.now();
    if (which === 'old') await oldPdf(oldDocument({ lang: 'zh', title: 'b', body: oldHtml(pdf2k), handout: true }), options);
    else await newPdf({ lang: 'zh', title: 'b', blocks: [evidenceTableBlock(pdf2k, { verification: false, anchor: 'evidence-table' })] }, options);
    (which === 'old' ? t.oldPdf : t.newPdf).push(performance.now() - s);
  }
}
const m = { oldHtml: median(t.oldHtml) as number, newHtml: median(t.newHtml) as number, oldPdf: median(t.oldPdf) as number, newPdf: median(t.newPdf) as number };
console.log(JSON.stringify(m), 'html ratio new/old', (m.newHtml / m.oldHtml).toFixed(2), 'pdf ratio new/old', (m.newPdf / m.oldPdf).toFixed(2), 'load', (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' '));
