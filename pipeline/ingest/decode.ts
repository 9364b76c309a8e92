// Bytes to text: detects UTF-8 (with or without BOM), UTF-16 and GB18030 before any CSV parsing sees the data.

/** The encodings the tool reads; everything but plain UTF-8 is reported by `record/encoding`. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8-invalid';

/** A place in the decoded text; `line` and `column` are 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** Where bytes could not be decoded in any supported encoding (replaced by U+FFFD), at most a few. */
  undecodable: TextPosition[];
  /** Where a byte-order mark stands inside the text (not at its start): a sign of files joined together. */
  strayBoms: TextPosition[];
}

const MAX_REPORTED_POSITIONS = 5;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
// Node 20's 'gbk' label mis-decodes four-byte sequences; 'gb18030' is its superset and decodes them right.
const strictGb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes, trying BOMs first, then strict UTF-8, then strict GB18030 (as Excel saves on Chinese Windows). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const { text, encoding } = decodeBySniffing(bytes);
  const undecodable = encoding === 'utf-8-invalid' ? findAll(text, '\uFFFD') : [];
  return { text, encoding, undecodable, strayBoms: findAll(text, '\uFEFF') };
}

function decodeBySniffing(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless16 = sniffBomlessUtf16(bytes);
  if (bomless16) return { text: new TextDecoder(bomless16).decode(bytes), encoding: bomless16 };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the legacy Chinese encoding.
  }
  try {
    return { text: strictGb18030.decode(bytes), encoding: 'gb18030' };
  } catch {
    return { text: lenientUtf8.decode(bytes), encoding: 'utf-8-invalid' };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** UTF-16 without a BOM shows as NUL bytes in every other position of ASCII-heavy text. */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function findAll(text: string, char: string): TextPosition[] {
  const found: TextPosition[] = [];
  let from = 0;
  while (found.length < MAX_REPORTED_POSITIONS) {
    const at = text.indexOf(char, from);
    if (at < 0) break;
    found.push(positionAt(text, at));
    from = at + 1;
  }
  return found;
}

/** 1-based line and column of a UTF-16 offset; CRLF, CR and LF each end one line. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
