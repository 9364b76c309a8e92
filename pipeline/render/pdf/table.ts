// Lays out the evidence table: widths from content, wrapped cells, header repeated on each page, rows kept whole.
import { lineWidths, naturalWidth, widestUnbreakable, type Word } from './words.ts';
import { allocateWidths, sampleIndexes, type ColumnSample } from './columns.ts';
import { drawLinks, placeText, prepareText, tagGroup, tagLeaf, wordsOf, type Flow, type FlowContext } from './flow.ts';
import { breakLines, composeLineInto, type LinkBox, type Paragraph } from './lines.ts';
import { PLAIN, plainText, type Run, type TableCell, type TableModel, type TableRow } from '../document/model.ts';
import { baselineOffset, type Align, type BlockStyle } from './style.ts';

// Enough rows to judge a column's text without measuring a 10,000-row table twice.
const SAMPLE_ROWS = 200;
const NUMERIC = /^[\s\d.,:;%()[\]±~≈<>=≤≥+\-−–/×]+$/;

interface CellBox {
  x: number;
  width: number;
  text: Paragraph;
  align: Align;
}

interface RowBox {
  kind: TableRow['kind'] | 'head';
  cells: CellBox[];
  lines: number;
}

interface Geometry {
  x: number;
  widths: number[];
  /** Left edge of each column's cell. */
  starts: number[];
  total: number;
  aligns: Align[];
  /** Whether every column gets at least its longest unbreakable token. */
  fits: boolean;
}

/** Everything the rows share while they are set. */
interface TableSetting {
  ctx: FlowContext;
  geometry: Geometry;
  body: BlockStyle;
  head: BlockStyle;
  lineHeight: number;
  padX: number;
  padY: number;
}

/** Sets a table at the flow's cursor, continuing over as many pages as it needs. */
export function setTable(flow: Flow, table: TableModel): void {
  tagGroup(flow.ctx, 'Table', () => setTableParts(flow, table));
}

function setTableParts(flow: Flow, table: TableModel): void {
  const { ctx } = flow;
  const theme = ctx.theme.table;
  const body: BlockStyle = { size: theme.size, leading: theme.leading, bold: false, color: ctx.theme.body.color, align: 'left', indent: 0, before: 0, after: 0, raiseCites: false };
  const head: BlockStyle = { ...body, bold: true };
  const words = new RowWords(ctx, body, head);
  const geometry = columnGeometry(ctx, table, flow.left, flow.width, words);
  if (!geometry.fits && table.head.length > 0) {
    setTableAsBlocks(flow, table);
    return;
  }
  const setting: TableSetting = { ctx, geometry, body, head, lineHeight: theme.size * theme.leading, padX: theme.padX, padY: theme.padY };
  const headRows = table.head.map((row, index) => layoutRow(setting, row, words.get(-1 - index, row), 'head'));
  const headHeight = headRows.reduce((total, row) => total + rowHeight(setting, row.lines), 0);
  const caption = prepareText(ctx, table.caption, theme.caption, { x: flow.left, width: flow.width, first: 0, rest: 0 });
  const captionHeight = caption.paragraph.lines.length * caption.lineHeight;

  // Caption, header and the first rows go together.
  flow.space(theme.caption.before);
  flow.ensure(captionHeight + theme.caption.after + headHeight + 3 * rowHeight(setting, 1));
  if (table.caption.length > 0) {
    const anchor = table.anchor ?? `h-${++ctx.headings}`;
    ctx.canvas.bookmark(plainText(table.caption), 2, anchor);
    tagLeaf(ctx, 'Caption', () => placeText(flow, { ...caption, style: { ...caption.style, before: 0 } }, { anchor }));
  } else if (table.anchor !== null) {
    ctx.canvas.destination(table.anchor, flow.left, flow.y);
  }
  // The header is tagged once, where it first stands; its repetitions on later pages are artifacts.
  let headTagged = false;
  const startPart = (): void => {
    ctx.canvas.rule(geometry.x, geometry.x + geometry.total, flow.y, 0.8, theme.frame);
    for (const row of headRows) {
      const height = rowHeight(setting, row.lines);
      ctx.canvas.fillRect(geometry.x, flow.y, geometry.total, height, theme.headShade);
      if (headTagged) {
        ctx.canvas.beginArtifact();
        drawRow(setting, row, 0, row.lines, flow.y, null);
        ctx.canvas.endMarked();
      } else {
        const tags = cellTags(ctx, row, table.rowHeaders);
        drawRow(setting, row, 0, row.lines, flow.y, tags);
        tags.row.end();
      }
      flow.y += height;
    }
    headTagged = true;
    if (headRows.length > 0) ctx.canvas.rule(geometry.x, geometry.x + geometry.total, flow.y, 0.5, theme.frame);
  };
  const endPart = (): void => ctx.canvas.rule(geometry.x, geometry.x + geometry.total, flow.y, 0.8, theme.frame);
  const continued = continuationCaption(ctx, table);
  const continuation = continued.length === 0 ? null : prepareText(ctx, continued, { ...theme.note, before: 0, after: 3, color: theme.caption.color, bold: true }, { x: flow.left, width: flow.width, first: 0, rest: 0 });
  const nextPage = (): void => {
    endPart();
    flow.newPage();
    if (continuation !== null) {
      ctx.canvas.beginArtifact();
      placeText(flow, continuation);
      ctx.canvas.endMarked();
    }
    startPart();
  };

  startPart();
  // The room a row has on a page of its own; only a row taller than that is split between pages.
  const continuationHeight = continuation === null ? 0 : continuation.paragraph.lines.length * continuation.lineHeight + continuation.style.after;
  const capacity = flow.bottom - flow.top - headHeight - continuationHeight;
  const layout = (index: number): RowBox | null => {
    const row = table.body[index];
    return row === undefined ? null : layoutRow(setting, row, words.take(index, row), row.kind);
  };
  // A long table's body is marked page by page as one TBody element (see CELL_TAGGED_ROWS); the marks close
  // before the page furniture a break draws (rules, the continued caption and header, all artifacts).
  const byCell = table.body.length <= CELL_TAGGED_ROWS;
  const tbody = byCell ? null : ctx.canvas.struct('TBody', ctx.parent);
  let bodyOpen = false;
  const openBody = (): void => {
    if (tbody === null || bodyOpen) return;
    ctx.canvas.beginMarked(tbody, 'TBody');
    bodyOpen = true;
  };
  const closeBody = (): void => {
    if (!bodyOpen) return;
    ctx.canvas.endMarked();
    bodyOpen = false;
  };
  const bodyBreak = (): void => {
    closeBody();
    nextPage();
    if (!byCell) openBody();
  };
  let next = layout(0);
  for (let index = 0; next !== null; index++) {
    const box = next;
    next = layout(index + 1);
    const height = rowHeight(setting, box.lines);
    // A group heading never stands alone at a page foot: it goes with the row after it.
    const following = box.kind === 'group' && next !== null ? rowHeight(setting, next.lines) : 0;
    const keep = following <= capacity - height ? following : 0;
    if (flow.y + height + keep > flow.bottom + 0.01) {
      if (height <= capacity || flow.bottom - flow.y < rowHeight(setting, 3)) bodyBreak();
    }
    const tags = byCell ? cellTags(ctx, box, table.rowHeaders) : null;
    if (!byCell) openBody();
    let from = 0;
    while (from < box.lines) {
      const fit = Math.max(1, Math.floor((flow.bottom - flow.y - 2 * setting.padY + 0.01) / setting.lineHeight));
      const to = Math.min(box.lines, from + fit);
      drawRowBox(setting, box, from, to, flow.y, tags);
      flow.y += rowHeight(setting, to - from);
      from = to;
      if (from < box.lines) bodyBreak();
    }
    tags?.row.end();
  }
  closeBody();
  tbody?.end();
  endPart();
  flow.y += theme.note.before;
  for (const note of table.notes) tagLeaf(ctx, 'P', () => placeText(flow, prepareText(ctx, note, theme.note, { x: flow.left, width: flow.width, first: 0, rest: 0 })));
  flow.space(theme.note.after);
}

/**
 * A table too wide for the page even at its narrowest (every column as wide as its longest word) is set as one block
 * per row: the row's heading in bold, then each cell after its column's heading, so nothing is broken mid-word.
 */
function setTableAsBlocks(flow: Flow, table: TableModel): void {
  const { ctx } = flow;
  const theme = ctx.theme.table;
  const box = { x: flow.left, width: flow.width, first: 0, rest: 0 };
  const headings = table.head[0]?.cells.map((cell) => plainText(cell.runs)) ?? [];
  const colon = ctx.lang === 'zh' ? '：' : ': ';
  const bold = { ...PLAIN, bold: true };
  const line: BlockStyle = { ...theme.note, color: ctx.theme.body.color, before: 0, after: 1 };
  const title: BlockStyle = { ...line, bold: true, size: theme.size + 1, before: 6, after: 2 };
  if (table.caption.length > 0) {
    const anchor = table.anchor ?? `h-${++ctx.headings}`;
    ctx.canvas.bookmark(plainText(table.caption), 2, anchor);
    tagLeaf(ctx, 'Caption', () => placeText(flow, prepareText(ctx, table.caption, theme.caption, box), { anchor }));
  }
  for (const row of table.body) {
    const [first, ...rest] = row.cells;
    if (first === undefined) continue;
    tagLeaf(ctx, row.kind === 'group' ? 'H3' : 'H4', () => placeText(flow, prepareText(ctx, first.runs, row.kind === 'group' ? { ...title, size: title.size + 1 } : title, box)));
    rest.forEach((cell, index) => {
      const heading = headings[index + 1] ?? '';
      const runs: Run[] = heading === '' ? cell.runs : [{ text: `${heading}${colon}`, marks: bold }, ...cell.runs];
      tagLeaf(ctx, 'P', () => placeText(flow, prepareText(ctx, runs, line, { ...box, rest: 1.5 * line.size })));
    });
  }
  for (const note of table.notes) tagLeaf(ctx, 'P', () => placeText(flow, prepareText(ctx, note, theme.note, box)));
  flow.space(theme.note.after);
}

function rowHeight(setting: TableSetting, lines: number): number {
  return lines * setting.lineHeight + 2 * setting.padY;
}

/**
 * Words of each cell of a row. The rows sampled for column widths are kept until drawn, then dropped: holding a
 * 10,000-row table's words would only feed the garbage collector.
 */
class RowWords {
  private readonly cache = new Map<number, Word[][]>();
  private readonly ctx: FlowContext;
  private readonly body: BlockStyle;
  private readonly head: BlockStyle;

  constructor(ctx: FlowContext, body: BlockStyle, head: BlockStyle) {
    this.ctx = ctx;
    this.body = body;
    this.head = head;
  }

  /** Words of body row `index`, or of header row `-1 - index`, kept for later. */
  get(index: number, row: TableRow): Word[][] {
    let atoms = this.cache.get(index);
    if (atoms === undefined) {
      atoms = this.build(index, row);
      this.cache.set(index, atoms);
    }
    return atoms;
  }

  /** Words of a row about to be drawn, forgotten afterwards. */
  take(index: number, row: TableRow): Word[][] {
    const atoms = this.cache.get(index);
    if (atoms === undefined) return this.build(index, row);
    this.cache.delete(index);
    return atoms;
  }

  private build(index: number, row: TableRow): Word[][] {
    const atoms: Word[][] = [];
    // Column headings and group rows are bold; a row's heading (the study) is set as the body, as before.
    for (const cell of row.cells) atoms.push(wordsOf(this.ctx, cell.runs, row.kind === 'group' || index < 0 ? this.head : this.body));
    return atoms;
  }
}

/** Column widths from a sample of rows plus the header; columns of numbers are centred. */
function columnGeometry(ctx: FlowContext, table: TableModel, x: number, total: number, rowWords: RowWords): Geometry {
  const theme = ctx.theme.table;
  const em = theme.size;
  const columns = table.columns;
  const sampled = sampleIndexes(table.body.length, SAMPLE_ROWS).filter((index) => table.body[index]?.kind === 'data');
  const cells: number[][][] = Array.from({ length: columns }, () => Array.from({ length: sampled.length }, () => []));
  // Long identifiers (DOIs, URLs) may break inside; they must not claim a whole column.
  const mins = new Array<number>(columns).fill(1.5 * em);
  const numeric = new Array<number>(columns).fill(0);
  const filled = new Array<number>(columns).fill(0);
  sampled.forEach((index, sample) => {
    const row = table.body[index] as TableRow;
    const atoms = rowWords.get(index, row);
    forEachColumn(row.cells, (cell, column, span, cellIndex) => {
      if (span !== 1 || column >= columns) return;
      const cellAtoms = atoms[cellIndex] as Word[];
      (cells[column] as number[][])[sample] = lineWidths(cellAtoms);
      // Never narrower than the cell's longest unbreakable token (a word, a number with its unit), up to a long
      // identifier's share; and room for four characters of a longer label, so 随机对照试验 is not set one a line.
      mins[column] = Math.max(mins[column] as number, Math.min(widestUnbreakable(cellAtoms, ctx.canvas), 14 * em), Math.min(naturalWidth(cellAtoms), 4 * em));
      const text = plainText(cell.runs);
      if (text !== '') {
        filled[column] = (filled[column] as number) + 1;
        if (NUMERIC.test(text)) numeric[column] = (numeric[column] as number) + 1;
      }
    });
  });
  table.head.forEach((row, index) => {
    const atoms = rowWords.get(-1 - index, row);
    forEachColumn(row.cells, (_cell, column, span, cellIndex) => {
      if (span !== 1 || column >= columns) return;
      const cellAtoms = atoms[cellIndex] as Word[];
      // A heading of up to four CJK characters (核实状态, Design) stays on one line; a longer one may wrap.
      mins[column] = Math.max(mins[column] as number, Math.min(widestUnbreakable(cellAtoms, ctx.canvas), 14 * em), Math.min(naturalWidth(cellAtoms), 4.2 * em));
    });
  });
  const samples: ColumnSample[] = cells.map((values, column) => ({ min: mins[column] as number, cells: values, short: 7.5 * em }));
  const padding = 2 * theme.padX;
  const widths = allocateWidths(samples, total - columns * padding).map((width) => width + padding);
  const starts: number[] = [];
  let left = x;
  for (const width of widths) {
    starts.push(left);
    left += width;
  }
  const aligns: Align[] = numeric.map((count, column) => ((filled[column] as number) > 0 && count / (filled[column] as number) >= 0.8 ? 'center' : 'left'));
  return { x, widths, starts, total, aligns, fits: mins.reduce((a, b) => a + b, 0) + columns * padding <= total + 0.01 };
}

/** Calls back with each cell's first column, its span (clipped to the table) and its index in the row. */
function forEachColumn(cells: readonly TableCell[], callback: (cell: TableCell, column: number, span: number, index: number) => void): void {
  let column = 0;
  cells.forEach((cell, index) => {
    callback(cell, column, cell.colspan, index);
    column += cell.colspan;
  });
}

function layoutRow(setting: TableSetting, row: TableRow, words: Word[][], kind: RowBox['kind']): RowBox {
  const { geometry, padX, ctx } = setting;
  const columns = geometry.widths.length;
  const cells: CellBox[] = [];
  let lines = 1;
  let column = 0;
  for (let index = 0; index < row.cells.length && column < columns; index++) {
    const span = (row.cells[index] as TableCell).colspan;
    const last = kind === 'group' ? columns : Math.min(columns, column + span);
    const x = geometry.starts[column] as number;
    const inner = (geometry.starts[last - 1] as number) + (geometry.widths[last - 1] as number) - x - 2 * padX;
    const text = breakLines(words[index] as Word[], { first: inner, rest: inner }, ctx.canvas);
    if (text.lines.length > lines) lines = text.lines.length;
    cells.push({ x: x + padX, width: inner, text, align: span === 1 && kind !== 'group' ? (geometry.aligns[column] as Align) : 'left' });
    column += span;
  }
  return { kind, cells, lines };
}

// Group rows are shaded and ruled; data rows get a light rule below.
function drawRowBox(setting: TableSetting, box: RowBox, from: number, to: number, y: number, tags: CellTags | null): void {
  const { ctx, geometry } = setting;
  const height = rowHeight(setting, to - from);
  if (box.kind === 'group') ctx.canvas.fillRect(geometry.x, y, geometry.total, height, ctx.theme.table.groupShade);
  drawRow(setting, box, from, to, y, tags);
  ctx.canvas.rule(geometry.x, geometry.x + geometry.total, y + height, 0.3, ctx.theme.table.rowRule);
}

/** The structure elements of a row's cells (TH or TD under a new TR), to mark each cell's text with. */
interface CellTags {
  row: PDFKit.PDFStructureElement;
  cells: { element: PDFKit.PDFStructureElement; type: string }[];
}

/**
 * Up to this many rows, every row is a TR and every cell its own TH/TD element. A longer table (a handout of
 * thousands of studies) has its header tagged so, and its body as one TBody whose text is marked page by page: an
 * element per cell doubled the layout's time and made the file eight times larger (PDFKit writes each element as an
 * uncompressed object), and one per row still cost two thirds more time.
 */
const CELL_TAGGED_ROWS = 400;

function cellTags(ctx: FlowContext, row: RowBox, rowHeaders: boolean): CellTags {
  const tr = ctx.canvas.struct('TR', ctx.parent);
  const cells: CellTags['cells'] = [];
  for (let i = 0; i < row.cells.length; i++) {
    const type = row.kind === 'head' || row.kind === 'group' || (i === 0 && rowHeaders) ? 'TH' : 'TD';
    cells.push({ element: ctx.canvas.struct(type, tr), type });
  }
  return { row: tr, cells };
}

/**
 * Draws lines [from, to) of every cell of a row whose top is at y, straight into the page: in one text object, or
 * one per cell when each cell's text is marked as its structure element's content.
 */
function drawRow(setting: TableSetting, box: RowBox, from: number, to: number, y: number, tags: CellTags | null): void {
  const { lineHeight, padY, body } = setting;
  const canvas = setting.ctx.canvas;
  const links: LinkBox[] = [];
  const baseline = baselineOffset(body.size, lineHeight);
  for (let c = 0; c < box.cells.length; c++) {
    const cell = box.cells[c] as CellBox;
    const tag = tags?.cells[c];
    if (tag !== undefined) canvas.beginMarked(tag.element, tag.type);
    const end = Math.min(to, cell.text.lines.length);
    // One setting per cell, moved down line by line: a 10,000-row table has hundreds of thousands of lines.
    const at = { x: cell.x, baseline: 0, width: cell.width, align: cell.align, size: body.size };
    for (let i = from; i < end; i++) {
      at.baseline = y + padY + (i - from) * lineHeight + baseline;
      composeLineInto(cell.text, cell.text.lines[i] as Paragraph['lines'][number], at, canvas, canvas, links);
    }
    if (tag !== undefined) canvas.endMarked();
  }
  canvas.endText();
  if (links.length > 0) drawLinks(setting.ctx, links);
}

// "表 1 …（续）" on the pages a table continues on.
function continuationCaption(ctx: FlowContext, table: TableModel): Run[] {
  if (table.caption.length === 0) return [];
  const marks = table.caption[0]?.marks ?? PLAIN;
  return [...table.caption, { text: ctx.lang === 'zh' ? '（续）' : ' (continued)', marks }];
}
