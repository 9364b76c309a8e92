// The HTML renderer: walks the document model and writes escaped HTML; figures become inline SVG with <title> and <desc>.
import { PLAIN, type Block, type DocumentModel, type FigureModel, type Lang, type Marks, type Run, type SectionRole, type TableCell, type TableModel } from './model.ts';
import { textStart, type Paint, type PathCommand, type Scene, type Shape, type Stroke } from './scene.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
const NEEDS_ESCAPE = /[&<>"'`=]/;
const ESCAPE_ALL = /[&<>"'`=]/g;

/** Text or an attribute value, escaped (the characters Handlebars escapes, so output stays as it was). */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (char) => ESCAPES[char] as string) : text;
}

/** The document's blocks as HTML (the body of a page). Every piece goes into one list, joined once. */
export function blocksHtml(doc: DocumentModel): string {
  const out: string[] = [];
  const writer = new HtmlWriter(out);
  for (const block of doc.blocks) writer.block(block);
  return out.join('');
}

export function langAttribute(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

const LABELLED_ROWS = 400;

const ROLE_CLASS: Record<SectionRole, string> = { body: '', abstract: 'abstract', changes: 'changes', references: 'references', evidence: 'evidence' };

class HtmlWriter {
  private readonly out: string[];
  private figures = 0;

  constructor(out: string[]) {
    this.out = out;
  }

  block(block: Block): void {
    const out = this.out;
    switch (block.kind) {
      case 'section': {
        const cls = ROLE_CLASS[block.role];
        out.push('<section', cls ? ` class="${cls}"` : '', block.lang ? ` lang="${langAttribute(block.lang)}"` : '', idAttr(block.anchor), '>');
        for (const child of block.blocks) this.block(child);
        out.push('</section>');
        return;
      }
      case 'heading':
        out.push(`<h${block.level}`, idAttr(block.anchor), '>');
        this.runs(block.runs);
        out.push(`</h${block.level}>`);
        return;
      case 'paragraph':
        out.push('<p', block.role === 'body' ? '' : ` class="${block.role}"`, idAttr(block.anchor), '>');
        this.runs(block.runs);
        out.push('</p>');
        return;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>`);
        for (const item of block.items) {
          out.push('<li', idAttr(item.anchor), '>');
          this.runs(item.runs);
          out.push('</li>');
        }
        out.push(`</${tag}>`);
        return;
      }
      case 'references':
        // GB/T 7714 numbers entries "[1]": the number is part of the entry, not a list marker the browser draws.
        out.push('<ol class="references">');
        for (const entry of block.entries) {
          out.push(`<li id="${escapeHtml(entry.anchor)}"><span class="ref-label">[${entry.number}]</span> `);
          this.runs(entry.runs);
          out.push('</li>');
        }
        out.push('</ol>');
        return;
      case 'table':
        this.table(block.table);
        return;
      case 'figure':
        this.figure(block.figure);
        return;
    }
  }

  private table(table: TableModel): void {
    const out = this.out;
    const caption = plain(table.caption);
    out.push('<figure class="table"', idAttr(table.anchor), `><div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(caption)}">`);
    out.push('<table>');
    if (table.caption.length > 0) {
      out.push('<caption>');
      this.runs(table.caption);
      out.push('</caption>');
    }
    if (table.head.length > 0) {
      out.push('<thead>');
      for (const row of table.head) {
        out.push('<tr>');
        for (const cell of row.cells) this.cell(cell, 'th', ' scope="col"');
        out.push('</tr>');
      }
      out.push('</thead>');
    }
    // Each body cell carries its column's heading, so a phone can set each row as one block of labelled lines; a table
    // longer than anyone reads on a phone (a handout of thousands of studies) goes without, a third less to write.
    // The opening tag of each column's cells is made once: a long table has hundreds of thousands of cells.
    const labels = table.head.length === 1 && table.body.length <= LABELLED_ROWS ? (table.head[0]?.cells ?? []).flatMap((cell) => Array.from({ length: cell.colspan }, () => ` data-label="${escapeHtml(plain(cell.runs))}"`)) : [];
    const openTd = new Map<number, string>();
    const tdOpening = (column: number): string => {
      let tag = openTd.get(column);
      if (tag === undefined) openTd.set(column, (tag = `<td${labels[column] ?? ''}>`));
      return tag;
    };
    let open = false;
    for (const row of table.body) {
      if (row.kind === 'group') {
        if (open) out.push('</tbody>');
        out.push('<tbody><tr class="group">');
        for (const cell of row.cells) this.cell(cell, 'th', ' scope="rowgroup"');
        out.push('</tr>');
        open = true;
        continue;
      }
      if (!open) {
        out.push('<tbody>');
        open = true;
      }
      out.push('<tr>');
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i] as TableCell;
        if (cell.colspan === 1 && cell.rowspan === 1 && !cell.header) {
          out.push(tdOpening(i));
          this.runs(cell.runs);
          out.push('</td>');
        } else if (cell.header) this.cell(cell, 'th', i === 0 && table.rowHeaders ? ' scope="row"' : '');
        else this.cell(cell, 'td', labels[i] ?? '');
      }
      out.push('</tr>');
    }
    if (open) out.push('</tbody>');
    out.push('</table></div>');
    for (const note of table.notes) {
      out.push('<figcaption>');
      this.runs(note);
      out.push('</figcaption>');
    }
    out.push('</figure>');
  }

  private cell(cell: TableCell, tag: 'th' | 'td', scope: string): void {
    const out = this.out;
    out.push('<', tag, scope, cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '', cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '', '>');
    this.runs(cell.runs);
    out.push('</', tag, '>');
  }

  private figure(figure: FigureModel): void {
    const out = this.out;
    const id = `fig-${++this.figures}`;
    out.push('<figure class="figure"', idAttr(figure.anchor), '>', sceneSvg(figure.scene, id));
    if (figure.caption.length > 0) {
      out.push('<figcaption>');
      this.runs(figure.caption);
      out.push('</figcaption>');
    }
    out.push('</figure>');
  }

  runs(runs: readonly Run[]): void {
    const out = this.out;
    for (const run of runs) {
      const marks = run.marks;
      // Most runs are plain text in the shared plain marks: one identity test.
      if (marks === PLAIN && run.text !== '\n') {
        out.push(escapeHtml(run.text));
        continue;
      }
      if (run.text === '\n') {
        out.push('<br>');
        continue;
      }
      if (isPlain(marks)) {
        out.push(escapeHtml(run.text));
        continue;
      }
      const [open, close] = tagsOf(marks);
      out.push(open, escapeHtml(run.text), close);
    }
  }
}

// Runs share their marks objects: the tags around each marks' text are written once.
const TAGS = new WeakMap<Marks, readonly [string, string]>();

function tagsOf(marks: Marks): readonly [string, string] {
  let tags = TAGS.get(marks);
  if (tags !== undefined) return tags;
  const open: string[] = [];
  const close: string[] = [];
  const wrap = (start: string, end: string): void => {
    open.push(start);
    close.unshift(end);
  };
  if (marks.href !== null) wrap(`${marks.cite ? '<a class="cite" href="' : '<a href="'}${escapeHtml(marks.href)}">`, '</a>');
  if (marks.tone !== 'normal') wrap(`<span class="tone-${marks.tone}">`, '</span>');
  if (marks.bold) wrap('<strong>', '</strong>');
  if (marks.italic) wrap('<em>', '</em>');
  if (marks.code) wrap('<code>', '</code>');
  if (marks.script !== 'none') wrap(`<${marks.script}>`, `</${marks.script}>`);
  tags = [open.join(''), close.join('')];
  TAGS.set(marks, tags);
  return tags;
}

function isPlain(marks: Marks): boolean {
  return marks.href === null && marks.tone === 'normal' && !marks.bold && !marks.italic && !marks.code && marks.script === 'none';
}

function idAttr(anchor: string | null): string {
  return anchor === null ? '' : ` id="${escapeHtml(anchor)}"`;
}

function plain(runs: readonly Run[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A scene as inline SVG in points; `id` prefixes the ids its title and description are referred to by. */
export function sceneSvg(scene: Scene, id: string): string {
  const parts: string[] = [
    `<svg class="scene" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" width="${num(scene.width)}" height="${num(scene.height)}" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(scene.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(scene.description)}</desc>`,
  ];
  for (const shape of scene.shapes) parts.push(shapeSvg(shape));
  parts.push('</svg>');
  return parts.join('');
}

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.width)}" height="${num(shape.height)}"${paintAttrs(shape.paint)}/>`;
    case 'line':
      return `<line x1="${num(shape.x1)}" y1="${num(shape.y1)}" x2="${num(shape.x2)}" y2="${num(shape.y2)}"${strokeAttrs(shape.stroke)}/>`;
    case 'path':
      return `<path d="${pathData(shape.commands)}"${paintAttrs(shape.paint)}/>`;
    case 'text':
      // Placed by its measured start, so browser and PDF agree even where a browser's font differs slightly.
      return `<text x="${num(textStart(shape))}" y="${num(shape.y)}" font-size="${num(shape.size)}"${shape.bold ? ' font-weight="700"' : ''} fill="${escapeHtml(shape.color)}" textLength="${num(shape.width)}" lengthAdjust="spacingAndGlyphs">${escapeHtml(shape.text)}</text>`;
  }
}

function paintAttrs(paint: Paint): string {
  return ` fill="${escapeHtml(paint.fill ?? 'none')}"${paint.stroke ? strokeAttrs(paint.stroke) : ''}`;
}

function strokeAttrs(stroke: Stroke): string {
  return ` stroke="${escapeHtml(stroke.color)}" stroke-width="${num(stroke.width)}"${stroke.dash ? ` stroke-dasharray="${stroke.dash.map(num).join(' ')}"` : ''}`;
}

function pathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) => (c.op === 'Z' ? 'Z' : c.op === 'C' ? `C${num(c.x1)} ${num(c.y1)} ${num(c.x2)} ${num(c.y2)} ${num(c.x)} ${num(c.y)}` : `${c.op}${num(c.x)} ${num(c.y)}`))
    .join('');
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
