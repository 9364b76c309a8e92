// The one place template markup is accepted: template output is parsed once into document blocks, keeping only the markup the model knows.
import { parseHtml, textOf, type HtmlElement, type HtmlNode } from './parse-html.ts';
import { appendAll, maxOf } from '../../arrays.ts';
import { PLAIN, hasText, type Block, type Lang, type ListItem, type Marks, type ParagraphRole, type Run, type SectionRole, type TableCell, type TableModel, type TableRow, type Tone } from './model.ts';

/**
 * The tool's own blocks (evidence table, reference list, what changed) are not markup: a helper leaves
 * `<review-block name="…">` where the template calls it, and the reader puts the block's model there.
 * That element is all the template markup says about them, so nothing the tool computes is parsed back.
 */
export const BLOCK_ELEMENT = 'review-block';

export type BlockSlots = (name: string) => Block[];

/**
 * What is kept (the sanitiser): headings, paragraphs, lists, tables, sections with their role and language,
 * emphasis, strong, sup/sub, code, links to `#id`, http(s) and mailto, citations (`a.cite`), status tones, line
 * breaks. Any other element keeps its text and loses itself and its attributes; `<script>`, `<style>` and the like
 * lose their text too. Nothing of the template reaches either output except through these blocks and runs.
 */
export function readMarkup(html: string, slots: BlockSlots): Block[] {
  return new MarkupReader(slots).blocks(parseHtml(html).children);
}

/** Inline markup alone (a reference entry as citeproc writes it): runs, with the same rules. */
export function readInlineMarkup(html: string): Run[] {
  return new MarkupReader(() => []).inline(parseHtml(html).children, PLAIN);
}

/** Language of a `lang` attribute; null when absent. */
export function langOf(value: string | undefined): Lang | null {
  const lang = value?.toLowerCase();
  if (lang === undefined || lang === '') return null;
  return lang.startsWith('zh') ? 'zh' : 'en';
}

const CONTAINERS = new Set(['#root', 'html', 'body', 'main', 'article', 'header', 'footer', 'section', 'div', 'figure', 'nav', 'aside', 'blockquote']);
const BLOCKS = new Set([...CONTAINERS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'figcaption', 'pre', 'hr', 'dl', 'dt', 'dd', BLOCK_ELEMENT]);
const ROLES: readonly SectionRole[] = ['abstract', 'changes', 'references', 'evidence'];
const PARAGRAPH_ROLES: readonly ParagraphRole[] = ['meta', 'byline', 'version', 'keywords', 'note'];

class MarkupReader {
  private readonly slots: BlockSlots;
  // Marks objects are shared by value: a cell's runs mostly have the same marks.
  private readonly marks = new Map<string, Marks>();

  constructor(slots: BlockSlots) {
    this.slots = slots;
    this.shared(PLAIN);
  }

  /** A container's children; loose text and inline elements between blocks become an anonymous paragraph. */
  blocks(nodes: readonly HtmlNode[]): Block[] {
    const blocks: Block[] = [];
    let loose: HtmlNode[] = [];
    const flush = (): void => {
      const runs = this.inline(loose, PLAIN);
      if (hasText(runs)) blocks.push({ kind: 'paragraph', role: 'body', runs: trimRuns(runs), anchor: null });
      loose = [];
    };
    for (const node of nodes) {
      if (node.kind === 'element' && isBlock(node)) {
        flush();
        appendAll(blocks, this.block(node));
      } else {
        loose.push(node);
      }
    }
    flush();
    return blocks;
  }

  private block(element: HtmlElement): Block[] {
    const anchor = anchorOf(element);
    switch (element.name) {
      case BLOCK_ELEMENT:
        return this.slots(element.attrs['name'] ?? '');
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return [{ kind: 'heading', level: element.name === 'h1' ? 1 : element.name === 'h2' ? 2 : 3, runs: trimRuns(this.inline(element.children, PLAIN)), anchor }];
      case 'p':
      case 'pre':
      case 'dt':
      case 'dd':
      case 'li':
        return this.paragraph(element, paragraphRole(element), anchor);
      case 'figcaption':
        return this.paragraph(element, 'note', anchor);
      case 'ul':
      case 'ol':
        return [this.list(element)];
      case 'table':
        return [{ kind: 'table', table: this.table(element, anchor) }];
      case 'hr':
        return [];
      case 'section':
        return [{ kind: 'section', role: sectionRole(element), lang: langOf(element.attrs['lang']), blocks: this.blocks(element.children), anchor }];
      default:
        return this.blocks(element.children);
    }
  }

  private paragraph(element: HtmlElement, role: ParagraphRole, anchor: string | null): Block[] {
    const runs = this.inline(element.children, PLAIN);
    return hasText(runs) ? [{ kind: 'paragraph', role, runs: trimRuns(runs), anchor }] : [];
  }

  private list(list: HtmlElement): Block {
    const ordered = list.name === 'ol';
    const start = Number.parseInt(list.attrs['start'] ?? '1', 10);
    let next = Number.isFinite(start) ? start : 1;
    const items: ListItem[] = [];
    for (const node of list.children) {
      if (node.kind !== 'element') {
        if (textOf(node).trim() !== '') items.push({ label: ordered ? `${next++}.` : '•', runs: trimRuns(this.inline([node], PLAIN)), anchor: null });
        continue;
      }
      const value = Number.parseInt(node.attrs['value'] ?? '', 10);
      const number = Number.isFinite(value) ? value : next;
      next = number + 1;
      items.push({ label: ordered ? `${number}.` : '•', runs: trimRuns(this.inline(node.children, PLAIN)), anchor: anchorOf(node) });
    }
    return { kind: 'list', ordered, items };
  }

  private table(table: HtmlElement, anchor: string | null): TableModel {
    const caption = table.children.find((node): node is HtmlElement => node.kind === 'element' && node.name === 'caption');
    const head: TableRow[] = [];
    const body: TableRow[] = [];
    for (const node of table.children) {
      if (node.kind !== 'element') continue;
      if (node.name === 'thead') appendAll(head, this.rows(node));
      else if (node.name === 'tbody' || node.name === 'tfoot') appendAll(body, this.rows(node));
      else if (node.name === 'tr') body.push(this.row(node));
    }
    // Without a thead, a first row of header cells is the header.
    if (head.length === 0 && body[0] !== undefined && body[0].cells.every((cell) => cell.header)) head.push(body.shift() as TableRow);
    const columns = maxOf([...head, ...body].map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)), 1);
    for (const row of body) {
      if (row.cells.length === 1 && row.cells[0] !== undefined && row.cells[0].colspan >= columns && columns > 1) row.kind = 'group';
    }
    const rowHeaders = body.some((row) => row.kind === 'data' && row.cells[0]?.header === true);
    return { caption: caption === undefined ? [] : trimRuns(this.inline(caption.children, PLAIN)), head, body, notes: [], columns, anchor, rowHeaders };
  }

  private rows(section: HtmlElement): TableRow[] {
    return section.children.filter((node): node is HtmlElement => node.kind === 'element' && node.name === 'tr').map((row) => this.row(row));
  }

  private row(row: HtmlElement): TableRow {
    const cells: TableCell[] = row.children
      .filter((node): node is HtmlElement => node.kind === 'element' && (node.name === 'td' || node.name === 'th'))
      .map((cell) => ({
        runs: trimRuns(this.inline(cell.children, PLAIN)),
        header: cell.name === 'th',
        colspan: span(cell.attrs['colspan']),
        rowspan: span(cell.attrs['rowspan']),
      }));
    const group = row.children.some((node) => node.kind === 'element' && node.attrs['scope'] === 'rowgroup');
    return { kind: group ? 'group' : 'data', cells };
  }

  /** Inline content as runs; block elements met inside inline content are set off by line breaks. */
  inline(nodes: readonly HtmlNode[], marks: Marks): Run[] {
    const runs: Run[] = [];
    for (const node of nodes) {
      if (node.kind === 'text') {
        // Whitespace collapses as HTML collapses it; a forced break is a run of its own.
        const text = node.text.replace(/[ \t\r\n\f]+/g, ' ');
        if (text !== '') runs.push({ text, marks });
        continue;
      }
      if (node.name === 'br') {
        runs.push({ text: '\n', marks });
        continue;
      }
      const inner = this.inline(node.children, this.marksOf(node, marks));
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

  private marksOf(element: HtmlElement, marks: Marks): Marks {
    switch (element.name) {
      case 'strong':
      case 'b':
        return this.shared({ ...marks, bold: true });
      case 'em':
      case 'i':
      case 'cite':
      case 'var':
        return this.shared({ ...marks, italic: true });
      case 'sup':
        return this.shared({ ...marks, script: 'sup' });
      case 'sub':
        return this.shared({ ...marks, script: 'sub' });
      case 'code':
      case 'kbd':
      case 'samp':
        return this.shared({ ...marks, code: true });
      case 'a':
        return this.shared({ ...marks, href: linkTarget(element.attrs['href']), cite: marks.cite || classesOf(element).includes('cite') });
      case 'span':
        return this.shared({ ...marks, tone: toneOf(element) ?? marks.tone });
      default:
        return marks;
    }
  }

  private shared(marks: Marks): Marks {
    const key = `${marks.bold}|${marks.italic}|${marks.script}|${marks.code}|${marks.cite}|${marks.href ?? ''}|${marks.tone}`;
    let found = this.marks.get(key);
    if (found === undefined) this.marks.set(key, (found = Object.freeze(marks) as Marks));
    return found;
  }
}

// Unknown elements count as blocks when they hold blocks, so their content keeps its structure.
function isBlock(element: HtmlElement): boolean {
  return BLOCKS.has(element.name) || (element.name !== 'a' && element.children.some((child) => child.kind === 'element' && isBlock(child)));
}

function classesOf(element: HtmlElement): string[] {
  return (element.attrs['class'] ?? '').split(/\s+/).filter((name) => name !== '');
}

// Ids are kept only in the plain form the renderers write back (letters, digits, - _ : .).
function anchorOf(element: HtmlElement): string | null {
  const id = element.attrs['id'];
  return id !== undefined && /^[A-Za-z][\w:.-]{0,99}$/.test(id) ? id : null;
}

function span(value: string | undefined): number {
  return Math.min(1000, Math.max(1, Number.parseInt(value ?? '1', 10) || 1));
}

function paragraphRole(element: HtmlElement): ParagraphRole {
  const classes = classesOf(element);
  return PARAGRAPH_ROLES.find((role) => classes.includes(role)) ?? 'body';
}

function sectionRole(element: HtmlElement): SectionRole {
  const classes = classesOf(element);
  return ROLES.find((role) => classes.includes(role)) ?? 'body';
}

function linkTarget(href: string | undefined): string | null {
  if (href === undefined) return null;
  if (href.startsWith('#')) return /^#[A-Za-z][\w:.-]{0,99}$/.test(href) ? href : null;
  return /^(https?:\/\/|mailto:)[^\s"'<>]+$/i.test(href) ? href : null;
}

function toneOf(element: HtmlElement): Tone | null {
  const classes = classesOf(element).join(' ');
  if (/\b(?:status|ref)-(?:unresolved|rejected|retracted)\b/.test(classes)) return 'bad';
  if (/\b(?:status|ref)-unverified\b/.test(classes)) return 'warn';
  if (/\b(?:status|ref)-verified\b/.test(classes)) return 'good';
  if (/\b(?:muted|note|ref-missing)\b/.test(classes)) return 'muted';
  return null;
}

/**
 * Runs as a block keeps them: neighbours with the same marks joined, and the whitespace at either end removed (HTML
 * collapses it; so do the renderers).
 */
function trimRuns(input: Run[]): Run[] {
  const runs: Run[] = [];
  for (const run of input) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.marks === run.marks && last.text !== '\n' && run.text !== '\n') runs[runs.length - 1] = { text: (last.text + run.text).replace(/  +/g, ' '), marks: run.marks };
    else runs.push(run);
  }
  let start = 0;
  while (start < runs.length && (runs[start] as Run).text.trim() === '' && (runs[start] as Run).text !== '\n') start++;
  let end = runs.length;
  while (end > start && (runs[end - 1] as Run).text.trim() === '') end--;
  const out = runs.slice(start, end);
  if (out.length === 0) return out;
  const first = out[0] as Run;
  const last = out[out.length - 1] as Run;
  out[0] = { text: first.text.replace(/^\s+/, ''), marks: first.marks };
  out[out.length - 1] = { text: (out.length === 1 ? (out[0] as Run).text : last.text).replace(/\s+$/, ''), marks: last.marks };
  return out;
}
