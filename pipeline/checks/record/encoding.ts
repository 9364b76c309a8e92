// record/encoding: a record file that is not plain UTF-8 (GB18030, UTF-16, a BOM, undecodable bytes).
import type { TextPosition } from '../../ingest/decode.ts';
import { defineRule } from '../types.ts';

const LABELS: Record<string, string> = {
  'utf-8-bom': 'UTF-8 with a byte-order mark',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  gb18030: 'GB18030/GBK',
};

export default defineRule({
  meta: {
    severity: 'warning',
    description: 'A record file is not plain UTF-8',
    messages: {
      decoded: 'file is {{encoding}}, decoded as such; save it as UTF-8',
      undecodable: 'bytes here are not valid UTF-8, GB18030 or UTF-16 and were replaced by U+FFFD',
      strayBom: 'a byte-order mark stands inside the file, as when two files are joined; remove it',
    },
  },
  create(context) {
    return {
      encoding(fact) {
        // A UTF-8 BOM is what Excel writes for "CSV UTF-8": harmless, and not worth a warning.
        const label = LABELS[fact.encoding];
        if (label !== undefined && fact.encoding !== 'utf-8-bom') {
          context.report({ file: fact.file, line: 1, column: 1 }, { messageId: 'decoded', data: { encoding: label }, actual: fact.encoding, expected: 'utf-8' });
        }
        for (const at of firstOfEachRun(fact.undecodable)) context.report({ file: fact.file, ...at }, { messageId: 'undecodable' });
        for (const at of fact.strayBoms) context.report({ file: fact.file, ...at }, { messageId: 'strayBom' });
      },
    };
  },
});

/** One position per run of adjacent bad characters: two stray bytes side by side are one problem, not two. */
function firstOfEachRun(positions: readonly TextPosition[]): TextPosition[] {
  return positions.filter((at, i) => {
    const previous = positions[i - 1];
    return previous === undefined || previous.line !== at.line || previous.column + 1 !== at.column;
  });
}
