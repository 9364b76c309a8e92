// The cursor down the pages and the setting of one block of text: line breaking, orphans and widows, links.
import { runsToWords, type Word } from './words.ts';
import type { Canvas, GlyphRun } from './canvas.ts';
import { avoidRunt, breakLines, composeLineInto, type LinkBox, type Paragraph } from './lines.ts';
import type { Lang, Run } from '../document/model.ts';
import { baselineOffset, type BlockStyle, type TextStyle, type Theme } from './style.ts';

export type Styler = (marks: Run['marks'], base: BlockStyle) => TextStyle;

/** What every block needs while it is set. */
export interface FlowContext {
  canvas: Canvas;
  theme: Theme;
  style: Styler;
  /** Ids present in the document: internal links to anything else are left unlinked. */
  anchors: ReadonlySet<string>;
  lang: Lang;
  /** The structure element what is drawn now belongs to (the tagged PDF's tree); null before the document's root. */
  parent: PDFKit.PDFStructureElement | null;
  /** Headings given a made-up anchor so far (for their bookmarks). */
  headings: number;
}

/** Draws `draw` as the marked content of a new structure element of `type` under the current one. */
export function tagLeaf(ctx: FlowContext, type: string, draw: () => void, options: { alt?: string; lang?: string } = {}): void {
  const element = ctx.canvas.struct(type, ctx.parent, options);
  ctx.canvas.beginMarked(element, type);
  draw();
  ctx.canvas.endMarked();
  element.end();
}

/** Runs `body` with a new structure element of `type` as the parent of what it tags. */
export function tagGroup(ctx: FlowContext, type: string, body: () => void, options: { alt?: string; lang?: string } = {}): void {
  const element = ctx.canvas.struct(type, ctx.parent, options);
  const outer = ctx.parent;
  ctx.parent = element;
  try {
    body();
  } finally {
    ctx.parent = outer;
  }
  element.end();
}

/** The cursor down the pages; y in points from the page top. */
export class Flow {
  y: number;
  readonly ctx: FlowContext;

  constructor(ctx: FlowContext) {
    this.ctx = ctx;
    ctx.canvas.addPage();
    this.y = ctx.theme.top;
  }

  get left(): number {
    return this.ctx.theme.left;
  }

  get width(): number {
    return this.ctx.theme.width - this.ctx.theme.left - this.ctx.theme.right;
  }

  get bottom(): number {
    return this.ctx.theme.height - this.ctx.theme.bottom;
  }

  get top(): number {
    return this.ctx.theme.top;
  }

  atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  newPage(): void {
    this.ctx.canvas.addPage();
    this.y = this.top;
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (!this.atTop()) this.y = Math.min(this.y + points, this.bottom);
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && !this.atTop()) this.newPage();
  }
}

/** Where a block of text goes across the page; widths in points. */
export interface TextBox {
  x: number;
  width: number;
  /** Indent of the first line, and of the others (a hanging indent). */
  first: number;
  rest: number;
}

/** Text broken into lines, ready to be placed. */
export interface SetText {
  paragraph: Paragraph;
  style: BlockStyle;
  lineHeight: number;
  box: TextBox;
}

/** Styles runs on a block style, cuts them into words and breaks them into lines for the box. */
export function prepareText(ctx: FlowContext, runs: readonly Run[], style: BlockStyle, box: TextBox): SetText {
  const paragraph = breakLines(wordsOf(ctx, runs, style), { first: box.width - box.first, rest: box.width - box.rest }, ctx.canvas);
  if (style.align === 'justify') avoidRunt(paragraph, ctx.canvas);
  return { paragraph, style, lineHeight: style.size * style.leading, box };
}

/** The words of runs with their marks resolved on a block style. */
export function wordsOf(ctx: FlowContext, runs: readonly Run[], style: BlockStyle): Word[] {
  return runsToWords(runs, (run) => ctx.style(run.marks, style), ctx.canvas);
}

/** Draws lines [from, to) with the first line's top at y, in one text object; returns their links. */
export function drawLines(text: SetText, from: number, to: number, y: number, canvas: Canvas): LinkBox[] {
  const links: LinkBox[] = [];
  for (let i = from; i < to; i++) {
    const indent = i === 0 ? text.box.first : text.box.rest;
    const top = y + (i - from) * text.lineHeight;
    const setting = {
      x: text.box.x + indent,
      baseline: top + baselineOffset(text.style.size, text.lineHeight),
      width: text.box.width - indent,
      align: text.style.align,
      size: text.style.size,
    };
    composeLineInto(text.paragraph, text.paragraph.lines[i] as (typeof text.paragraph.lines)[number], setting, canvas, canvas, links);
  }
  canvas.endText();
  return links;
}

/** Draws links, skipping internal ones whose target is not in this document. */
export function drawLinks(ctx: FlowContext, links: readonly LinkBox[]): void {
  for (const link of links) {
    if (link.href.startsWith('#')) {
      const target = link.href.slice(1);
      if (ctx.anchors.has(target)) ctx.canvas.linkTo(link.x, link.y, link.width, link.height, target);
    } else {
      ctx.canvas.linkUrl(link.x, link.y, link.width, link.height, link.href);
    }
  }
}

/**
 * Places set text at the cursor, page by page. A paragraph leaves no single first line at a page foot (orphan) nor a
 * single last line at a page head (widow). `extra` draws more on the first line (a list label); `anchor` names its top.
 */
export function placeText(flow: Flow, text: SetText, options: { anchor?: string | null; extra?: GlyphRun[] } = {}): void {
  const { ctx } = flow;
  const count = text.paragraph.lines.length;
  flow.space(text.style.before);
  let i = 0;
  while (i < count) {
    const fit = Math.floor((flow.bottom - flow.y + 0.01) / text.lineHeight);
    const remaining = count - i;
    let take = Math.min(fit, remaining);
    if (take < remaining) {
      if (remaining - take === 1) take -= 1;
      if (i === 0 && take < 2) take = 0;
    }
    if (take <= 0) {
      if (!flow.atTop()) {
        flow.newPage();
        continue;
      }
      take = Math.max(1, Math.min(fit, remaining));
    }
    if (i === 0) {
      if (options.anchor) ctx.canvas.destination(options.anchor, text.box.x, flow.y);
      const shifted = (options.extra ?? []).map((run) => ({ ...run, baseline: run.baseline + flow.y }));
      ctx.canvas.drawText(shifted);
    }
    drawLinks(ctx, drawLines(text, i, i + take, flow.y, ctx.canvas));
    flow.y += take * text.lineHeight;
    i += take;
    if (i < count) flow.newPage();
  }
  flow.y = Math.min(flow.y + text.style.after, flow.bottom);
}
