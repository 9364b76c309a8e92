// The content-stream writer: numbers exactly as formatNumber prints them, escaped glyph bytes, growth and reuse.
import { describe, expect, it } from 'vitest';
import { ContentWriter, formatNumber } from '../../../pipeline/render/pdf/content.ts';

const written = (write: (out: ContentWriter) => void): string => {
  const out = new ContentWriter();
  write(out);
  return out.take().toString('latin1');
};

describe('ContentWriter', () => {
  it('writes numbers byte for byte as formatNumber does', () => {
    const values = [0, -0, 1, -1, 0.5, 0.1, 0.07, 0.0004, -0.0004, 0.0005, -0.0005, 1.2345, 42.52, 595.28, 799.37, 535.416, -10.8, 1e6 + 0.001, 123456.789, 1e13, -2.5e14, 0.9999, 9.9995];
    // A deterministic spread of page coordinates and adjustments, with the awkward binary fractions they bring.
    for (let i = 0; i < 2000; i++) values.push(((i * 7919) % 100003) / 97 - 400, (i * 0.0137) % 3, -(i / 3));
    for (const value of values) expect(written((out) => out.number(value)), String(value)).toBe(formatNumber(value));
  });

  it('formats with at most three decimals, no exponent and no negative zero', () => {
    expect(formatNumber(1 / 3)).toBe('0.333');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(1e-7)).toBe('0');
  });

  it('writes glyph ids as two bytes, escaping what a literal string must', () => {
    // 0x28 0x29 → \( \) ; 0x5c → \\ ; 0x0a, 0x0d → \n \r ; others as they are.
    expect(written((out) => out.glyph(0x2829))).toBe('\\(\\)');
    expect(written((out) => out.glyph(0x5c0a))).toBe('\\\\\\n');
    expect(written((out) => out.glyph(0x0d41))).toBe('\\rA');
    expect(written((out) => out.glyph(0x00ff))).toBe('\u0000\u00ff');
  });

  it('grows past its first buffer and starts empty after take', () => {
    const out = new ContentWriter();
    const line = 'q 0.9 0.92 0.94 rg 42.52 65.624 756.851 15.2 re f Q';
    for (let i = 0; i < 5000; i++) out.line(line);
    const first = out.take().toString('latin1');
    expect(first.length).toBe(5000 * (line.length + 1));
    expect(first.endsWith(`${line}\n`)).toBe(true);
    expect(out.size).toBe(0);
    out.text('ET');
    out.space();
    out.byte(0x51);
    expect(out.take().toString('latin1')).toBe('ET Q');
  });
});
