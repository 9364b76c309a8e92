// Test helper: a fake font whose CJK characters are 1 em wide, Latin 0.5 em and the space 0.25 em.
import { isCjk, type StyledText } from '../../../pipeline/render/pdf/words.ts';
import type { Metrics } from '../../../pipeline/render/pdf/canvas.ts';
import type { TextStyle } from '../../../pipeline/render/pdf/style.ts';

export const metrics: Metrics = {
  advance: (_face, cp) => (isCjk(cp) ? 1 : cp === 0x20 ? 0.25 : 0.5),
  covers: () => true,
};

/** A 10 pt regular style; 1 em = 10 points. */
export const plain: TextStyle = { face: 'regular', size: 10, rise: 0, oblique: false, color: [0, 0, 0], href: null };
export const bold: TextStyle = { ...plain, face: 'bold' };

export function styled(text: string, style: TextStyle = plain): StyledText {
  return { text, style };
}
