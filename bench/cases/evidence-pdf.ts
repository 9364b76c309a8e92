// Benchmark child: the evidence-table handout PDF through the project's renderer (renderPdf), timed inside the process.
// Usage: node --import tsx bench/cases/evidence-pdf.ts --table FILE
import { evidenceTableHtml } from '../../pipeline/render/html/blocks.ts';
import { htmlDocument } from '../../pipeline/render/html/document.ts';
import { countPages, options, readTableFile, runChild, writeReport } from './child.ts';

runChild('evidence-pdf', async () => {
  const { table: tablePath } = options(['table'] as const);
  const { rows, table } = readTableFile(tablePath);
  const html = htmlDocument({ lang: 'zh', title: table.caption, body: evidenceTableHtml(table), handout: true });
  // Loaded here, not at the top, so a missing renderer is reported as such rather than as a crash.
  const { renderPdf } = await import('../../pipeline/render/pdf/index.ts');
  const started = performance.now();
  const pdf = await renderPdf(html, {
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
