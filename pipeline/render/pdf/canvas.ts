// PDFKit adapter: the only file that imports pdfkit; pages, fonts, glyph runs, rules, links and bookmarks in top-down points.
import { constants as zlibConstants, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { ReviewError } from '../../errors.ts';
import { fontBytes, type FaceName } from './fonts.ts';

/** A colour as red, green, blue in 0–1. */
export type Rgb = readonly [number, number, number];

/** What a document needs from its creator; every field ends up in the info dictionary or the catalog. */
export interface CanvasOptions {
  size: readonly [number, number];
  info: { Title: string; Author: string; Subject: string; Keywords?: string; CreationDate: Date };
  lang: string;
}

/**
 * One run of glyphs on one baseline: `segments` are drawn one after another with `gap` points of extra space
 * between them (justification). `x` and `baseline` are in points from the page's top-left corner.
 */
export interface GlyphRun {
  face: FaceName;
  size: number;
  x: number;
  baseline: number;
  oblique: boolean;
  color: Rgb;
  segments: readonly string[];
  gap: number;
}

/** Horizontal metrics the layout measures with: advances in em (1 = the font size). */
export interface Metrics {
  advance(face: FaceName, codePoint: number): number;
  covers(codePoint: number): boolean;
}

// PDFKit's embedded font, as far as the fast path uses it (pdfkit 0.17 lib/font/embedded.js). Checked at start-up.
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface EmbeddedFontInternals {
  id: string;
  font: { unitsPerEm: number; glyphForCodePoint(codePoint: number): FontkitGlyph; hasGlyphForCodePoint(codePoint: number): boolean };
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

// A face caches each code point's advance (for measuring) and, once drawn, its subset glyph id as the two bytes of a
// PDF literal string. The BMP goes in flat arrays (NaN / undefined until first use): these look-ups run for every
// character of every table cell.
interface Face {
  font: EmbeddedFontInternals;
  unitsPerEm: number;
  advances: Float64Array;
  astralAdvances: Map<number, number>;
  codes: (string | undefined)[];
  astralCodes: Map<number, string>;
}

const BMP = 0x10000;

const OBLIQUE_SKEW = 0.2;

/**
 * Draws on A4 pages through PDFKit. Text goes through our own glyph encoding instead of `doc.text()`: PDFKit shapes
 * every distinct string with fontkit and wraps each call in save/transform/restore, which caps a table at ~1.5k rows/s;
 * mapping code points through the cmap once and writing one text object per line or table row is ~5x faster.
 * No kerning or ligatures are applied, so measuring and drawing agree exactly.
 */
export class Canvas implements Metrics {
  readonly width: number;
  readonly height: number;
  private readonly doc: PDFKit.PDFDocument;
  private readonly regular: Face;
  private readonly bold: Face;
  private readonly chunks: Uint8Array[] = [];
  private readonly coverage = new Uint8Array(BMP);
  private readonly fillOps = new Map<Rgb, string>();
  private readonly fontOps = new Map<string, string>();
  private readonly pending: string[] = [];

  constructor(options: CanvasOptions) {
    const [width, height] = options.size;
    this.width = width;
    this.height = height;
    // font: '' keeps PDFKit from loading Helvetica as its default; our fonts are registered once and never re-read.
    this.doc = new PDFDocument({
      size: [width, height],
      margin: 0,
      font: '',
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      lang: options.lang,
      displayTitle: true,
      info: { ...infoDictionary(options.info), Creator: 'review', ModDate: options.info.CreationDate },
    });
    this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
    this.regular = this.openFace('regular');
    this.bold = this.openFace('bold');
  }

  advance(face: FaceName, codePoint: number): number {
    // Two fields and a comparison: a keyed look-up here would run for every character measured.
    const cache = face === 'bold' ? this.bold : this.regular;
    if (codePoint < BMP) {
      const value = cache.advances[codePoint] as number;
      if (value === value) return value;
      const measured = cache.font.font.glyphForCodePoint(codePoint).advanceWidth / cache.unitsPerEm;
      cache.advances[codePoint] = measured;
      return measured;
    }
    let value = cache.astralAdvances.get(codePoint);
    if (value === undefined) {
      value = cache.font.font.glyphForCodePoint(codePoint).advanceWidth / cache.unitsPerEm;
      cache.astralAdvances.set(codePoint, value);
    }
    return value;
  }

  covers(codePoint: number): boolean {
    // 0: not asked yet, 1: covered, 2: missing. Both faces cover the same characters; the regular one is asked.
    const known = codePoint < BMP ? (this.coverage[codePoint] as number) : 0;
    if (known !== 0) return known === 1;
    const value = this.regular.font.font.hasGlyphForCodePoint(codePoint);
    if (codePoint < BMP) this.coverage[codePoint] = value ? 1 : 2;
    return value;
  }

  addPage(): void {
    this.flush();
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
  }

  pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** 0-based page index. */
  switchToPage(index: number): void {
    this.flush();
    this.doc.switchToPage(index);
  }

  /** Writes all runs in one text object; PDFKit's user space is y-down, text space y-up, hence the flip. */
  drawText(runs: readonly GlyphRun[]): void {
    if (runs.length === 0) return;
    const ops: string[] = [`q 1 0 0 -1 0 ${num(this.height)} cm BT`];
    let font = '';
    let color = '';
    for (const run of runs) {
      const face = run.face === 'bold' ? this.bold : this.regular;
      this.useFontOnPage(face.font);
      const fontOp = this.fontOp(face, run.size);
      if (fontOp !== font) ops.push((font = fontOp));
      const colorOp = this.fillOp(run.color);
      if (colorOp !== color) ops.push((color = colorOp));
      ops.push(`1 0 ${run.oblique ? OBLIQUE_SKEW : 0} 1 ${num(run.x)} ${num(this.height - run.baseline)} Tm`);
      ops.push(this.showOp(face, run));
    }
    ops.push('ET Q');
    this.pending.push(ops.join('\n'));
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.pending.push(`q ${rgb(color)} rg ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f Q`);
  }

  /** A horizontal rule centred on y. */
  rule(x1: number, x2: number, y: number, thickness: number, color: Rgb): void {
    this.pending.push(`q ${rgb(color)} RG ${num(thickness)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
  }

  /** A link to a named destination in this document, over the box whose top-left corner is (x, y). */
  linkTo(x: number, y: number, width: number, height: number, destination: string): void {
    this.doc.goTo(x, y, width, height, destination);
  }

  /** A link to a web address. */
  linkUrl(x: number, y: number, width: number, height: number, url: string): void {
    this.doc.link(x, y, width, height, url);
  }

  destination(name: string, x: number, y: number): void {
    this.doc.addNamedDestination(name, 'XYZ', x, y, null);
  }

  /** A top-level bookmark that opens the current page. */
  bookmark(title: string): void {
    this.doc.outline.addItem(title);
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    this.flush();
    this.compressPages();
    return new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(concat(this.chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  /**
   * PDFKit deflates each page's content at zlib's default level when the document ends, which took a third of a
   * long table's time; the fastest level costs about a tenth more bytes. A stream that already carries its filter
   * is written as it is. If PDFKit's internals ever differ, its own compression is left to run.
   */
  private compressPages(): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      const content = (this.doc.switchToPage(index) as unknown as { content: unknown }).content;
      if (!isContentStream(content) || !content.compress) continue;
      const packed = deflateSync(Buffer.concat(content.buffer), { level: zlibConstants.Z_BEST_SPEED });
      content.buffer = [packed];
      content.compress = false;
      content.data.Filter = 'FlateDecode';
      content.data.Length = packed.length;
    }
  }

  // Content goes to PDFKit once per page: each addContent call becomes a Buffer of its own.
  private flush(): void {
    if (this.pending.length === 0) return;
    this.doc.addContent(this.pending.join('\n'));
    this.pending.length = 0;
  }

  private openFace(name: FaceName): Face {
    this.doc.registerFont(name, fontBytes(name));
    this.doc.font(name);
    const font = (this.doc as unknown as { _font: unknown })._font;
    if (!isEmbeddedFont(font)) {
      throw new ReviewError('INTERNAL', 'pdfkit: embedded font internals have changed; the PDF renderer needs updating');
    }
    return { font, unitsPerEm: font.font.unitsPerEm, advances: new Float64Array(BMP).fill(Number.NaN), astralAdvances: new Map(), codes: [], astralCodes: new Map() };
  }

  private fontOp(face: Face, size: number): string {
    const key = `${face.font.id}@${size}`;
    let op = this.fontOps.get(key);
    if (op === undefined) {
      op = `/${face.font.id} ${num(size)} Tf`;
      this.fontOps.set(key, op);
    }
    return op;
  }

  // Styles share their colour arrays, so the operator is formatted once per colour.
  private fillOp(color: Rgb): string {
    let op = this.fillOps.get(color);
    if (op === undefined) {
      op = `${rgb(color)} rg`;
      this.fillOps.set(color, op);
    }
    return op;
  }

  private useFontOnPage(font: EmbeddedFontInternals): void {
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    if (fonts[font.id] === undefined) fonts[font.id] = font.ref();
  }

  // Glyph ids go out as binary literal strings, two bytes a glyph: half the bytes of PDFKit's hex strings, which
  // shortens both the content and its compression.
  private showOp(face: Face, run: GlyphRun): string {
    if (run.gap === 0 || run.segments.length === 1) return `(${this.encode(face, run.segments.join(''))}) Tj`;
    const adjust = num((-run.gap * 1000) / run.size);
    let op = '[';
    for (let i = 0; i < run.segments.length; i++) op += `${i > 0 ? ` ${adjust} ` : ''}(${this.encode(face, run.segments[i] as string)})`;
    return `${op}] TJ`;
  }

  private encode(face: Face, text: string): string {
    let codes = '';
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i) as number;
      if (codePoint >= BMP) {
        i++;
        let code = face.astralCodes.get(codePoint);
        if (code === undefined) {
          code = includeGlyph(face, codePoint);
          face.astralCodes.set(codePoint, code);
        }
        codes += code;
        continue;
      }
      let code = face.codes[codePoint];
      if (code === undefined) {
        code = includeGlyph(face, codePoint);
        face.codes[codePoint] = code;
      }
      codes += code;
    }
    return codes;
  }
}

// Adds the glyph to PDFKit's subset and records its width and text for the embedded font's /W and /ToUnicode.
function includeGlyph(face: Face, codePoint: number): string {
  const font = face.font;
  const glyph = font.font.glyphForCodePoint(codePoint);
  const id = font.subset.includeGlyph(glyph.id);
  if (font.widths[id] === undefined) font.widths[id] = (glyph.advanceWidth * 1000) / face.unitsPerEm;
  if (font.unicode[id] === undefined) font.unicode[id] = glyph.codePoints.length > 0 ? glyph.codePoints : [codePoint];
  return literalByte(id >> 8) + literalByte(id & 0xff);
}

// One byte inside a PDF literal string (the content is written as latin1): brackets, backslash and line ends escaped.
function literalByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0d:
      return '\\r';
    case 0x0a:
      return '\\n';
    default:
      return String.fromCharCode(byte);
  }
}

// A page's content stream as pdfkit 0.17 keeps it until the document ends (lib/reference.js).
interface ContentStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string; Length?: number };
}

function isContentStream(value: unknown): value is ContentStream {
  const stream = value as Partial<ContentStream> | null;
  return Array.isArray(stream?.buffer) && typeof stream.compress === 'boolean' && typeof stream.data === 'object' && stream.data !== null;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFontInternals {
  const font = value as Partial<EmbeddedFontInternals> | null;
  return (
    typeof font?.id === 'string' &&
    typeof font.subset?.includeGlyph === 'function' &&
    Array.isArray(font.widths) &&
    Array.isArray(font.unicode) &&
    typeof font.font?.glyphForCodePoint === 'function' &&
    typeof font.ref === 'function'
  );
}

// PDFKit hashes every info value into the file /ID, so an absent Keywords must not be passed as undefined.
function infoDictionary(info: CanvasOptions['info']): CanvasOptions['info'] {
  const { Keywords, ...rest } = info;
  return Keywords === undefined || Keywords === '' ? rest : { ...rest, Keywords };
}

/** Formats a number for a content stream: at most 3 decimals, never exponent notation or -0. */
export function num(value: number): string {
  // A rounded k/1000 prints as its shortest decimal form; -0 prints as "0".
  return String(Math.round(value * 1000) / 1000);
}

function rgb(color: Rgb): string {
  return `${num(color[0])} ${num(color[1])} ${num(color[2])}`;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
