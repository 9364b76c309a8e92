// Reading template output into the document model: sections and roles, marks, tables, placeholders, and what the sanitiser drops.
import { describe, expect, it } from 'vitest';
import { BLOCK_ELEMENT, readMarkup } from '../../pipeline/render/document/markup.ts';
import { anchorsOf, linksOf, plainText, type Block } from '../../pipeline/render/document/model.ts';

function only<K extends Block['kind']>(blocks: readonly Block[], kind: K): Extract<Block, { kind: K }>[] {
  const found: Block[] = [];
  const visit = (block: Block): void => {
    if (block.kind === kind) found.push(block);
    if (block.kind === 'section') block.blocks.forEach(visit);
  };
  blocks.forEach(visit);
  return found as Extract<Block, { kind: K }>[];
}

describe('readMarkup', () => {
  const html = `<header><h1>标题 &amp; 副题</h1><p class="byline">张三</p></header>
<section class="abstract" lang="en"><h2>Abstract</h2><p>Text with <em>italic</em>, <strong>bold</strong>, x<sup>2</sup> and H<sub>2</sub>O.</p></section>
<section id="sec-1"><h2>1. 引言</h2><p>见<a class="cite" href="#ref-2">[2]</a>。<br>第二行</p><aside-box>未知元素的文字</aside-box></section>
<table><caption>表 2 剂量</caption>
<thead><tr><th>药物</th><th colspan="2">剂量</th></tr></thead>
<tbody><tr><th>TCZ</th><td rowspan="2">8 mg/kg</td><td><span class="status-unverified">q4w</span></td></tr></tbody></table>
<${BLOCK_ELEMENT} name="refs"></${BLOCK_ELEMENT}>`;
  const slot: Block = { kind: 'references', entries: [{ number: 2, runs: [{ text: 'Ref two', marks: { bold: false, italic: false, script: 'none', code: false, cite: false, href: null, tone: 'normal' } }], anchor: 'ref-2' }] };
  const blocks = readMarkup(html, (name) => (name === 'refs' ? [slot] : []));

  it('reads sections with their role and language, and paragraph roles', () => {
    expect(only(blocks, 'section').map((section) => [section.role, section.lang, section.anchor])).toEqual([
      ['abstract', 'en', null],
      ['body', null, 'sec-1'],
    ]);
    expect(only(blocks, 'paragraph').find((p) => p.role === 'byline')?.runs.map((run) => run.text)).toEqual(['张三']);
  });

  it('reads headings and paragraphs with decoded entities and marks', () => {
    expect(only(blocks, 'heading').map((heading) => [heading.level, plainText(heading.runs)])).toEqual([
      [1, '标题 & 副题'],
      [2, 'Abstract'],
      [2, '1. 引言'],
    ]);
    const abstract = only(blocks, 'paragraph').find((p) => plainText(p.runs).startsWith('Text with'));
    const marked = abstract?.runs.filter((run) => run.marks.italic || run.marks.bold || run.marks.script !== 'none').map((run) => run.text);
    expect(marked).toEqual(['italic', 'bold', '2', '2']);
  });

  it('keeps citations as links, line breaks as breaks and the text of unknown elements', () => {
    const paragraphs = only(blocks, 'paragraph').map((p) => p.runs);
    const cited = paragraphs.find((runs) => runs.some((run) => run.marks.cite));
    expect(cited?.find((run) => run.marks.cite)?.marks.href).toBe('#ref-2');
    expect(cited?.some((run) => run.text === '\n')).toBe(true);
    expect(paragraphs.map(plainText)).toContain('未知元素的文字');
  });

  it('reads a table with header row, column and row spans, row headers and tones', () => {
    const [table] = only(blocks, 'table').map((block) => block.table);
    expect(plainText(table?.caption ?? [])).toBe('表 2 剂量');
    expect(table?.columns).toBe(3);
    expect(table?.head[0]?.cells.map((cell) => [plainText(cell.runs), cell.colspan])).toEqual([
      ['药物', 1],
      ['剂量', 2],
    ]);
    expect(table?.rowHeaders).toBe(true);
    expect(table?.body[0]?.cells[1]?.rowspan).toBe(2);
    expect(table?.body[0]?.cells[2]?.runs[0]?.marks.tone).toBe('warn');
  });

  it('puts the tool’s own block where its placeholder stands, once', () => {
    expect(only(blocks, 'references')).toEqual([slot]);
    expect([...anchorsOf(blocks)].sort()).toEqual(['ref-2', 'sec-1']);
    expect([...linksOf(blocks)]).toEqual(['ref-2']);
  });

  it('sanitises: scripts and styles vanish, unknown links and attributes are dropped, text stays text', () => {
    const dirty = readMarkup(
      '<p onclick="x()">A<script>alert(1)</script><style>p{}</style> <a href="javascript:alert(2)">link</a> <a href="https://example.org/x">ok</a> <img src=x onerror="alert(3)">&lt;b&gt;</p>',
      () => [],
    );
    const [paragraph] = only(dirty, 'paragraph');
    expect(plainText(paragraph?.runs ?? [])).toBe('A link ok <b>');
    expect(paragraph?.runs.map((run) => run.marks.href)).toEqual([null, 'https://example.org/x', null]);
    expect(JSON.stringify(dirty)).not.toMatch(/alert|onclick|onerror/);
  });

  it('flattens nesting deeper than any page needs without losing its text', () => {
    const deep = `${'<div>'.repeat(500)}deep text${'</div>'.repeat(500)}`;
    expect(only(readMarkup(deep, () => []), 'paragraph').map((p) => plainText(p.runs))).toEqual(['deep text']);
  });
});
