// The typographic scale: page sizes and margins, block styles, table settings, colours, and marks → text styles.
import type { Rgb } from './canvas.ts';
import type { FaceName } from '../fonts.ts';
import type { Marks, Tone } from '../document/model.ts';
import { getOrInsert } from '../../memo.ts';

/** A resolved style for a span of text; equal styles are the same object (see `createStyler`). */
export interface TextStyle {
  face: FaceName;
  size: number;
  /** Points above the baseline (superscript) or below it (negative). */
  rise: number;
  oblique: boolean;
  color: Rgb;
  href: string | null;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

/** Spacing and set of a kind of paragraph; sizes in points, `leading` as a multiple of the size. */
export interface BlockStyle {
  size: number;
  leading: number;
  bold: boolean;
  color: Rgb;
  align: Align;
  /** First-line indent in em. */
  indent: number;
  before: number;
  after: number;
  /** Citations raised as superscripts (running text) or kept on the line (tables, reference lists). */
  raiseCites: boolean;
}

export interface TableTheme {
  size: number;
  leading: number;
  padX: number;
  padY: number;
  caption: BlockStyle;
  note: BlockStyle;
  headShade: Rgb;
  groupShade: Rgb;
  rowRule: Rgb;
  frame: Rgb;
}

export interface Theme {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  body: BlockStyle;
  bodyEn: BlockStyle;
  abstract: BlockStyle;
  abstractEn: BlockStyle;
  /** Extra left and right inset of abstracts, in points. */
  abstractInset: number;
  meta: BlockStyle;
  keywords: BlockStyle;
  note: BlockStyle;
  list: BlockStyle;
  references: BlockStyle;
  h1: BlockStyle;
  h2: BlockStyle;
  h3: BlockStyle;
  abstractHeading: BlockStyle;
  table: TableTheme;
  chrome: { size: number; color: Rgb; rule: Rgb; headerY: number; footerY: number };
}

export const BLACK: Rgb = [0.07, 0.07, 0.07];
const MUTED: Rgb = [0.36, 0.36, 0.38];
const LINK: Rgb = [0.1, 0.27, 0.55];
const TONES: Record<Tone, Rgb> = {
  normal: BLACK,
  muted: MUTED,
  good: [0.09, 0.45, 0.2],
  warn: [0.62, 0.37, 0.0],
  bad: [0.72, 0.1, 0.1],
};

const A4: readonly [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;

function block(size: number, leading: number, rest: Partial<BlockStyle> = {}): BlockStyle {
  return { size, leading, bold: false, color: BLACK, align: 'justify', indent: 0, before: 0, after: 0, raiseCites: true, ...rest };
}

/** The review in A4 portrait, or the evidence-table handout in A4 landscape. */
export function themeFor(landscape: boolean): Theme {
  const [width, height] = landscape ? [A4[1], A4[0]] : A4;
  const margin = landscape ? 15 * MM : 20 * MM;
  const top = landscape ? 18 * MM : 22 * MM;
  const bottom = landscape ? 17 * MM : 21 * MM;
  const tableSize = landscape ? 8 : 7.5;
  return {
    width,
    height,
    top,
    bottom,
    left: margin,
    right: margin,
    body: block(10.5, 1.6, { indent: 2, after: 2 }),
    bodyEn: block(10.5, 1.5, { after: 6 }),
    abstract: block(9.5, 1.6, { indent: 2, after: 2 }),
    abstractEn: block(9.5, 1.5, { after: 4 }),
    abstractInset: 2 * 9.5,
    meta: block(9, 1.5, { color: MUTED, align: 'center', after: 2 }),
    keywords: block(9.5, 1.6, { before: 2, after: 2 }),
    note: block(tableSize, 1.45, { color: MUTED, before: 4, raiseCites: false }),
    list: block(10.5, 1.6, { after: 2 }),
    references: block(8.5, 1.45, { after: 2.5, align: 'left', raiseCites: false }),
    h1: block(17, 1.35, { bold: true, align: 'center', after: 6 }),
    h2: block(13, 1.4, { bold: true, align: 'left', before: 14, after: 5 }),
    h3: block(11, 1.45, { bold: true, align: 'left', before: 8, after: 3 }),
    abstractHeading: block(10.5, 1.4, { bold: true, align: 'left', before: 6, after: 3 }),
    table: {
      size: tableSize,
      leading: 1.35,
      padX: landscape ? 3.5 : 2.5,
      padY: 2.2,
      caption: block(landscape ? 10 : 9, 1.4, { bold: true, align: 'center', before: 10, after: 4, raiseCites: false }),
      note: block(tableSize, 1.45, { color: MUTED, before: 4, after: 6, align: 'left', raiseCites: false }),
      headShade: [0.9, 0.92, 0.94],
      groupShade: [0.96, 0.96, 0.965],
      rowRule: [0.78, 0.79, 0.8],
      frame: [0.15, 0.15, 0.15],
    },
    chrome: { size: 8, color: MUTED, rule: [0.75, 0.75, 0.75], headerY: top - 8.5 * MM, footerY: height - bottom + 9 * MM },
  };
}

/** Where a line's baseline sits below its top: the ideographic em box centred in the line, as CSS does with half-leading. */
export function baselineOffset(size: number, lineHeight: number): number {
  // Noto Sans SC's ideographic em box runs from 0.88 em above the baseline to 0.12 em below.
  return lineHeight / 2 + 0.38 * size;
}

/** Returns a function turning marks on a block's base style into shared TextStyle objects. */
export function createStyler(): (marks: Marks, base: BlockStyle) => TextStyle {
  // Most runs share their marks and base objects (PLAIN, the table's cell style): look those up by identity first.
  const byIdentity = new Map<BlockStyle, Map<Marks, TextStyle>>();
  const byValue = new Map<string, TextStyle>();
  // And the runs of a cell or paragraph mostly share both: the last answer is kept.
  let lastMarks: Marks | null = null;
  let lastBase: BlockStyle | null = null;
  let lastStyle: TextStyle | null = null;
  return function styleOf(marks, base) {
    if (marks === lastMarks && base === lastBase) return lastStyle as TextStyle;
    const forBase = getOrInsert(byIdentity, base, () => new Map<Marks, TextStyle>());
    let style = forBase.get(marks);
    if (style === undefined) {
      const raised = marks.script === 'sup' || (marks.cite && base.raiseCites);
      const key = `${base.size}|${base.bold}|${base.color.join(',')}|${raised}|${marks.script}|${marks.bold}|${marks.italic}|${marks.cite}|${marks.code}|${marks.tone}|${marks.href ?? ''}`;
      style = byValue.get(key);
      if (style === undefined) {
        style = resolve(marks, base, raised);
        byValue.set(key, style);
      }
      forBase.set(marks, style);
    }
    lastMarks = marks;
    lastBase = base;
    lastStyle = style;
    return style;
  };
}

function resolve(marks: Marks, base: BlockStyle, raised: boolean): TextStyle {
  const small = raised || marks.script === 'sub';
  const size = small ? base.size * 0.72 : base.size;
  const rise = raised ? base.size * 0.34 : marks.script === 'sub' ? -base.size * 0.14 : 0;
  const color = marks.tone !== 'normal' ? TONES[marks.tone] : marks.cite || (marks.href !== null && marks.href.startsWith('http')) ? LINK : marks.code ? MUTED : base.color;
  return { face: base.bold || marks.bold ? 'bold' : 'regular', size, rise, oblique: marks.italic, color, href: marks.href };
}
