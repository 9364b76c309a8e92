// Tests for record/encoding: files that are not plain UTF-8, given as bytes (Node 20 has no GB18030 encoder, so those are written by hand).
import { Buffer } from 'node:buffer';
import { testRule } from '../../helpers/rule-tester.ts';

/** Joins ASCII text and raw bytes into one file. */
function bytes(...parts: (string | readonly number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : [...part])));
}

// GB18030 (as Excel saves "CSV" on Chinese Windows): 中 D6 D0, 文 CE C4, 备 B1 B8, 注 D7 A2.
const ZHONG_WEN = [0xd6, 0xd0, 0xce, 0xc4];
const BEI_ZHU = [0xb1, 0xb8, 0xd7, 0xa2];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function utf16le(text: string, withBom: boolean): Uint8Array {
  return bytes(withBom ? [0xff, 0xfe] : [], [...Buffer.from(text, 'utf16le')]);
}

testRule('record/encoding', {
  valid: [
    { name: 'plain UTF-8 with Chinese text', tables: { references: 'id,status,note\nr1,verified,中文\n' } },
    { name: 'UTF-8 with a BOM, as Excel writes "CSV UTF-8"', tables: { references: bytes(UTF8_BOM, 'id,status,note\r\nr1,verified,ok\r\n') } },
  ],
  invalid: [
    {
      name: 'GB18030 bytes from Excel on Chinese Windows',
      tables: { references: bytes('id,status,', BEI_ZHU, '\r\nr1,verified,', ZHONG_WEN, '\r\n') },
      diagnostics: [{ line: 1, column: 1, file: 'references.csv', message: 'file is GB18030/GBK, decoded as such; save it as UTF-8' }],
    },
    {
      name: 'UTF-16LE with a BOM, as "Unicode text" exports',
      tables: { studies: utf16le('id,reference_id,disease,design\r\ns1,r1,RA,rct\r\n', true) },
      diagnostics: [{ line: 1, column: 1, file: 'studies.csv', message: 'file is UTF-16 (little-endian), decoded as such; save it as UTF-8' }],
    },
    {
      name: 'UTF-16LE without a BOM is recognised by its NUL bytes',
      tables: { references: utf16le('id,status\nr1,verified\n', false) },
      diagnostics: [{ line: 1, column: 1, message: 'file is UTF-16 (little-endian), decoded as such; save it as UTF-8' }],
    },
    {
      name: 'undecodable bytes, once per run, at their true line after a multi-line field',
      tables: { references: bytes('id,status,note\nr1,verified,"two\nlines"\nr2,verified,ab', [0xff, 0xfe], 'cd\nr3,verified,', [0x80], '\n') },
      diagnostics: [
        { line: 4, column: 15, message: 'bytes here are not valid UTF-8, GB18030 or UTF-16 and were replaced by U+FFFD' },
        { line: 5, column: 13, message: 'bytes here are not valid UTF-8, GB18030 or UTF-16 and were replaced by U+FFFD' },
      ],
    },
    {
      name: 'a BOM in the middle, where two files were joined',
      tables: { references: bytes('id,status\nr1,verified\n', UTF8_BOM, 'r2,verified\n') },
      diagnostics: [{ line: 3, column: 1, message: 'a byte-order mark stands inside the file, as when two files are joined; remove it' }],
    },
  ],
});
