// Tests for byte decoding: BOMs, strict UTF-8, GB18030 as Excel writes it, UTF-16, undecodable bytes.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../pipeline/ingest/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
// 作者 (zuò zhě) in GB18030/GBK: D7 F7 D5 DF; Node has no GB18030 encoder, so the bytes are written out.
const gbAuthor = [0xd7, 0xf7, 0xd5, 0xdf];

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    expect(decodeBytes(utf8('作者,年份\n'))).toMatchObject({ text: '作者,年份\n', encoding: 'utf-8', undecodable: [] });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id\n')]))).toMatchObject({ text: 'id\n', encoding: 'utf-8-bom' });
  });

  it('detects GB18030 when the bytes are not UTF-8', () => {
    expect(decodeBytes(new Uint8Array([...gbAuthor, 0x2c, 0x31, 0x0a]))).toMatchObject({ text: '作者,1\n', encoding: 'gb18030' });
  });

  it('decodes GB18030 four-byte sequences (which the gbk label gets wrong)', () => {
    // 0x81 0x30 0x81 0x30 is U+0080 in GB18030.
    expect(decodeBytes(new Uint8Array([0x81, 0x30, 0x81, 0x30, ...gbAuthor])).text).toBe('\u0080作者');
  });

  it('reads UTF-16LE with a BOM', () => {
    const body = Buffer.from('作者,1\n', 'utf16le');
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...body]))).toMatchObject({ text: '作者,1\n', encoding: 'utf-16le' });
  });

  it('reads UTF-16LE without a BOM from its NUL pattern', () => {
    expect(decodeBytes(new Uint8Array(Buffer.from('id,status\nr1,verified\n', 'utf16le')))).toMatchObject({ encoding: 'utf-16le', text: 'id,status\nr1,verified\n' });
  });

  it('locates bytes that no supported encoding decodes', () => {
    const decoded = decodeBytes(new Uint8Array([...utf8('ab\ncd'), 0xff, 0xff, 0xff, 0x0a]));
    expect(decoded.encoding).toBe('utf-8-invalid');
    expect(decoded.undecodable[0]).toEqual({ line: 2, column: 3 });
  });

  it('locates a byte-order mark inside the text', () => {
    expect(decodeBytes(utf8('a,b\n\uFEFFa,b\n')).strayBoms).toEqual([{ line: 2, column: 1 }]);
  });
});

describe('decodeBytes from a reader that reuses one buffer', () => {
  /** A chunked source like the CLI's file reader: every chunk is the same buffer, overwritten with the next bytes. */
  const reusingReader = (bytes: Uint8Array, size: number) => (): Iterable<Uint8Array> => ({
    *[Symbol.iterator]() {
      const buffer = Buffer.alloc(size);
      for (let at = 0; at < bytes.length; at += size) {
        const length = Math.min(size, bytes.length - at);
        buffer.set(bytes.subarray(at, at + length));
        yield buffer.subarray(0, length);
      }
    },
  });

  it('decodes GB18030 split mid-character across chunks, and sniffs a BOM-less head longer than one chunk', () => {
    const line = [...gbAuthor, 0x2c, 0x81, 0x30, 0x81, 0x30, 0x0a];
    const bytes = new Uint8Array(Array.from({ length: 200 }, () => line).flat());
    // 7 bytes a chunk: characters straddle chunk ends, and the 512-byte sniff needs many chunks.
    const decoded = decodeBytes(reusingReader(bytes, 7));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe('作者,\u0080\n'.repeat(200));
  });

  it('detects a UTF-16 BOM when the head spans chunks', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('作者,1\n'.repeat(100), 'utf16le')]);
    const decoded = decodeBytes(reusingReader(bytes, 3));
    expect(decoded).toMatchObject({ encoding: 'utf-16le', text: '作者,1\n'.repeat(100) });
  });
});
