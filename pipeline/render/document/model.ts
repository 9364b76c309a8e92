// The format-neutral document both renderers walk: headings, paragraphs of inline runs, lists, tables, notes, references, figures.
import type { Scene } from './scene.ts';

export type Lang = 'zh' | 'en';

/** How a span of text is marked up; each renderer turns marks into its own tags, fonts, sizes and colours. */
export interface Marks {
  bold: boolean;
  italic: boolean;
  script: 'none' | 'sup' | 'sub';
  code: boolean;
  /** A citation: set smaller and raised in running text. */
  cite: boolean;
  /** `#id` for a place in this document, or an absolute web address; null when not a link. */
  href: string | null;
  tone: Tone;
}

/** Status colours: verified, unverified and unresolved evidence; muted for asides. */
export type Tone = 'normal' | 'muted' | 'good' | 'warn' | 'bad';

/** A span of text with one set of marks; the text `\n` alone is a forced line break. */
export interface Run {
  text: string;
  marks: Marks;
}

export type ParagraphRole = 'body' | 'meta' | 'byline' | 'version' | 'keywords' | 'note';

export type SectionRole = 'body' | 'abstract' | 'changes' | 'references' | 'evidence';

export interface ListItem {
  /** The marker as printed: `[12]` in a reference list, `3.` in an ordered list, `•` otherwise. */
  label: string;
  runs: Run[];
  anchor: string | null;
}

export interface TableCell {
  runs: Run[];
  /** A column heading (in the head) or a row heading (the first cell of a data row, when the table says so). */
  header: boolean;
  colspan: number;
  rowspan: number;
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
  /** Whether the first cell of each data row names the row (a study). */
  rowHeaders: boolean;
}

/** One entry of a numbered reference list; its anchor is what citations link to. */
export interface ReferenceEntry {
  number: number;
  runs: Run[];
  anchor: string;
}

export interface FigureModel {
  scene: Scene;
  caption: Run[];
  anchor: string | null;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[]; anchor: string | null }
  | { kind: 'paragraph'; role: ParagraphRole; runs: Run[]; anchor: string | null }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'references'; entries: ReferenceEntry[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'figure'; figure: FigureModel }
  | { kind: 'section'; role: SectionRole; lang: Lang | null; blocks: Block[]; anchor: string | null };

/** A whole document: what both renderers need and nothing format-specific. */
export interface DocumentModel {
  lang: Lang;
  title: string;
  blocks: Block[];
}

export const PLAIN: Marks = Object.freeze({ bold: false, italic: false, script: 'none', code: false, cite: false, href: null, tone: 'normal' }) as Marks;

/** The plain text of runs, whitespace collapsed: for bookmarks, alternative text and running heads. */
export function plainText(runs: readonly Run[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function hasText(runs: readonly Run[]): boolean {
  return runs.some((run) => run.text.trim() !== '');
}

/** Every id a link may point at. */
export function anchorsOf(blocks: readonly Block[]): Set<string> {
  const anchors = new Set<string>();
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'section':
        if (block.anchor !== null) anchors.add(block.anchor);
        block.blocks.forEach(visit);
        return;
      case 'list':
        for (const item of block.items) if (item.anchor !== null) anchors.add(item.anchor);
        return;
      case 'references':
        for (const entry of block.entries) anchors.add(entry.anchor);
        return;
      case 'table':
        if (block.table.anchor !== null) anchors.add(block.table.anchor);
        return;
      case 'figure':
        if (block.figure.anchor !== null) anchors.add(block.figure.anchor);
        return;
      default:
        if (block.anchor !== null) anchors.add(block.anchor);
    }
  };
  blocks.forEach(visit);
  return anchors;
}

/** Every internal link target (`#id` without the hash) the runs of the blocks point at. */
export function linksOf(blocks: readonly Block[]): Set<string> {
  const links = new Set<string>();
  const runs = (list: readonly Run[]): void => {
    for (const run of list) if (run.marks.href?.startsWith('#')) links.add(run.marks.href.slice(1));
  };
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'section':
        block.blocks.forEach(visit);
        return;
      case 'list':
        block.items.forEach((item) => runs(item.runs));
        return;
      case 'references':
        block.entries.forEach((entry) => runs(entry.runs));
        return;
      case 'table':
        runs(block.table.caption);
        for (const row of [...block.table.head, ...block.table.body]) for (const cell of row.cells) runs(cell.runs);
        block.table.notes.forEach(runs);
        return;
      case 'figure':
        runs(block.figure.caption);
        return;
      default:
        runs(block.runs);
    }
  };
  blocks.forEach(visit);
  return links;
}
