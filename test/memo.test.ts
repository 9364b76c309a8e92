// Tests for remembering per key: getOrInsert, and memo1 / memo5 (one call of the work per distinct arguments, never a wrong answer).
import { describe, expect, it } from 'vitest';
import { getOrInsert, memo1, memo5 } from '../pipeline/memo.ts';

describe('memo1', () => {
  it('works each distinct argument out once', () => {
    const calls: string[] = [];
    const shout = memo1((word: string) => {
      calls.push(word);
      return word.toUpperCase();
    });
    expect(['a', 'b', 'a', 'b', 'a'].map(shout)).toEqual(['A', 'B', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers an undefined result, and undefined as an argument', () => {
    let calls = 0;
    const lookUp = memo1((key: string | undefined) => {
      calls++;
      return key === 'known' ? 1 : undefined;
    });
    expect([lookUp('unknown'), lookUp('unknown'), lookUp(undefined), lookUp(undefined), lookUp('known')]).toEqual([undefined, undefined, undefined, undefined, 1]);
    expect(calls).toBe(3);
  });

  it('keeps what it remembers to the function it returned', () => {
    let calls = 0;
    const work = (word: string) => `${word}${++calls}`;
    const first = memo1(work);
    const second = memo1(work);
    expect([first('x'), second('x'), first('x')]).toEqual(['x1', 'x2', 'x1']);
  });
});

describe('memo5', () => {
  it('tells apart arguments that differ in any one place', () => {
    const calls: string[] = [];
    const joined = memo5((a: string, b: string | undefined, c: string, d: number, e: string | undefined) => {
      const text = [a, b, c, d, e].join('|');
      calls.push(text);
      return text;
    });
    const cases: [string, string | undefined, string, number, string | undefined][] = [
      ['a', 'b', 'c', 1, 'e'],
      ['x', 'b', 'c', 1, 'e'],
      ['a', undefined, 'c', 1, 'e'],
      ['a', 'b', 'x', 1, 'e'],
      ['a', 'b', 'c', 2, 'e'],
      ['a', 'b', 'c', 1, undefined],
    ];
    const results = [...cases, ...cases].map((args) => joined(...args));
    expect(results).toEqual([...cases, ...cases].map((args) => args.join('|')));
    expect(calls).toHaveLength(cases.length);
  });

  it('remembers an undefined result', () => {
    let calls = 0;
    const nothing = memo5((_a: number, _b: number, _c: number, _d: number, _e: number): undefined => {
      calls++;
      return undefined;
    });
    expect([nothing(1, 2, 3, 4, 5), nothing(1, 2, 3, 4, 5)]).toEqual([undefined, undefined]);
    expect(calls).toBe(1);
  });
});

describe('getOrInsert', () => {
  it('makes a key\'s value once and then returns the stored one, for Maps and WeakMaps', () => {
    const made: string[] = [];
    const map = new Map<string, number>();
    const make = (key: string) => (made.push(key), key.length);
    expect([getOrInsert(map, 'ab', make), getOrInsert(map, 'abc', make), getOrInsert(map, 'ab', make)]).toEqual([2, 3, 2]);
    expect(made).toEqual(['ab', 'abc']);
    const weak = new WeakMap<object, object>();
    const key = {};
    const first = getOrInsert(weak, key, () => ({}));
    expect(getOrInsert(weak, key, () => ({}))).toBe(first);
  });

  it('numbers keys in order of first sight when asked for the map size', () => {
    const numbers = new Map<string, number>();
    expect(['x', 'y', 'x', 'z'].map((key) => getOrInsert(numbers, key, () => numbers.size))).toEqual([0, 1, 0, 2]);
  });
});
