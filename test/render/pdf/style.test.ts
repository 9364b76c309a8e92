// Marks on a block style become shared text styles: the same answer for the same question, asked in any order.
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../../pipeline/render/document/model.ts';
import { createStyler, themeFor } from '../../../pipeline/render/pdf/style.ts';

describe('createStyler', () => {
  const theme = themeFor(true);
  const body = theme.body;
  const heading = theme.h2;
  const bold = { ...PLAIN, bold: true };
  const cite = { ...PLAIN, cite: true, href: '#ref-1' };

  it('answers each pair of marks and base style, whatever was asked just before', () => {
    const styleOf = createStyler();
    const asked = [
      [PLAIN, body],
      [PLAIN, body],
      [PLAIN, heading],
      [bold, body],
      [PLAIN, body],
      [cite, body],
      [cite, heading],
      [PLAIN, heading],
    ] as const;
    const answers = asked.map(([marks, base]) => styleOf(marks, base));
    expect(answers.map((style) => [style.face, style.size, style.rise > 0])).toEqual([
      ['regular', body.size, false],
      ['regular', body.size, false],
      ['bold', heading.size, false],
      ['bold', body.size, false],
      ['regular', body.size, false],
      ['regular', body.size * 0.72, true],
      ['bold', heading.size * 0.72, true],
      ['bold', heading.size, false],
    ]);
    // Equal questions get the very same object, so layout may compare styles by identity.
    expect(answers[1]).toBe(answers[0]);
    expect(answers[4]).toBe(answers[0]);
    expect(answers[7]).toBe(answers[2]);
    expect(styleOf({ ...PLAIN }, body)).toBe(answers[0]);
  });
});
