// Bytes to text: detects UTF-8 (with or without BOM), UTF-16 and GB18030 before any CSV parsing sees the data, in chunks.

/** The encodings the tool reads; everything but plain UTF-8 is reported by `record/encoding`. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8-invalid';

/** A place in the decoded text; `line` and `column` are 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * File content: all bytes at once, or a function that reads them again from the start in chunks
 * (large files). `final` is true on the pass whose text is used (the earlier passes only detect the
 * encoding), so progress counts each byte once. A chunk is valid only until the next one is read:
 * a reader may reuse its buffer, so whoever keeps bytes copies them.
 */
export type ByteSource = Uint8Array | ((final: boolean) => Iterable<Uint8Array>);

export interface DecodeReport {
  encoding: Encoding;
  /** Where bytes could not be decoded in any supported encoding (replaced by U+FFFD), at most a few. */
  undecodable: TextPosition[];
  /** Where a byte-order mark stands inside the text (not at its start): a sign of files joined together. */
  strayBoms: TextPosition[];
}

export interface DecodedText extends DecodeReport {
  text: string;
}

const MAX_REPORTED_POSITIONS = 5;
const SNIFF_BYTES = 512;
/** Below this size the text of the detection pass is kept, sparing a second decoding. */
const KEEP_TEXT_BELOW = 16 * 1024 * 1024;

function chunksOf(source: ByteSource, final = false): Iterable<Uint8Array> {
  return source instanceof Uint8Array ? [source] : source(final);
}

/** Decodes a whole source to one string (small files, tests). */
export function decodeBytes(source: ByteSource): DecodedText {
  const parts: string[] = [];
  const report = decodeSource(source, (text) => parts.push(text));
  return { text: parts.join(''), ...report };
}

/**
 * Decodes a source and hands the text on in chunks. BOMs decide first; then strict UTF-8 over the
 * whole source, then strict GB18030 (as Excel saves on Chinese Windows); failing both, UTF-8 with
 * the bad bytes replaced and located. Node 20's 'gbk' label mis-decodes four-byte sequences, so
 * its superset 'gb18030' is used.
 */
export function decodeSource(source: ByteSource, onText: (text: string) => void): DecodeReport {
  const head = firstBytes(source);
  const bom = sniffBom(head);
  const tracker = new PositionTracker();
  const emit = (text: string): void => {
    if (text === '') return;
    tracker.scan(text);
    onText(text);
  };
  // Whatever the encoding, bytes it cannot decode become U+FFFD: find and report them.
  tracker.findReplacements = true;
  const report = (encoding: Encoding): DecodeReport => ({ encoding, undecodable: tracker.replacements, strayBoms: tracker.strayBoms });
  if (bom) {
    decodeWith(source, bom.label, bom.length, emit);
    return report(bom.encoding);
  }
  const sixteen = sniffBomlessUtf16(head);
  if (sixteen) {
    decodeWith(source, sixteen, 0, emit);
    return report(sixteen);
  }
  const utf8 = strictDecode(source, 'utf-8', source instanceof Uint8Array);
  if (utf8.valid) {
    if (utf8.text !== undefined) emit(utf8.text);
    else decodeWith(source, 'utf-8', 0, emit);
    return report('utf-8');
  }
  // A UTF-8 file with a few stray bytes (a Latin-1 é pasted in) is still UTF-8: decoding it as
  // GB18030 would turn all its Chinese into mojibake. GB18030 only when UTF-8 fails broadly.
  if (!mostlyUtf8(source) && strictDecode(source, 'gb18030', false).valid) {
    decodeWith(source, 'gb18030', 0, emit);
    return report('gb18030');
  }
  decodeWith(source, 'utf-8', 0, emit);
  return report('utf-8-invalid');
}

/**
 * Whether the bytes are UTF-8 but for a few bad sequences: a handful of bad bytes among real
 * multi-byte characters, or under 1 in 20 of them. GB18030 read as UTF-8 is almost all replacement.
 */
function mostlyUtf8(source: ByteSource): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let replaced = 0;
  let multibyte = 0;
  const count = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) replaced++;
      else if (c >= 0x80) multibyte++;
    }
  };
  for (const chunk of chunksOf(source)) count(decoder.decode(chunk, { stream: true }));
  count(decoder.decode());
  return multibyte > 0 && (replaced * 20 < multibyte || (replaced <= 3 && multibyte >= replaced * 2));
}

function firstBytes(source: ByteSource): Uint8Array {
  if (source instanceof Uint8Array) return source.subarray(0, SNIFF_BYTES);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const chunk of source(false)) {
    // A copy (a Buffer's slice() would be a view): the reader may overwrite this chunk with the next one.
    parts.push(new Uint8Array(chunk.subarray(0, SNIFF_BYTES - length)));
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

function sniffBom(head: Uint8Array): { label: string; encoding: Encoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: 'utf-8', encoding: 'utf-8-bom', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM: ASCII-heavy text shows NUL bytes in every other position; Chinese-heavy
 * text still has its commas and line ends as `2C 00` / `0A 00` (little-endian) or `00 2C` / `00 0A`.
 */
function sniffBomlessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = head.length - (head.length % 2);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  let littleSeparators = 0;
  let bigSeparators = 0;
  let separatorBytes = 0;
  for (let i = 0; i < sample; i++) if (head[i] === 0x2c || head[i] === 0x0a) separatorBytes++;
  for (let i = 0; i < sample; i += 2) {
    const first = head[i] as number;
    const second = head[i + 1] as number;
    if (first === 0) evenZeros++;
    if (second === 0) oddZeros++;
    if (second === 0 && (first === 0x2c || first === 0x0a)) littleSeparators++;
    if (first === 0 && (second === 0x2c || second === 0x0a)) bigSeparators++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  // In UTF-16 every comma and line end is one half of a pair with NUL; in a UTF-8 file that merely
  // holds some NUL bytes, most separators are not.
  // (CJK code units such as U+9700 put a NUL in the other half now and then; a few are allowed.)
  if (littleSeparators >= 2 && evenZeros <= pairs * 0.1 && littleSeparators * 10 >= separatorBytes * 7) return 'utf-16le';
  if (bigSeparators >= 2 && oddZeros <= pairs * 0.1 && bigSeparators * 10 >= separatorBytes * 7) return 'utf-16be';
  return undefined;
}

/**
 * Whether the whole source decodes strictly. With `keep`, a small source's text is kept so it is
 * decoded once; a streamed source is never kept (that would hold a large file in memory).
 */
function strictDecode(source: ByteSource, label: string, keep: boolean): { valid: boolean; text?: string } {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let size = 0;
  try {
    for (const chunk of chunksOf(source)) {
      const text = decoder.decode(chunk, { stream: true });
      size += text.length;
      if (keep && size < KEEP_TEXT_BELOW) parts.push(text);
    }
    const tail = decoder.decode();
    size += tail.length;
    parts.push(tail);
  } catch {
    return { valid: false };
  }
  return keep && size < KEEP_TEXT_BELOW ? { valid: true, text: parts.join('') } : { valid: true };
}

function decodeWith(source: ByteSource, label: string, skip: number, emit: (text: string) => void): void {
  const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: true });
  let toSkip = skip;
  for (const chunk of chunksOf(source, true)) {
    const bytes = toSkip > 0 ? chunk.subarray(Math.min(toSkip, chunk.length)) : chunk;
    toSkip -= chunk.length - bytes.length;
    emit(decoder.decode(bytes, { stream: true }));
  }
  emit(decoder.decode());
}

/** Follows line and column through the decoded chunks to locate stray BOMs and replacement characters. */
class PositionTracker {
  readonly strayBoms: TextPosition[] = [];
  readonly replacements: TextPosition[] = [];
  findReplacements = false;
  private line = 1;
  private column = 1;
  private afterCarriageReturn = false;

  scan(text: string): void {
    const wantBom = this.strayBoms.length < MAX_REPORTED_POSITIONS && text.includes('\uFEFF');
    const wantReplacement = this.findReplacements && this.replacements.length < MAX_REPORTED_POSITIONS && text.includes('\uFFFD');
    if (!wantBom && !wantReplacement) {
      this.skip(text);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfeff && wantBom && this.strayBoms.length < MAX_REPORTED_POSITIONS) this.strayBoms.push({ line: this.line, column: this.column });
      // Adjacent bad bytes make one run of replacement characters: one finding per run.
      if (c === 0xfffd && wantReplacement && text.charCodeAt(i - 1) !== 0xfffd && this.replacements.length < MAX_REPORTED_POSITIONS) {
        this.replacements.push({ line: this.line, column: this.column });
      }
      this.step(c);
    }
  }

  private step(c: number): void {
    if (c === 10) {
      if (!this.afterCarriageReturn) this.line++;
      this.column = 1;
      this.afterCarriageReturn = false;
    } else if (c === 13) {
      this.line++;
      this.column = 1;
      this.afterCarriageReturn = true;
    } else {
      this.column++;
      this.afterCarriageReturn = false;
    }
  }

  /** Advances over text without anything to find: count line ends with indexOf rather than per character. */
  private skip(text: string): void {
    let lastBreak = -1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (!(i === 0 ? this.afterCarriageReturn : text.charCodeAt(i - 1) === 13)) this.line++;
      lastBreak = i;
    }
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
      this.line++;
      if (i > lastBreak) lastBreak = i;
    }
    this.column = lastBreak < 0 ? this.column + text.length : text.length - lastBreak;
    this.afterCarriageReturn = text.charCodeAt(text.length - 1) === 13;
  }
}
