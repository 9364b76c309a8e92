// Reads the review's HTML subset into blocks of styled text runs and a table model; no layout, no PDF.
import { classesOf, hasClass, parseHtml, textOf, type HtmlElement, type HtmlNode } from './html.ts';
import { appendAll, maxOf } from '../../arrays.ts';

/** How a span of text is marked up; the layout turns marks into fonts, sizes and colours. */
export interface Marks {
  bold: boolean;
  italic: boolean;
  script: 'none' | 'sup' | 'sub';
  code: boolean;
  /** A citation (`a.cite`): set smaller and raised in running text. */
  cite: boolean;
  /** `#id` for a place in this document, or an absolute web address; null when not a link. */
  href: string | null;
  tone: Tone;
}

/** Status colours: verified, unverified and unresolved evidence. */
export type Tone = 'normal' | 'muted' | 'good' | 'warn' | 'bad';

/** A span of text with one set of marks; the text `\n` alone is a forced line break. */
export interface Run {
  text: string;
  marks: Marks;
}

export type Lang = 'zh' | 'en';

export type ParagraphRole = 'body' | 'meta' | 'keywords' | 'note';

export type SectionRole = 'body' | 'abstract' | 'changes' | 'references';

export interface ListItem {
  /** The marker as printed: `[12]` in a reference list, `3.` in an ordered list, `•` otherwise. */
  label: string;
  runs: Run[];
  anchor: string | null;
}

export interface TableCell {
  runs: Run[];
  header: boolean;
  colspan: number;
}

export interface TableRow {
  /** `group` rows (a disease, say) span the whole table. */
  kind: 'group' | 'data';
  cells: TableCell[];
}

export interface TableModel {
  caption: Run[];
  head: TableRow[];
  body: TableRow[];
  notes: Run[][];
  columns: number;
  anchor: string | null;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[]; anchor: string | null }
  | { kind: 'paragraph'; role: ParagraphRole; runs: Run[]; anchor: string | null }
  | { kind: 'list'; ordered: boolean; references: boolean; items: ListItem[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'section'; role: SectionRole; lang: Lang | null; blocks: Block[]; anchor: string | null };

export interface DocumentModel {
  /** From `<html lang>`; null when the document does not say. */
  lang: Lang | null;
  blocks: Block[];
}

export const PLAIN: Marks = { bold: false, italic: false, script: 'none', code: false, cite: false, href: null, tone: 'normal' };

const CONTAINERS = new Set(['#root', 'html', 'body', 'main', 'article', 'header', 'footer', 'section', 'div', 'figure', 'nav', 'aside', 'blockquote']);
const BLOCKS = new Set([...CONTAINERS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'figcaption', 'pre', 'hr', 'dl', 'dt', 'dd']);

/** Parses the HTML and reads it into a document model. */
export function readDocument(html: string): DocumentModel {
  const root = parseHtml(html);
  const htmlElement = root.children.find((node): node is HtmlElement => node.kind === 'element' && node.name === 'html');
  return { lang: langOf(htmlElement), blocks: readBlocks(root.children) };
}

function langOf(element: HtmlElement | undefined): Lang | null {
  const value = element?.attrs['lang']?.toLowerCase();
  if (value === undefined || value === '') return null;
  return value.startsWith('zh') ? 'zh' : 'en';
}

/** Reads a container's children; loose text and inline elements between blocks become an anonymous paragraph. */
export function readBlocks(nodes: readonly HtmlNode[]): Block[] {
  const blocks: Block[] = [];
  let loose: HtmlNode[] = [];
  const flush = (): void => {
    const runs = readInline(loose, PLAIN);
    if (hasText(runs)) blocks.push({ kind: 'paragraph', role: 'body', runs, anchor: null });
    loose = [];
  };
  for (const node of nodes) {
    if (node.kind === 'element' && isBlock(node)) {
      flush();
      appendAll(blocks, readBlock(node));
    } else {
      loose.push(node);
    }
  }
  flush();
  return blocks;
}

// Unknown elements count as blocks when they hold blocks, so their content keeps its structure.
function isBlock(element: HtmlElement): boolean {
  return BLOCKS.has(element.name) || (element.name !== 'a' && element.children.some((child) => child.kind === 'element' && isBlock(child)));
}

function readBlock(element: HtmlElement): Block[] {
  const anchor = element.attrs['id'] ?? null;
  switch (element.name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return [{ kind: 'heading', level: headingLevel(element.name), runs: readInline(element.children, PLAIN), anchor }];
    case 'p':
    case 'pre':
    case 'dt':
    case 'dd':
      return paragraph(element, paragraphRole(element), anchor);
    case 'figcaption':
      return paragraph(element, 'note', anchor);
    case 'ul':
    case 'ol':
      return [readList(element)];
    case 'li':
      return paragraph(element, 'body', anchor);
    case 'table':
      return [{ kind: 'table', table: readTable(element, [], anchor) }];
    case 'hr':
      return [];
    case 'figure':
      return readFigure(element);
    case 'section':
      return [{ kind: 'section', role: sectionRole(element), lang: langOf(element), blocks: readBlocks(element.children), anchor }];
    default:
      return readBlocks(element.children);
  }
}

function headingLevel(name: string): 1 | 2 | 3 {
  return name === 'h1' ? 1 : name === 'h2' ? 2 : 3;
}

function paragraph(element: HtmlElement, role: ParagraphRole, anchor: string | null): Block[] {
  const runs = readInline(element.children, PLAIN);
  return hasText(runs) ? [{ kind: 'paragraph', role, runs, anchor }] : [];
}

function paragraphRole(element: HtmlElement): ParagraphRole {
  if (hasClass(element, 'meta')) return 'meta';
  if (hasClass(element, 'keywords')) return 'keywords';
  if (hasClass(element, 'note')) return 'note';
  return 'body';
}

function sectionRole(element: HtmlElement): SectionRole {
  const classes = classesOf(element);
  if (classes.includes('abstract')) return 'abstract';
  if (classes.includes('changes')) return 'changes';
  if (classes.includes('references')) return 'references';
  return 'body';
}

// A figure's table (directly inside or in a wrapper such as a scrolling div) takes the figure's captions as notes.
function readFigure(figure: HtmlElement): Block[] {
  const table = findTable(figure);
  if (table === null) return readBlocks(figure.children);
  const captions = figure.children.filter((node): node is HtmlElement => node.kind === 'element' && node.name === 'figcaption');
  const notes = captions.map((caption) => readInline(caption.children, PLAIN)).filter(hasText);
  const rest = figure.children.filter((node) => !captions.includes(node as HtmlElement) && !(node.kind === 'element' && findTable(node) === table));
  return [{ kind: 'table', table: readTable(table, notes, table.attrs['id'] ?? figure.attrs['id'] ?? null) }, ...readBlocks(rest)];
}

function findTable(element: HtmlElement): HtmlElement | null {
  if (element.name === 'table') return element;
  for (const child of element.children) {
    if (child.kind !== 'element' || child.name === 'figure') continue;
    const found = findTable(child);
    if (found !== null) return found;
  }
  return null;
}

function readList(list: HtmlElement): Block {
  const ordered = list.name === 'ol';
  const references = hasClass(list, 'references');
  const start = Number.parseInt(list.attrs['start'] ?? '1', 10);
  let next = Number.isFinite(start) ? start : 1;
  const items: ListItem[] = [];
  for (const node of list.children) {
    if (node.kind !== 'element') {
      if (textOf(node).trim() !== '') items.push({ label: '', runs: readInline([node], PLAIN), anchor: null });
      continue;
    }
    const value = Number.parseInt(node.attrs['value'] ?? '', 10);
    const number = Number.isFinite(value) ? value : next;
    next = number + 1;
    const label = !ordered ? '•' : references ? `[${number}]` : `${number}.`;
    items.push({ label, runs: readInline(node.children, PLAIN), anchor: node.attrs['id'] ?? null });
  }
  return { kind: 'list', ordered, references, items };
}

function readTable(table: HtmlElement, notes: Run[][], anchor: string | null): TableModel {
  const caption = table.children.find((node): node is HtmlElement => node.kind === 'element' && node.name === 'caption');
  const head: TableRow[] = [];
  const body: TableRow[] = [];
  for (const node of table.children) {
    if (node.kind !== 'element') continue;
    if (node.name === 'thead') appendAll(head, rowsOf(node));
    else if (node.name === 'tbody' || node.name === 'tfoot') appendAll(body, rowsOf(node));
    else if (node.name === 'tr') body.push(readRow(node));
  }
  // Without a thead, a first row of header cells is the header.
  if (head.length === 0 && body[0] !== undefined && body[0].cells.every((cell) => cell.header)) head.push(body.shift() as TableRow);
  const columns = maxOf([...head, ...body].map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)), 1);
  for (const row of body) {
    if (row.cells.length === 1 && row.cells[0] !== undefined && row.cells[0].colspan >= columns && columns > 1) row.kind = 'group';
  }
  return { caption: caption === undefined ? [] : readInline(caption.children, PLAIN), head, body, notes, columns, anchor };
}

function rowsOf(section: HtmlElement): TableRow[] {
  return section.children.filter((node): node is HtmlElement => node.kind === 'element' && node.name === 'tr').map(readRow);
}

function readRow(row: HtmlElement): TableRow {
  const cells: TableCell[] = row.children
    .filter((node): node is HtmlElement => node.kind === 'element' && (node.name === 'td' || node.name === 'th'))
    .map((cell) => ({
      runs: readInline(cell.children, PLAIN),
      header: cell.name === 'th' && cell.attrs['scope'] !== 'row',
      colspan: Math.max(1, Number.parseInt(cell.attrs['colspan'] ?? '1', 10) || 1),
    }));
  const group = hasClass(row, 'group') || row.children.some((node) => node.kind === 'element' && node.attrs['scope'] === 'rowgroup');
  return { kind: group ? 'group' : 'data', cells };
}

/** Reads inline content into runs; block elements met inside inline content are set off by line breaks. */
export function readInline(nodes: readonly HtmlNode[], marks: Marks): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      if (node.text !== '') runs.push({ text: node.text, marks });
      continue;
    }
    if (node.name === 'br') {
      runs.push({ text: '\n', marks });
      continue;
    }
    const inner = readInline(node.children, marksOf(node, marks));
    if (BLOCKS.has(node.name) && hasText(inner)) {
      if (hasText(runs)) runs.push({ text: '\n', marks });
      appendAll(runs, inner);
      runs.push({ text: '\n', marks });
    } else {
      appendAll(runs, inner);
    }
  }
  return runs;
}

function marksOf(element: HtmlElement, marks: Marks): Marks {
  switch (element.name) {
    case 'strong':
    case 'b':
      return { ...marks, bold: true };
    case 'em':
    case 'i':
    case 'cite':
    case 'var':
      return { ...marks, italic: true };
    case 'sup':
      return { ...marks, script: 'sup' };
    case 'sub':
      return { ...marks, script: 'sub' };
    case 'code':
    case 'kbd':
    case 'samp':
      return { ...marks, code: true };
    case 'a':
      return { ...marks, href: linkTarget(element.attrs['href']), cite: marks.cite || hasClass(element, 'cite') };
    case 'span':
      return { ...marks, tone: toneOf(element) ?? marks.tone };
    default:
      return marks;
  }
}

function linkTarget(href: string | undefined): string | null {
  if (href === undefined) return null;
  return href.startsWith('#') || /^(https?:|mailto:)/i.test(href) ? href : null;
}

function toneOf(element: HtmlElement): Tone | null {
  const classes = classesOf(element).join(' ');
  if (/\b(?:status|ref)-(?:unresolved|rejected|retracted)\b/.test(classes)) return 'bad';
  if (/\b(?:status|ref)-unverified\b/.test(classes)) return 'warn';
  if (/\b(?:status|ref)-verified\b/.test(classes)) return 'good';
  if (/\b(?:muted|note)\b/.test(classes)) return 'muted';
  return null;
}

function hasText(runs: readonly Run[]): boolean {
  return runs.some((run) => run.text.trim() !== '');
}

/** The plain text of runs, whitespace collapsed: for bookmarks and running heads. */
export function plainText(runs: readonly Run[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every id a link may point at. */
export function anchorsOf(blocks: readonly Block[]): Set<string> {
  const anchors = new Set<string>();
  const visit = (block: Block): void => {
    if (block.kind === 'section') block.blocks.forEach(visit);
    if (block.kind === 'list') for (const item of block.items) if (item.anchor !== null) anchors.add(item.anchor);
    const anchor = block.kind === 'table' ? block.table.anchor : block.kind === 'list' ? null : block.anchor;
    if (anchor !== null) anchors.add(anchor);
  };
  blocks.forEach(visit);
  return anchors;
}
