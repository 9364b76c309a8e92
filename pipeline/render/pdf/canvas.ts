// PDFKit adapter: the only file that imports pdfkit for drawing; pages, fonts, glyph runs, rules, scenes, structure tags, links and bookmarks in top-down points. Every use of a PDFKit field outside its public API says so where it stands ("PDFKit public API missing").
import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { ReviewError } from '../../errors.ts';
import { ContentWriter, formatNumber, toThousandths } from './content.ts';
import { fontBytes, withStandIns, type FaceName } from '../fonts.ts';
import { textStart, type Paint, type Scene, type Stroke } from '../document/scene.ts';

// Required, not imported: an ESM import of this CommonJS bundle makes Node scan all 390 KB of it for
// named exports first, ~140 ms of every build (460 → 321 ms to load pdfkit, measured here).
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

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
 * between them (justification); with no gap they are simply pieces of one text. `x` and `baseline` are in points
 * from the page's top-left corner.
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

/**
 * Where composed text goes, run by run, without a GlyphRun object per run: the canvas writes it into the page as it
 * comes. `x` and `baseline` are in points from the page's top-left corner; `gap` as in GlyphRun.
 */
export interface GlyphSink {
  startRun(face: FaceName, size: number, color: Rgb, oblique: boolean, x: number, baseline: number, gap: number): void;
  /** Text of the run last started; `newSegment` puts a justification gap before it. */
  addText(text: string, newSegment: boolean): void;
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

// A face caches each code point's advance (for measuring) and, once drawn, its glyph id in the subset. The BMP goes
// in flat typed arrays (NaN / -1 until first use): these look-ups run for every character of every table cell.
interface Face {
  font: EmbeddedFontInternals;
  unitsPerEm: number;
  advances: Float64Array;
  astralAdvances: Map<number, number>;
  ids: Int32Array;
  astralIds: Map<number, number>;
  /** Its font-selection operator at each size. */
  fontOps: Map<number, string>;
}

const BMP = 0x10000;

// Text matrices before their x and y: upright, or slanted by 0.2 for italics (the font has no italic).
const UPRIGHT_MATRIX = '1 0 0 1 ';
const OBLIQUE_MATRIX = '1 0 0.2 1 ';
const OPEN_STRING = 0x28;
const CLOSE_STRING = 0x29;
const OPEN_ARRAY = 0x5b;
const CLOSE_STRING_TJ = ') Tj';

/**
 * Draws on A4 pages through PDFKit. Text goes through our own glyph encoding instead of `doc.text()`: PDFKit shapes
 * every distinct string with fontkit and wraps each call in save/transform/restore, which caps a table at ~1.5k rows/s;
 * mapping code points through the cmap once and writing one text object per line or table row is ~5x faster.
 * No kerning or ligatures are applied, so measuring and drawing agree exactly.
 */
export class Canvas implements Metrics, GlyphSink {
  readonly width: number;
  readonly height: number;
  private readonly doc: PDFKit.PDFDocument;
  private readonly regular: Face;
  private readonly bold: Face;
  private readonly chunks: Uint8Array[] = [];
  private readonly coverage = new Uint8Array(BMP);
  private readonly fillOps = new Map<Rgb, string>();
  private readonly strokeOps = new Map<Rgb, string>();
  // The current page's content not yet handed to PDFKit.
  private readonly content = new ContentWriter();
  private readonly textStart: string;
  // The text object being written: whether one is open, its font and colour operators so far, and the open run (its
  // face, or null; its gap; a justified run's segments, which are written when it ends).
  private inText = false;
  private textFont = '';
  private textColor = '';
  private runFace: Face | null = null;
  private runGap = 0;
  private runSize = 0;
  private readonly runSegments: string[] = [];
  // Where the text object's line matrix stands, in thousandths of a point, and whether it is upright (after BT it is
  // the identity). From an upright matrix a run starts with a short relative move (Td) instead of a whole matrix (Tm):
  // a fifth less content to write and compress. Moves are differences of rounded positions, so they add up exactly.
  private lineX = 0;
  private lineY = 0;
  private lineUpright = true;
  private readonly outlineStack: OutlineItem[] = [];
  private marked = false;

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
      tagged: true,
      info: { ...infoDictionary(options.info), Creator: 'review', ModDate: options.info.CreationDate },
    });
    this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
    this.textStart = `q 1 0 0 -1 0 ${num(height)} cm BT`;
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
    // continueOnNewPage closes the open marked content on this page and reopens it on the next (a tagged paragraph
    // that runs over a page break); addPage would leave it open across pages.
    if (this.doc.bufferedPageRange().count === 0) this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    else this.doc.continueOnNewPage({ size: [this.width, this.height], margin: 0 });
  }

  pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** 0-based page index. */
  switchToPage(index: number): void {
    this.flush();
    this.doc.switchToPage(index);
  }

  /** Writes runs in one text object of their own. */
  drawText(runs: readonly GlyphRun[]): void {
    this.endText();
    for (const run of runs) {
      this.startRun(run.face, run.size, run.color, run.oblique, run.x, run.baseline, run.gap);
      for (let i = 0; i < run.segments.length; i++) this.addText(run.segments[i] as string, i > 0);
    }
    this.endText();
  }

  /**
   * Starts a run; runs started until `endText` share one text object (opened by the first of them). PDFKit's user
   * space is y-down, text space y-up, hence the flip.
   */
  startRun(faceName: FaceName, size: number, color: Rgb, oblique: boolean, x: number, baseline: number, gap: number): void {
    this.endRun();
    const out = this.content;
    if (!this.inText) {
      out.line(this.textStart);
      this.inText = true;
      this.textFont = '';
      this.textColor = '';
      this.lineX = 0;
      this.lineY = 0;
      this.lineUpright = true;
    }
    const face = faceName === 'bold' ? this.bold : this.regular;
    this.useFontOnPage(face.font);
    const fontOp = this.fontOp(face, size);
    if (fontOp !== this.textFont) out.line((this.textFont = fontOp));
    const colorOp = this.fillOp(color);
    if (colorOp !== this.textColor) out.line((this.textColor = colorOp));
    const lineX = toThousandths(x);
    const lineY = toThousandths(this.height - baseline);
    if (oblique || !this.lineUpright) {
      out.text(oblique ? OBLIQUE_MATRIX : UPRIGHT_MATRIX);
      out.thousandths(lineX);
      out.space();
      out.thousandths(lineY);
      out.line(' Tm');
    } else {
      out.thousandths(lineX - this.lineX);
      out.space();
      out.thousandths(lineY - this.lineY);
      out.line(' Td');
    }
    this.lineX = lineX;
    this.lineY = lineY;
    this.lineUpright = !oblique;
    this.runFace = face;
    this.runGap = gap;
    this.runSize = size;
    // Glyph ids go out as binary literal strings, two bytes a glyph: half the bytes of PDFKit's hex strings, which
    // shortens both the content and its compression. Unjustified text is written as it comes.
    if (gap === 0) out.byte(OPEN_STRING);
    else this.runSegments.length = 0;
  }

  addText(text: string, newSegment: boolean): void {
    const face = this.runFace;
    if (face === null) throw new ReviewError('INTERNAL', 'PDF text added outside a run');
    if (this.runGap === 0) {
      this.encode(face, text);
      return;
    }
    const segments = this.runSegments;
    if (newSegment || segments.length === 0) segments.push(text);
    else segments[segments.length - 1] += text;
  }

  /** Ends the text object the runs since the last call went into (nothing when there were none). */
  endText(): void {
    this.endRun();
    if (!this.inText) return;
    this.content.line('ET Q');
    this.inText = false;
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.endText();
    const out = this.content;
    out.text('q ');
    out.text(this.fillOp(color));
    out.space();
    out.number(x);
    out.space();
    out.number(y);
    out.space();
    out.number(width);
    out.space();
    out.number(height);
    out.line(' re f Q');
  }

  /** A horizontal rule centred on y. */
  rule(x1: number, x2: number, y: number, thickness: number, color: Rgb): void {
    this.endText();
    const out = this.content;
    out.text(this.strokeOp(color));
    out.number(thickness);
    out.text(' w ');
    out.number(x1);
    out.space();
    out.number(y);
    out.text(' m ');
    out.number(x2);
    out.space();
    out.number(y);
    out.line(' l S Q');
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

  /**
   * A bookmark that opens the named destination (a heading's place), nested under the last bookmark of the level
   * above. PDFKit's public `outline.addItem` opens the current page only: the item's destination is replaced by the
   * name (no public API for a positioned outline destination; `outlineData` is the item's dictionary, not underscored).
   */
  bookmark(title: string, level: number, destination: string): void {
    this.outlineStack.length = Math.min(this.outlineStack.length, Math.max(0, level - 1));
    const parent = this.outlineStack[this.outlineStack.length - 1] ?? (this.doc.outline as unknown as OutlineItem);
    const item = parent.addItem(title, { expanded: true });
    item.outlineData['Dest'] = new String(destination);
    this.outlineStack.push(item);
  }

  /** Starts a structure element (PDFKit's public `doc.struct`) under `parent`, or under the document root when null. */
  struct(type: string, parent: PDFKit.PDFStructureElement | null, options: { alt?: string; lang?: string } = {}): PDFKit.PDFStructureElement {
    const element = this.doc.struct(type, options);
    if (parent === null) this.doc.addStructure(element);
    else parent.add(element);
    return element;
  }

  /**
   * Marks what is drawn from now until `endMarked` as content of `element` (doc.markStructureContent). The page
   * content this canvas has gathered goes to PDFKit first, so the marks enclose exactly what is drawn between them;
   * PDFKit carries an open mark over a page break.
   */
  beginMarked(element: PDFKit.PDFStructureElement, type: string): void {
    this.flush();
    element.add(this.doc.markStructureContent(type));
    this.marked = true;
  }

  endMarked(): void {
    if (!this.marked) return;
    this.flush();
    this.doc.endMarkedContent();
    this.marked = false;
  }

  /** Page furniture (running heads, footers, rules) is marked as an artifact, outside the structure tree. */
  beginArtifact(): void {
    this.flush();
    this.doc.markContent('Artifact', { type: 'Pagination' });
    this.marked = true;
  }

  /**
   * Draws a scene with its top-left corner at (x, y), scaled, through PDFKit's public drawing API: paths, rectangles,
   * lines, colours, dashes and `doc.text` on the alphabetic baseline with the embedded faces.
   */
  drawScene(scene: Scene, x: number, y: number, scale: number): void {
    this.flush();
    const doc = this.doc;
    doc.save();
    doc.translate(x, y).scale(scale);
    for (const shape of scene.shapes) {
      switch (shape.kind) {
        case 'rect':
          doc.rect(shape.x, shape.y, shape.width, shape.height);
          paint(doc, shape.paint);
          break;
        case 'line':
          doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
          stroke(doc, shape.stroke);
          doc.stroke();
          break;
        case 'path':
          for (const c of shape.commands) {
            if (c.op === 'M') doc.moveTo(c.x, c.y);
            else if (c.op === 'L') doc.lineTo(c.x, c.y);
            else if (c.op === 'C') doc.bezierCurveTo(c.x1, c.y1, c.x2, c.y2, c.x, c.y);
            else doc.closePath();
          }
          paint(doc, shape.paint);
          break;
        case 'text':
          doc
            .font(shape.bold ? 'bold' : 'regular')
            .fontSize(shape.size)
            .fillColor(shape.color)
            .text(withStandIns(shape.text, this), textStart(shape), shape.y, { lineBreak: false, baseline: 'alphabetic' });
          break;
      }
    }
    doc.restore();
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
  // PDFKit public API missing: no compression level option (it deflates at zlib's default); this writes the page
  // content streams' `buffer`/`compress` fields of pdfkit 0.17, and leaves PDFKit's own compression when they differ.
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

  // Content goes to PDFKit once per page, as bytes: PDFKit keeps a Uint8Array as it is.
  private flush(): void {
    this.endText();
    if (this.content.size === 0) return;
    this.doc.addContent(this.content.take());
  }

  private openFace(name: FaceName): Face {
    this.doc.registerFont(name, fontBytes(name));
    this.doc.font(name);
    // PDFKit public API missing: no way to get the embedded font object a name selects (the glyph encoding below
    // needs its fontkit font, subset and width tables); `_font` is the one private field read, checked just below.
    const font = (this.doc as unknown as { _font: unknown })._font;
    if (!isEmbeddedFont(font)) {
      throw new ReviewError('INTERNAL', 'pdfkit: embedded font internals have changed; the PDF renderer needs updating');
    }
    return { font, unitsPerEm: font.font.unitsPerEm, advances: new Float64Array(BMP).fill(Number.NaN), astralAdvances: new Map(), ids: new Int32Array(BMP).fill(-1), astralIds: new Map(), fontOps: new Map() };
  }

  private fontOp(face: Face, size: number): string {
    let op = face.fontOps.get(size);
    if (op === undefined) {
      op = `/${face.font.id} ${num(size)} Tf`;
      face.fontOps.set(size, op);
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

  // A rule's opening: save the state and set the stroke colour (once formatted per colour, as for fills).
  private strokeOp(color: Rgb): string {
    let op = this.strokeOps.get(color);
    if (op === undefined) {
      op = `q ${rgb(color)} RG `;
      this.strokeOps.set(color, op);
    }
    return op;
  }

  private useFontOnPage(font: EmbeddedFontInternals): void {
    // PDFKit public API missing: `doc.font()` adds a font to the page's resources only when `doc.text` draws with it.
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    if (fonts[font.id] === undefined) fonts[font.id] = font.ref();
  }

  private endRun(): void {
    const face = this.runFace;
    if (face === null) return;
    this.runFace = null;
    const out = this.content;
    if (this.runGap === 0) {
      out.line(CLOSE_STRING_TJ);
      return;
    }
    const segments = this.runSegments;
    if (segments.length <= 1) {
      out.byte(OPEN_STRING);
      this.encode(face, segments[0] ?? '');
      out.line(CLOSE_STRING_TJ);
      return;
    }
    const adjust = ` ${num((-this.runGap * 1000) / this.runSize)} `;
    out.byte(OPEN_ARRAY);
    for (let i = 0; i < segments.length; i++) {
      if (i > 0) out.text(adjust);
      out.byte(OPEN_STRING);
      this.encode(face, segments[i] as string);
      out.byte(CLOSE_STRING);
    }
    out.line('] TJ');
  }

  private encode(face: Face, text: string): void {
    const out = this.content;
    const ids = face.ids;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const codePoint = text.codePointAt(i) as number;
        if (codePoint >= BMP) {
          i++;
          let id = face.astralIds.get(codePoint);
          if (id === undefined) {
            id = includeGlyph(face, codePoint);
            face.astralIds.set(codePoint, id);
          }
          out.glyph(id);
          continue;
        }
      }
      let id = ids[unit] as number;
      if (id < 0) {
        id = includeGlyph(face, unit);
        ids[unit] = id;
      }
      out.glyph(id);
    }
  }
}

// Adds the glyph to PDFKit's subset and records its width and text for the embedded font's /W and /ToUnicode.
// PDFKit public API missing: glyphs enter the subset only through `doc.text`, which shapes every string anew and wraps
// each call in a graphics state (about a fifth of this path's speed on a long table); these are the fields it fills.
function includeGlyph(face: Face, codePoint: number): number {
  const font = face.font;
  const glyph = font.font.glyphForCodePoint(codePoint);
  const id = font.subset.includeGlyph(glyph.id);
  if (font.widths[id] === undefined) font.widths[id] = (glyph.advanceWidth * 1000) / face.unitsPerEm;
  if (font.unicode[id] === undefined) font.unicode[id] = glyph.codePoints.length > 0 ? glyph.codePoints : [codePoint];
  return id;
}

// An outline item as pdfkit 0.17 makes it (lib/outline.js): `addItem` is public, `outlineData` its dictionary.
interface OutlineItem {
  addItem(title: string, options: { expanded: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
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

function paint(doc: PDFKit.PDFDocument, paint: Paint): void {
  if (paint.stroke) stroke(doc, paint.stroke);
  if (paint.fill && paint.stroke) doc.fillAndStroke(paint.fill, paint.stroke.color);
  else if (paint.fill) doc.fill(paint.fill);
  else if (paint.stroke) doc.stroke();
}

function stroke(doc: PDFKit.PDFDocument, line: Stroke): void {
  doc.lineWidth(line.width).strokeColor(line.color);
  if (line.dash && line.dash.length >= 2) doc.dash(line.dash[0] as number, { space: line.dash[1] as number });
  else doc.undash();
}

const num = formatNumber;

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
