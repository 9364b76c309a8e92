// The tool's own blocks as document data: the evidence table, the reference list and "what changed", never markup parsed back.
import { bibliographyWords, type BibliographyLine } from '../../citations/bibliography.ts';
import type { ChangeList } from '../changes.ts';
import type { EvidenceTable, TableCell as EvidenceCell } from '../evidence-table.ts';
import { readInlineMarkup } from './markup.ts';
import { label } from '../labels.ts';
import { formatNumberList } from '../../citations/number-list.ts';
import { minOf } from '../../arrays.ts';
import { PLAIN, type Block, type Lang, type Marks, type ReferenceEntry, type Run, type TableCell, type TableRow, type Tone } from './model.ts';

const BREAK: Run = Object.freeze({ text: '\n', marks: PLAIN }) as Run;
const TONES: Record<NonNullable<EvidenceCell['status']>, Tone> = { verified: 'good', unverified: 'warn', unresolved: 'bad' };

/** The anchor a citation of reference `number` links to. */
export function referenceAnchor(number: number): string {
  return `ref-${number}`;
}

/** Marks of a citation of reference `number`; one object per number, shared by every citation of it. */
export function citeMarks(): (number: number) => Marks {
  const byNumber = new Map<number, Marks>();
  return (number) => {
    let marks = byNumber.get(number);
    if (marks === undefined) byNumber.set(number, (marks = Object.freeze({ ...PLAIN, cite: true, href: `#${referenceAnchor(number)}` }) as Marks));
    return marks;
  };
}

export interface EvidenceOptions {
  /** The verification column (核实状态), for the editor's proof only: readers see sources, not the tool's bookkeeping. */
  verification: boolean;
  anchor: string;
}

/** The evidence table as a table block: a header row, a spanning row per disease, a row per study headed by its name. */
export function evidenceTableBlock(table: EvidenceTable, options: EvidenceOptions): Block {
  const keep = table.columns.map((_, index) => options.verification || index !== table.statusColumn);
  const cite = citeMarks();
  const tones = new Map<Tone, Marks>();
  const toneMarks = (tone: Tone): Marks => {
    let marks = tones.get(tone);
    if (marks === undefined) tones.set(tone, (marks = Object.freeze({ ...PLAIN, tone }) as Marks));
    return marks;
  };
  const columns = keep.filter(Boolean).length;
  // Shared by every row that holds the same text: the model is read, never changed, by its renderers.
  const plainCells = new Map<string, TableCell>();
  const head: TableRow[] = [{ kind: 'data', cells: table.columns.filter((_, i) => keep[i]).map((column) => cell([{ text: column, marks: PLAIN }], true)) }];
  const body: TableRow[] = [];
  for (const group of table.groups) {
    body.push({ kind: 'group', cells: [{ runs: [{ text: group.heading, marks: PLAIN }], header: true, colspan: columns, rowspan: 1 }] });
    for (const row of group.rows) {
      const cells: TableCell[] = [];
      for (let i = 0; i < row.length; i++) {
        if (!keep[i]) continue;
        const source = row[i] as EvidenceCell;
        // Most cells are one plain line that other rows repeat (—, a design, a regimen): one shared cell for each.
        if (source.lines.length === 1 && source.cite === undefined && source.status === undefined) {
          const text = source.lines[0] as string;
          let shared = plainCells.get(text);
          if (shared === undefined) {
            shared = cell([{ text, marks: PLAIN }], i === 0);
            if (plainCells.size < 50_000 && i !== 0) plainCells.set(text, shared);
          }
          cells.push(shared);
          continue;
        }
        const marks = source.status === undefined ? PLAIN : toneMarks(TONES[source.status]);
        const runs: Run[] = [];
        for (let line = 0; line < source.lines.length; line++) {
          if (line > 0) runs.push(BREAK);
          runs.push({ text: source.lines[line] as string, marks });
        }
        // A study reported in several papers cites them all, linked to the first.
        if (source.cite !== undefined && source.cite.length > 0) runs.push({ text: ' ', marks: PLAIN }, { text: `[${formatNumberList(source.cite, ',')}]`, marks: cite(minOf(source.cite)) });
        cells.push(cell(runs, i === 0));
      }
      body.push({ kind: 'data', cells });
    }
  }
  return {
    kind: 'table',
    table: { caption: [{ text: table.caption, marks: PLAIN }], head, body, notes: [[{ text: table.note, marks: PLAIN }]], columns, anchor: options.anchor, rowHeaders: true },
  };
}

function cell(runs: Run[], header: boolean): TableCell {
  return { runs, header, colspan: 1, rowspan: 1 };
}

/**
 * The numbered reference list. Each entry's text is citeproc's (a maintained CSL processor's) formatted output: its
 * few inline marks (italics, small caps as text) are read by the same restricted reader as template markup; the
 * status marker is data.
 */
export function referencesBlock(lines: readonly BibliographyLine[], lang: Lang): Block {
  const words = bibliographyWords(lang);
  const entries: ReferenceEntry[] = lines.map((line) => {
    const runs = line.body === undefined ? [{ text: words.empty, marks: MUTED }] : readInlineMarkup(line.body);
    if (line.status === 'unverified' || line.status === 'unresolved') runs.push({ text: ' ', marks: PLAIN }, { text: `〔${words[line.status]}〕`, marks: line.status === 'unresolved' ? BAD : WARN });
    return { number: line.number, runs, anchor: referenceAnchor(line.number) };
  });
  return { kind: 'references', entries };
}

const MUTED: Marks = Object.freeze({ ...PLAIN, tone: 'muted' }) as Marks;
const WARN: Marks = Object.freeze({ ...PLAIN, tone: 'warn' }) as Marks;
const BAD: Marks = Object.freeze({ ...PLAIN, tone: 'bad' }) as Marks;

/** "What changed": the summary sentence and one item per change. */
export function changesBlocks(changes: ChangeList): Block[] {
  const summary: Block = { kind: 'paragraph', role: 'body', runs: [{ text: changes.summary, marks: PLAIN }], anchor: null };
  if (changes.items.length === 0) return [summary];
  return [summary, { kind: 'list', ordered: false, items: changes.items.map((item) => ({ label: '•', runs: [{ text: item, marks: PLAIN }], anchor: null })) }];
}

/** The published versions, oldest first, as a numbered list; a review never published says so. */
export function versionHistoryBlocks(lines: readonly string[], lang: Lang): Block[] {
  if (lines.length === 0) return [{ kind: 'paragraph', role: 'body', runs: [{ text: label('noVersions', lang), marks: PLAIN }], anchor: null }];
  return [{ kind: 'list', ordered: true, items: lines.map((line, i) => ({ label: `${i + 1}.`, runs: [{ text: line, marks: PLAIN }], anchor: null })) }];
}
