// Sets the document's blocks down the pages: sections, headings kept with what follows, paragraphs, lists, the table.
import type { GlyphRun } from './canvas.ts';
import { prepareText, placeText, tagGroup, tagLeaf, type Flow, type FlowContext, type TextBox } from './flow.ts';
import { PLAIN, plainText, type Block, type Lang, type ListItem, type SectionRole } from '../document/model.ts';
import { baselineOffset, type BlockStyle, type TextStyle, type Theme } from './style.ts';
import { setTable } from './table.ts';
import { maxOf } from '../../arrays.ts';
import { setFigure } from './figure.ts';

/** Where we are in the document: the section's kind and language decide the styles. */
export interface Place {
  role: SectionRole;
  lang: Lang;
}

/** Sets a list of blocks. */
export function setBlocks(flow: Flow, blocks: readonly Block[], place: Place): void {
  blocks.forEach((block, index) => setBlock(flow, block, place, blocks[index + 1]));
}

function setBlock(flow: Flow, block: Block, place: Place, next: Block | undefined): void {
  const { ctx } = flow;
  const inset = place.role === 'abstract' ? ctx.theme.abstractInset : 0;
  const box: TextBox = { x: flow.left + inset, width: flow.width - 2 * inset, first: 0, rest: 0 };
  switch (block.kind) {
    case 'section': {
      const lang = block.lang ?? place.lang;
      tagGroup(ctx, 'Sect', () => setSection(flow, block.blocks, { role: block.role, lang }, block.anchor), lang === place.lang ? {} : { lang: lang === 'zh' ? 'zh-CN' : 'en' });
      return;
    }
    case 'heading': {
      const style = headingStyle(ctx.theme, block.level, place.role);
      const text = prepareText(ctx, block.runs, style, box);
      // Keep a heading with the first two lines of what follows it.
      const following = next?.kind === 'heading' ? 0 : 2 * ctx.theme.body.size * ctx.theme.body.leading;
      flow.space(style.before);
      flow.ensure(text.paragraph.lines.length * text.lineHeight + following);
      // Every heading has a place a bookmark opens: its own id, or one made for it.
      const anchor = block.anchor ?? `h-${++ctx.headings}`;
      ctx.canvas.bookmark(plainText(block.runs), block.level === 3 ? 2 : 1, anchor);
      tagLeaf(ctx, `H${block.level}`, () => placeText(flow, { ...text, style: { ...style, before: 0 } }, { anchor }));
      return;
    }
    case 'paragraph': {
      const style = paragraphStyle(ctx.theme, block.role, place);
      const indent = style.indent * style.size;
      tagLeaf(ctx, 'P', () => placeText(flow, prepareText(ctx, block.runs, style, { ...box, first: indent }), { anchor: block.anchor }));
      return;
    }
    case 'list':
      setList(flow, block.items, listStyle(ctx.theme, place), box);
      return;
    case 'references':
      setList(
        flow,
        block.entries.map((entry) => ({ label: `[${entry.number}]`, runs: entry.runs, anchor: entry.anchor })),
        ctx.theme.references,
        box,
      );
      return;
    case 'figure':
      setFigure(flow, block.figure);
      return;
    case 'table':
      setTable(flow, block.table);
      return;
  }
}

function setSection(flow: Flow, blocks: readonly Block[], place: Place, anchor: string | null): void {
  if (anchor !== null && blocks[0]?.kind !== 'heading') flow.ctx.canvas.destination(anchor, flow.left, flow.y);
  if (place.role === 'abstract') flow.space(4);
  setBlocks(flow, blocks, place);
  if (place.role === 'abstract') {
    // A hairline closes each abstract, setting it off from the next one and from the body.
    const inset = flow.ctx.theme.abstractInset;
    flow.space(5);
    if (!flow.atTop()) flow.ctx.canvas.rule(flow.left + inset, flow.left + flow.width - inset, flow.y, 0.4, flow.ctx.theme.chrome.rule);
    flow.space(7);
  }
}

function setList(flow: Flow, items: readonly ListItem[], style: BlockStyle, box: TextBox): void {
  tagGroup(flow.ctx, 'L', () => setItems(flow, items, style, box));
}

function setItems(flow: Flow, items: readonly ListItem[], style: BlockStyle, box: TextBox): void {
  const { ctx } = flow;
  const labelStyle = ctx.style(PLAIN, { ...style, align: 'left' });
  const labelWidth = maxOf(items.map((item) => widthOf(ctx, item.label, labelStyle)), 0);
  const hang = labelWidth + style.size * 0.6;
  const lineHeight = style.size * style.leading;
  items.forEach((item, index) => {
    const text = prepareText(ctx, item.runs, { ...style, before: index === 0 ? style.before : 0 }, { ...box, first: hang, rest: hang });
    const label: GlyphRun = {
      face: labelStyle.face,
      size: labelStyle.size,
      // Numbers align on their right edge, bullets on the left.
      x: box.x + (/^\d/.test(item.label) || item.label.startsWith('[') ? labelWidth - widthOf(ctx, item.label, labelStyle) : 0),
      baseline: baselineOffset(style.size, lineHeight),
      oblique: false,
      color: labelStyle.color,
      segments: [item.label],
      gap: 0,
    };
    tagLeaf(ctx, 'LI', () => placeText(flow, text, { anchor: item.anchor, extra: item.label === '' ? [] : [label] }));
  });
}

function widthOf(ctx: FlowContext, text: string, style: TextStyle): number {
  let width = 0;
  for (const char of text) width += ctx.canvas.advance(style.face, char.codePointAt(0) as number) * style.size;
  return width;
}

function headingStyle(theme: Theme, level: 1 | 2 | 3, role: SectionRole): BlockStyle {
  if (role === 'abstract' && level >= 2) return theme.abstractHeading;
  return level === 1 ? theme.h1 : level === 2 ? theme.h2 : theme.h3;
}

function paragraphStyle(theme: Theme, role: string, place: Place): BlockStyle {
  if (role === 'meta' || role === 'byline' || role === 'version') return theme.meta;
  if (role === 'keywords') return theme.keywords;
  if (role === 'note') return theme.note;
  if (place.role === 'abstract') return place.lang === 'en' ? theme.abstractEn : theme.abstract;
  return place.lang === 'en' ? theme.bodyEn : theme.body;
}

function listStyle(theme: Theme, place: Place): BlockStyle {
  const base = place.role === 'abstract' ? theme.abstract : theme.list;
  return { ...base, indent: 0, align: place.lang === 'en' ? 'left' : base.align };
}
