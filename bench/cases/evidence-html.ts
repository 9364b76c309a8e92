// Benchmark child: the HTML evidence table of N studies. Times the render (table data → document model → escaped HTML page) inside the process.
// Usage: node --import tsx bench/cases/evidence-html.ts --records DIR --rows N
import { buildEvidenceTable } from '../../pipeline/render/evidence-table.ts';
import { evidenceTableBlock } from '../../pipeline/render/document/blocks.ts';
import { blocksHtml } from '../../pipeline/render/document/html.ts';
import { htmlDocument } from '../../pipeline/render/html/document.ts';
import { options, runChild, writeReport } from './child.ts';
import { loadModel, tableOrderNumbers } from './evidence-model.ts';

runChild('evidence-html', async () => {
  const args = options(['records', 'rows'] as const);
  const rows = Number(args.rows);
  const loadStarted = performance.now();
  const model = loadModel(args.records, rows);
  const loadMs = performance.now() - loadStarted;
  const started = performance.now();
  const table = buildEvidenceTable(model, tableOrderNumbers(model));
  const document = { lang: 'zh' as const, title: table.caption, blocks: [evidenceTableBlock(table, { verification: false, anchor: 'evidence-table' })] };
  const html = htmlDocument({ lang: 'zh', title: table.caption, body: blocksHtml(document), handout: true });
  const innerMs = performance.now() - started;
  writeReport({ innerMs, loadMs, rows, htmlBytes: Buffer.byteLength(html) });
});
