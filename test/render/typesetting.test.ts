// The shipped review's PDFs read back with pdfjs, in both languages: no word broken without a hyphen, no split number, a structure tree; the handout's links all resolve.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf } from '../../pipeline/render/pdf/index.ts';
import { PLAIN, type Block, type DocumentModel, type Run, type TableModel } from '../../pipeline/render/document/model.ts';
import { label } from '../../pipeline/render/labels.ts';
import { renderShipped } from './shipped.ts';

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
}

interface ReadBack {
  items: Item[][];
  roles: Set<string>;
  links: string[];
  unresolved: string[];
  lang: string | undefined;
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const items: Item[][] = [];
    const roles = new Set<string>();
    const links: string[] = [];
    const unresolved: string[] = [];
    const visit = (node: { role?: string; children?: unknown[] } | null): void => {
      if (node?.role) roles.add(node.role);
      for (const child of node?.children ?? []) visit(child as { role?: string; children?: unknown[] });
    };
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      items.push(
        content.items
          .filter((item): item is typeof item & { str: string; transform: number[]; width: number } => 'str' in item && item.str.trim() !== '')
          .map((item) => ({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width })),
      );
      visit((await page.getStructTree()) as never);
      for (const annotation of (await page.getAnnotations()) as { subtype?: string; dest?: unknown }[]) {
        if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
        links.push(annotation.dest);
        if ((await pdf.getDestination(annotation.dest)) === null) unresolved.push(annotation.dest);
      }
    }
    const lang = ((await pdf.getMetadata()).info as { Language?: string }).Language;
    return { items, roles, links, unresolved, lang };
  } finally {
    await pdf.destroy();
  }
}

/** Every run's text in the document, for the words and numbers it holds. */
function textOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  const runs = (list: readonly Run[]): void => {
    for (const run of list) out.push(run.text);
    out.push(' ');
  };
  const visit = (block: Block): void => {
    if (block.kind === 'section') block.blocks.forEach(visit);
    else if (block.kind === 'list') block.items.forEach((item) => runs(item.runs));
    else if (block.kind === 'references') block.entries.forEach((entry) => runs(entry.runs));
    else if (block.kind === 'table') {
      runs(block.table.caption);
      for (const row of [...block.table.head, ...block.table.body]) for (const cell of row.cells) runs(cell.runs);
      block.table.notes.forEach(runs);
    } else if (block.kind === 'figure') runs(block.figure.caption);
    else runs(block.runs);
  };
  blocks.forEach(visit);
  return out.join('');
}

/**
 * Places where a line ends inside a word or a number: a line whose next line starts further left and lower (the
 * text wrapped), ending in letters that are no word of the source and no hyphen, or in a digit when the next line
 * starts with one.
 */
function brokenWords(pages: readonly Item[][], document: DocumentModel): string[] {
  const source = textOf(document.blocks);
  const words = new Set(source.match(/[A-Za-z]+/g) ?? []);
  const broken: string[] = [];
  for (const items of pages) {
    for (let i = 0; i + 1 < items.length; i++) {
      const a = items[i] as Item;
      const b = items[i + 1] as Item;
      const wrapped = b.y < a.y - 1 && b.x < a.x + a.width - 1;
      if (!wrapped) continue;
      const end = a.text.trimEnd();
      const letters = /[A-Za-z]+$/.exec(end)?.[0];
      if (letters !== undefined && !words.has(letters)) broken.push(`${end} / ${b.text}`);
      if (/\d$/.test(end) && /^\d/.test(b.text.trimStart())) broken.push(`${end} / ${b.text}`);
    }
  }
  return broken;
}

describe('the broken-word finder', () => {
  it('finds a word or number wrapped without a hyphen, and passes a hyphenated one', () => {
    const document: DocumentModel = { lang: 'en', title: '', blocks: [{ kind: 'paragraph', role: 'body', runs: [{ text: 'placebo for 212 patients', marks: PLAIN }], anchor: null }] };
    const line = (text: string, y: number): Item => ({ text, x: 10, y, width: 40 });
    expect(brokenWords([[line('placeb', 100), line('o for', 90)]], document)).toEqual(['placeb / o for']);
    expect(brokenWords([[line('for 21', 100), line('2 patients', 90)]], document)).toEqual(['for 21 / 2 patients']);
    expect(brokenWords([[line('place-', 100), line('bo for 212', 90)]], document)).toEqual([]);
  });
});

describe.each(['zh', 'en'] as const)('the shipped review read back from its PDFs (%s)', (lang) => {
  const rendered = renderShipped(lang);
  const options = { title: rendered.review.title, author: '', subject: '', lang, creationDate: new Date(0) };
  let review: ReadBack;
  let handout: ReadBack;

  beforeAll(async () => {
    review = await readBack(await renderPdf(rendered.review, { ...options, landscape: false }));
    handout = await readBack(await renderPdf(rendered.handout, { ...options, landscape: true }));
  }, 60_000);

  it('breaks no word without a hyphen and splits no number', () => {
    expect(brokenWords(review.items, rendered.review)).toEqual([]);
    expect(brokenWords(handout.items, rendered.handout)).toEqual([]);
  });

  it('has a structure tree of headings, paragraphs, lists and the table, and says its language', () => {
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'P', 'L', 'LI']) expect(review.roles).toContain(role);
    for (const role of ['Table', 'TR', 'TH', 'TD', 'Caption']) expect(handout.roles).toContain(role);
    expect(review.lang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  });

  it('links every citation of the handout to a place inside it', () => {
    expect(handout.links.length).toBeGreaterThanOrEqual(10);
    expect(handout.unresolved).toEqual([]);
    const ids = new Set([...rendered.tableHtml.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...rendered.tableHtml.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(10);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
  });

  it('shows readers no verification column', () => {
    const heading = label('status', lang);
    const tables = [...rendered.review.blocks, ...rendered.handout.blocks].flatMap(function tablesOf(block): TableModel[] {
      return block.kind === 'table' ? [block.table] : block.kind === 'section' ? block.blocks.flatMap(tablesOf) : [];
    });
    expect(tables.length).toBe(2);
    for (const table of tables) expect(table.head[0]?.cells.map((cell) => cell.runs.map((run) => run.text).join(''))).not.toContain(heading);
  });
});
