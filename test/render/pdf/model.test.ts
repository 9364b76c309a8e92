// Reading the HTML subset into blocks: sections and their roles, lists with labels, the table with groups, no text lost.
import { describe, expect, it } from 'vitest';
import { anchorsOf, plainText, readDocument, type Block } from '../../../pipeline/render/pdf/model.ts';

function only<K extends Block['kind']>(blocks: readonly Block[], kind: K): Extract<Block, { kind: K }>[] {
  const found: Block[] = [];
  const visit = (block: Block): void => {
    if (block.kind === kind) found.push(block);
    if (block.kind === 'section') block.blocks.forEach(visit);
  };
  blocks.forEach(visit);
  return found as Extract<Block, { kind: K }>[];
}

describe('readDocument', () => {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>T</title><style>p { color: red }</style></head>
<body><main><article class="review">
<header><h1>标题 &amp; 副题</h1><p class="meta">综述</p></header>
<section class="abstract" lang="en"><h2>Abstract</h2><p>Text with <em>italic</em>, <strong>bold</strong>, x<sup>2</sup> and H<sub>2</sub>O.</p></section>
<section id="sec-1"><h2>1. 引言</h2><p>见<a class="cite" href="#ref-2">[2]</a>。<br>第二行</p><aside-box>未知元素的文字</aside-box></section>
<figure class="evidence"><table class="evidence"><caption>表 1 证据</caption>
<thead><tr><th scope="col">研究</th><th scope="col">n</th></tr></thead>
<tbody><tr class="group"><th scope="rowgroup" colspan="2">RA</th></tr>
<tr><th scope="row">Manfredi 2018 <a class="cite" href="#ref-2">[2]</a></th><td><span class="status status-unverified">4</span></td></tr></tbody>
</table><figcaption>注：说明</figcaption></figure>
<section class="references"><h2>参考文献</h2><ol class="references"><li id="ref-2" value="2">Ref two</li><li id="ref-3">Ref three</li></ol></section>
</article></main></body></html>`;
  const model = readDocument(html);

  it('reads the language and skips the head', () => {
    expect(model.lang).toBe('zh');
    expect(JSON.stringify(model)).not.toContain('color: red');
  });

  it('reads sections with their role and language', () => {
    const sections = only(model.blocks, 'section');
    expect(sections.map((section) => [section.role, section.lang])).toEqual([
      ['abstract', 'en'],
      ['body', null],
      ['references', null],
    ]);
  });

  it('reads headings and paragraphs with decoded entities and marks', () => {
    expect(only(model.blocks, 'heading').map((heading) => [heading.level, plainText(heading.runs)])).toEqual([
      [1, '标题 & 副题'],
      [2, 'Abstract'],
      [2, '1. 引言'],
      [2, '参考文献'],
    ]);
    const abstract = only(model.blocks, 'paragraph').find((p) => plainText(p.runs).startsWith('Text with'));
    const marked = abstract?.runs.filter((run) => run.marks.italic || run.marks.bold || run.marks.script !== 'none').map((run) => run.text);
    expect(marked).toEqual(['italic', 'bold', '2', '2']);
  });

  it('keeps citations as links, line breaks as breaks and the text of unknown elements', () => {
    const paragraphs = only(model.blocks, 'paragraph').map((p) => p.runs);
    const cited = paragraphs.find((runs) => runs.some((run) => run.marks.cite));
    expect(cited?.find((run) => run.marks.cite)?.marks.href).toBe('#ref-2');
    expect(cited?.some((run) => run.text === '\n')).toBe(true);
    expect(paragraphs.map(plainText)).toContain('未知元素的文字');
  });

  it('reads the table: header, a spanning group row, data rows, caption and note', () => {
    const [table] = only(model.blocks, 'table').map((block) => block.table);
    expect(plainText(table?.caption ?? [])).toBe('表 1 证据');
    expect(table?.columns).toBe(2);
    expect(table?.head[0]?.cells.map((cell) => plainText(cell.runs))).toEqual(['研究', 'n']);
    expect(table?.body.map((row) => row.kind)).toEqual(['group', 'data']);
    expect(table?.body[1]?.cells[1]?.runs[0]?.marks.tone).toBe('warn');
    expect(table?.notes.map(plainText)).toEqual(['注：说明']);
  });

  it('labels references [n] from their value and counts on', () => {
    const [list] = only(model.blocks, 'list');
    expect(list?.items.map((item) => [item.label, item.anchor])).toEqual([
      ['[2]', 'ref-2'],
      ['[3]', 'ref-3'],
    ]);
    expect([...anchorsOf(model.blocks)].sort()).toEqual(['ref-2', 'ref-3', 'sec-1']);
  });
});
