// Benchmark, not a test: our evidence-table layout against PDFKit's doc.table() on the same rows, in one process.
// Run: node --import tsx test/render/pdf/table-bench.ts [rows]   (prints the median of 3 runs of each)
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { Canvas } from '../../../pipeline/render/pdf/canvas.ts';
import { Flow } from '../../../pipeline/render/pdf/flow.ts';
import { plainText, type Block, type TableModel } from '../../../pipeline/render/document/model.ts';
import { documentOf } from './extract.ts';
import { createStyler, themeFor } from '../../../pipeline/render/pdf/style.ts';
import { setTable } from '../../../pipeline/render/pdf/table.ts';
import { renderPdf } from '../../../pipeline/render/pdf/index.ts';
import { handoutHtml } from '../../fixtures/render/review-html.ts';

const rows = Number(process.argv[2] ?? 2000);
const REGULAR = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

function findTable(blocks: readonly Block[]): TableModel {
  for (const block of blocks) {
    if (block.kind === 'table') return block.table;
    if (block.kind === 'section') return findTable(block.blocks);
  }
  throw new Error('no table');
}

const html = handoutHtml(rows);
const table = findTable(documentOf(html).blocks);
const dataRows = table.body.filter((row) => row.kind === 'data').length;

/** Our layout: fonts loaded beforehand, the PDF not finished; only setTable is timed. */
function ours(landscape: boolean): { ms: number; pages: number } {
  const theme = themeFor(landscape);
  const canvas = new Canvas({ size: [theme.width, theme.height], lang: 'zh-CN', info: { Title: 't', Author: 'a', Subject: 's', CreationDate: new Date(0) } });
  const flow = new Flow({ canvas, theme, style: createStyler(), anchors: new Set(), lang: 'zh', parent: null, headings: 0 });
  const start = performance.now();
  setTable(flow, table);
  return { ms: performance.now() - start, pages: canvas.pageCount() };
}

/**
 * PDFKit's own table on the same cell texts and page. The font is set by path (cached under that key), which is
 * doc.table()'s best case: with registerFont it re-reads the 10 MB font for every row.
 */
function pdfkitTable(landscape: boolean): { ms: number; pages: number } {
  const doc = new PDFDocument({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 42, font: REGULAR, bufferPages: true, info: { CreationDate: new Date(0) } });
  doc.fontSize(landscape ? 8 : 7.5);
  const data = [table.head[0]?.cells.map((cell) => plainText(cell.runs)) ?? [], ...table.body.filter((row) => row.kind === 'data').map((row) => row.cells.map((cell) => plainText(cell.runs)))];
  const start = performance.now();
  doc.table({ data });
  return { ms: performance.now() - start, pages: doc.bufferedPageRange().count };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

for (const landscape of [true, false]) {
  ours(landscape); // warm-up: JIT and glyph caches of a first document
  const mine: number[] = [];
  const theirs: number[] = [];
  let pages = [0, 0];
  for (let run = 0; run < 3; run++) {
    const a = ours(landscape);
    const b = pdfkitTable(landscape);
    mine.push(a.ms);
    theirs.push(b.ms);
    pages = [a.pages, b.pages];
  }
  const m = median(mine);
  const t = median(theirs);
  console.log(
    `${landscape ? 'landscape 8 pt' : 'portrait 7.5 pt'}: ${dataRows} rows — ours ${m.toFixed(0)} ms (${Math.round((dataRows / m) * 1000)} rows/s, ${pages[0]} pages), ` +
      `doc.table ${t.toFixed(0)} ms (${Math.round((dataRows / t) * 1000)} rows/s, ${pages[1]} pages), ratio ${(m / t).toFixed(3)}`,
  );
}

const start = performance.now();
const bytes = await renderPdf(documentOf(html), { title: 'Evidence', author: 'a', subject: 's', lang: 'zh', landscape: true, creationDate: new Date(0) });
console.log(`whole handout through renderPdf: ${(performance.now() - start).toFixed(0)} ms, ${bytes.length} bytes`);
