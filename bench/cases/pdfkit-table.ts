// Baseline child: the same evidence-table rows through PDFKit's built-in doc.table(), same font, page size and margins.
// Usage: node --import tsx bench/cases/pdfkit-table.ts --table FILE
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { EvidenceTable, TableCell } from '../../pipeline/render/evidence-table.ts';
import { themeFor } from '../../pipeline/render/pdf/style.ts';
import { countPages, options, readTableFile, runChild, writeReport } from './child.ts';

const FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

type PdfTableCell = string | { text: string; colSpan: number };

/** Header, then each disease group as a spanning heading row followed by its studies; a cell's lines joined by line breaks. */
function tableData(table: EvidenceTable): PdfTableCell[][] {
  const rows: PdfTableCell[][] = [table.columns];
  for (const group of table.groups) {
    rows.push([{ text: group.heading, colSpan: table.columns.length }]);
    for (const cells of group.rows) rows.push(cells.map(cellText));
  }
  return rows;
}

function cellText(cell: TableCell): string {
  const text = cell.lines.join('\n');
  return cell.cite === undefined ? text : `${text} [${cell.cite}]`;
}

function renderTable(table: EvidenceTable): Promise<Buffer> {
  const theme = themeFor(true);
  const doc = new PDFDocument({
    size: [theme.width, theme.height],
    margins: { top: theme.top, bottom: theme.bottom, left: theme.left, right: theme.right },
    info: { Title: 'Evidence table benchmark', CreationDate: new Date('2000-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Opened once by path: PDFKit caches a font under its path. registerFont() + doc.table() would re-read the
  // 10 MB file for every cell (measured at ~0.7 s a row), which would make this baseline meaningless.
  doc.font(createRequire(import.meta.url).resolve(FONT)).fontSize(theme.table.size);
  doc.table({ data: tableData(table), defaultStyle: { padding: [theme.table.padY, theme.table.padX] } });
  doc.end();
  return finished;
}

runChild('pdfkit-table', async () => {
  const { table: tablePath } = options(['table'] as const);
  const { rows, table } = readTableFile(tablePath);
  const started = performance.now();
  const pdf = await renderTable(table);
  const innerMs = performance.now() - started;
  writeReport({ innerMs, rows, rowsPerSecond: rows / (innerMs / 1000), bytes: pdf.byteLength, pages: countPages(pdf) });
});
