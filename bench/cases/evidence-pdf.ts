// Benchmark child: the evidence-table handout PDF through the project's renderer (table data → document model → renderPdf), timed inside the process.
// Usage: node --import tsx bench/cases/evidence-pdf.ts --table FILE
import { evidenceTableBlock } from '../../pipeline/render/document/blocks.ts';
import { countPages, options, readTableFile, runChild, writeReport } from './child.ts';

runChild('evidence-pdf', async () => {
  const { table: tablePath } = options(['table'] as const);
  const { rows, table } = readTableFile(tablePath);
  // Loaded here, not at the top, so a missing renderer is reported as such rather than as a crash.
  const { renderPdf } = await import('../../pipeline/render/pdf/index.ts');
  // The table enters the document model as data (timed: it replaces the HTML the old renderer parsed back).
  const started = performance.now();
  const document = { lang: 'zh' as const, title: table.caption, blocks: [evidenceTableBlock(table, { verification: false, anchor: 'evidence-table' })] };
  const pdf = await renderPdf(document, {
    title: 'Evidence table benchmark',
    author: 'bench',
    subject: 'evidence table',
    lang: 'zh',
    landscape: true,
    creationDate: new Date('2000-01-01T00:00:00Z'),
  });
  const innerMs = performance.now() - started;
  writeReport({ innerMs, rows, rowsPerSecond: rows / (innerMs / 1000), bytes: pdf.byteLength, pages: countPages(pdf) });
});
