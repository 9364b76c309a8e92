// Test helper: a document model as readable JSON for golden files: plain runs as strings, marks only where set, one block a line.
import { PLAIN, type Block, type DocumentModel, type Marks, type Run } from '../../pipeline/render/document/model.ts';

type Readable = string | { [key: string]: unknown };

function run(item: Run): Readable {
  if (item.marks === PLAIN || sameMarks(item.marks, PLAIN)) return item.text;
  const out: Record<string, unknown> = { text: item.text };
  for (const key of Object.keys(PLAIN) as (keyof Marks)[]) if (item.marks[key] !== PLAIN[key]) out[key] = item.marks[key];
  return out;
}

function sameMarks(a: Marks, b: Marks): boolean {
  return (Object.keys(b) as (keyof Marks)[]).every((key) => a[key] === b[key]);
}

const runs = (list: readonly Run[]): Readable[] => list.map(run);

function block(item: Block): unknown {
  switch (item.kind) {
    case 'section':
      return { section: item.role, lang: item.lang, anchor: item.anchor, blocks: item.blocks.map(block) };
    case 'heading':
      return { [`h${item.level}`]: runs(item.runs), anchor: item.anchor };
    case 'paragraph':
      return { p: runs(item.runs), role: item.role === 'body' ? undefined : item.role, anchor: item.anchor ?? undefined };
    case 'list':
      return { list: item.ordered ? 'ordered' : 'bullets', items: item.items.map((entry) => runs(entry.runs)) };
    case 'references':
      return { references: item.entries.map((entry) => [entry.number, ...runs(entry.runs)]) };
    case 'table': {
      const { table } = item;
      const row = (r: (typeof table.body)[number]) => ({ [r.kind]: r.cells.map((c) => ({ ...(c.header ? { th: runs(c.runs) } : { td: runs(c.runs) }), ...(c.colspan > 1 ? { colspan: c.colspan } : {}), ...(c.rowspan > 1 ? { rowspan: c.rowspan } : {}) })) });
      return { table: { caption: runs(table.caption), anchor: table.anchor, columns: table.columns, rowHeaders: table.rowHeaders, head: table.head.map(row), body: table.body.map(row), notes: table.notes.map(runs) } };
    }
    case 'figure':
      return { figure: item.figure };
  }
}

/** One line per block (nested blocks indented), so a diff shows which block changed. */
export function readableDocument(document: DocumentModel): string {
  const lines: string[] = [`{"lang": ${JSON.stringify(document.lang)}, "title": ${JSON.stringify(document.title)}, "blocks": [`];
  const write = (items: readonly Block[], depth: number): void => {
    items.forEach((item, index) => {
      const comma = index < items.length - 1 ? ',' : '';
      const pad = '  '.repeat(depth);
      if (item.kind === 'section') {
        const { blocks: _blocks, ...head } = block(item) as { blocks: unknown };
        lines.push(`${pad}${JSON.stringify(head).slice(0, -1)}, "blocks": [`);
        write(item.blocks, depth + 1);
        lines.push(`${pad}]}${comma}`);
      } else if (item.kind === 'table') {
        const { table } = item;
        const readable = (block(item) as { table: Record<string, unknown[]> }).table;
        lines.push(`${pad}{"table": {"caption": ${JSON.stringify(readable.caption)}, "anchor": ${JSON.stringify(table.anchor)}, "columns": ${table.columns}, "rowHeaders": ${table.rowHeaders},`);
        lines.push(`${pad}  "head": [`, ...(readable.head ?? []).map((r, i, all) => `${pad}    ${JSON.stringify(r)}${i < all.length - 1 ? ',' : ''}`), `${pad}  ],`);
        lines.push(`${pad}  "body": [`, ...(readable.body ?? []).map((r, i, all) => `${pad}    ${JSON.stringify(r)}${i < all.length - 1 ? ',' : ''}`), `${pad}  ],`);
        lines.push(`${pad}  "notes": ${JSON.stringify(readable.notes)}}}${comma}`);
      } else {
        lines.push(`${pad}${JSON.stringify(block(item))}${comma}`);
      }
    });
  };
  write(document.blocks, 1);
  lines.push(']}', '');
  return lines.join('\n');
}
