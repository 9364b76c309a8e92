// A page's content stream as bytes: operators, numbers and glyph ids written straight into one growing buffer.

// Bytes that must be escaped inside a PDF literal string, with their escapes: brackets, backslash and line ends.
const ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x28, '\\('],
  [0x29, '\\)'],
  [0x5c, '\\\\'],
  [0x0d, '\\r'],
  [0x0a, '\\n'],
]);
const NEEDS_ESCAPE = new Uint8Array(256);
for (const byte of ESCAPES.keys()) NEEDS_ESCAPE[byte] = 1;

const NEWLINE = 0x0a;
const SPACE = 0x20;
const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;

// Beyond this many thousandths the digits are left to String(), which is exact there too (see `formatNumber`).
const LARGEST_DIRECT = 1e12;

/**
 * Writes a content stream. Building it as strings (an operator string per line, a glyph string per run, joined per
 * text object, joined per page, then turned into bytes by PDFKit) made a long table spend more time on strings and
 * their garbage than on layout; here each byte is written once.
 */
export class ContentWriter {
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Bytes written since the last `take`. */
  get size(): number {
    return this.length;
  }

  /** Latin-1 text as it is (operators, names, numbers already formatted). */
  text(value: string): void {
    this.reserve(value.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < value.length; i++) bytes[at++] = value.charCodeAt(i) & 0xff;
    this.length = at;
  }

  /** An operator (or several) and the line end that ends it. */
  line(value: string): void {
    this.text(value);
    this.byte(NEWLINE);
  }

  space(): void {
    this.byte(SPACE);
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  /** A number as `formatNumber` writes it, without making a string on the way. */
  number(value: number): void {
    this.thousandths(toThousandths(value));
  }

  /** A whole number of thousandths (see `toThousandths`), written as the decimal it stands for. */
  thousandths(count: number): void {
    let thousandths = count;
    if (!(Math.abs(thousandths) < LARGEST_DIRECT)) {
      this.text(String(thousandths / 1000));
      return;
    }
    // -0 and anything that rounds to it print as "0".
    if (thousandths === 0) {
      this.byte(ZERO);
      return;
    }
    this.reserve(24);
    const bytes = this.bytes;
    let at = this.length;
    if (thousandths < 0) {
      bytes[at++] = MINUS;
      thousandths = -thousandths;
    }
    const whole = Math.floor(thousandths / 1000);
    const fraction = thousandths - whole * 1000;
    at = writeDigits(bytes, at, whole);
    if (fraction !== 0) {
      bytes[at++] = POINT;
      const tenths = Math.floor(fraction / 100);
      const hundredths = Math.floor(fraction / 10) % 10;
      const last = fraction % 10;
      bytes[at++] = ZERO + tenths;
      if (hundredths !== 0 || last !== 0) bytes[at++] = ZERO + hundredths;
      if (last !== 0) bytes[at++] = ZERO + last;
    }
    this.length = at;
  }

  /** A two-byte glyph id inside a literal string: half the bytes of a hex string, escaped where the syntax needs it. */
  glyph(id: number): void {
    this.reserve(4);
    const bytes = this.bytes;
    let at = this.length;
    const high = id >> 8;
    const low = id & 0xff;
    if (NEEDS_ESCAPE[high] === 1) at = writeEscape(bytes, at, high);
    else bytes[at++] = high;
    if (NEEDS_ESCAPE[low] === 1) at = writeEscape(bytes, at, low);
    else bytes[at++] = low;
    this.length = at;
  }

  /** The bytes written so far, copied out; the writer starts again empty. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.length);
    this.bytes.copy(out, 0, 0, this.length);
    this.length = 0;
    return out;
  }

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + count) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/** A coordinate rounded as the content stream writes it, counted in thousandths: differences of these are exact. */
export function toThousandths(value: number): number {
  return Math.round(value * 1000);
}

/** Formats a number for a content stream: at most 3 decimals, never exponent notation or -0. */
export function formatNumber(value: number): string {
  // A rounded k/1000 prints as its shortest decimal form, which is k's digits with the point put back; -0 prints as "0".
  return String(Math.round(value * 1000) / 1000);
}

function writeDigits(bytes: Buffer, at: number, value: number): number {
  if (value < 10) {
    bytes[at] = ZERO + value;
    return at + 1;
  }
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = value;
  for (let i = digits - 1; i >= 0; i--) {
    bytes[at + i] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}

function writeEscape(bytes: Buffer, at: number, byte: number): number {
  const escape = ESCAPES.get(byte) as string;
  bytes[at] = escape.charCodeAt(0);
  bytes[at + 1] = escape.charCodeAt(1);
  return at + 2;
}
