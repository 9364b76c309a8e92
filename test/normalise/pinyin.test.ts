// Tests for the pinyin adapter: names as surname and initials (compound surnames, surname readings), text as toneless pinyin.
import { describe, expect, it } from 'vitest';
import { surnameAndInitials, toPinyin } from '../../pipeline/normalise/pinyin.ts';

describe('surnameAndInitials', () => {
  it.each([
    ['马超逸', { surname: 'ma', given: 'chaoyi', initials: 'cy' }],
    ['陈建锋', { surname: 'chen', given: 'jianfeng', initials: 'jf' }],
    ['欧阳娜娜', { surname: 'ouyang', given: 'nana', initials: 'nn' }],
    ['司马光', { surname: 'sima', given: 'guang', initials: 'g' }],
    // Characters read differently as a surname.
    ['单雄', { surname: 'shan', given: 'xiong', initials: 'x' }],
    ['曾国藩', { surname: 'zeng', given: 'guofan', initials: 'gf' }],
    ['解放', { surname: 'xie', given: 'fang', initials: 'f' }],
    ['吕布', { surname: 'lv', given: 'bu', initials: 'b' }],
    ['陈 建锋', { surname: 'chen', given: 'jianfeng', initials: 'jf' }],
    ['王', { surname: 'wang', given: '', initials: '' }],
  ])('%s', (name, expected) => {
    expect(surnameAndInitials(name)).toEqual(expected);
  });

  it('is undefined for a name without Chinese characters, or far too long for a name', () => {
    expect(surnameAndInitials('Ma Chaoyi')).toBeUndefined();
    expect(surnameAndInitials('陈'.repeat(41))).toBeUndefined();
  });
});

describe('toPinyin', () => {
  it('reads Chinese characters as toneless syllables and keeps the rest', () => {
    expect(toPinyin('陈建锋')).toBe('chen jian feng');
    expect(toPinyin('托珠单抗 2020')).toBe('tuo zhu dan kang 2020');
    expect(toPinyin('Smith')).toBe('Smith');
  });

  it('returns text past 10,000 characters unchanged, in bounded time', () => {
    const long = '陈'.repeat(10_001);
    expect(toPinyin(long)).toBe(long);
  });
});
