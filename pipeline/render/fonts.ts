// The embedded faces (Noto Sans SC from npm, OFL), text measurement with them, and stand-ins for the few characters they lack.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ReviewError } from '../errors.ts';

export type FaceName = 'regular' | 'bold';

const FONT_FILES: Record<FaceName, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

// Each file is 10 MB; read once per process, since a build renders the review and the handout.
const loaded = new Map<FaceName, Buffer>();

export function fontBytes(face: FaceName): Buffer {
  let bytes = loaded.get(face);
  if (bytes === undefined) {
    try {
      bytes = readFileSync(createRequire(import.meta.url).resolve(FONT_FILES[face]));
    } catch (error) {
      throw new ReviewError('INTERNAL', `font ${FONT_FILES[face]} is missing: run npm install`, { cause: error });
    }
    loaded.set(face, bytes);
  }
  return bytes;
}

type PdfDocument = InstanceType<typeof import('pdfkit')>;
let measurer: PdfDocument | undefined;

/**
 * The advance of `text` in points, set in the embedded sans face: what figures are laid out with. Measured through
 * PDFKit's public `widthOfString` on a document that is never written, so figures measure exactly as the PDF draws.
 */
export function measureText(text: string, size: number, bold: boolean): number {
  if (measurer === undefined) {
    const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');
    measurer = new PDFDocument({ autoFirstPage: false, font: '' });
    measurer.registerFont('regular', fontBytes('regular'));
    measurer.registerFont('bold', fontBytes('bold'));
  }
  return measurer.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
}

// Characters with no glyph in Noto Sans SC that have a faithful plain stand-in (the rest lose only their accent).
const STAND_INS: Readonly<Record<string, string>> = {
  'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ø': 'o', 'Ø': 'O', 'ß': 'ss',
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  '⁺': '+', '⁻': '−', '∼': '~', '\u2011': '-', '\u2010': '-',
};

/** Which characters the font has a glyph for. */
export interface Coverage {
  covers(codePoint: number): boolean;
}

/**
 * Replaces characters the font cannot show (a tofu box) with a stand-in: a table of look-alikes, else the
 * character without its accents (Ž → Z); a character with neither stays, so no text is ever dropped.
 */
export function withStandIns(text: string, coverage: Coverage): string {
  // Nearly all text is covered: check before building a new string.
  let covered = true;
  for (let i = 0; i < text.length && covered; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    covered = coverage.covers(cp);
  }
  if (covered) return text;
  let out = '';
  for (const char of text) out += coverage.covers(char.codePointAt(0) as number) ? char : standIn(char, coverage);
  return out;
}

function standIn(char: string, coverage: Coverage): string {
  return standInFor(char, coverage) ?? char;
}

/** A stand-in made of characters the font has, for one character it lacks; null when there is none. */
export function standInFor(char: string, coverage: Coverage): string | null {
  const listed = STAND_INS[char];
  if (listed !== undefined && allCovered(listed, coverage)) return listed;
  const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
  return bare !== '' && bare !== char && allCovered(bare, coverage) ? bare : null;
}

function allCovered(text: string, coverage: Coverage): boolean {
  for (const char of text) if (!coverage.covers(char.codePointAt(0) as number)) return false;
  return true;
}
