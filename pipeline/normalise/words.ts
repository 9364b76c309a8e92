// A closed set of words with aliases (English, Chinese, symbols): a cell as written → its canonical word.
import { nearest } from './nearest.ts';
import { parsed, rejected, tooLong, type Parsed } from './types.ts';

/** Folds case, full-width forms, and runs of spaces, hyphens and underscores: "Some-Concerns" → "some concerns". */
export function foldWord(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** A parser of one closed set of words: each canonical word, or any of its aliases, is accepted. */
export function wordParser<const Word extends string>(words: Readonly<Record<Word, readonly string[]>>, what: string): (raw: string) => Parsed<Word> {
  const byForm = new Map<string, Word>();
  for (const word of Object.keys(words) as Word[]) {
    byForm.set(foldWord(word), word);
    for (const alias of words[word]) byForm.set(foldWord(alias), word);
  }
  const canonical = Object.keys(words);
  return (raw) => {
    const long = tooLong(raw, 200, `${what} is a word or two`);
    if (long) return long;
    const word = byForm.get(foldWord(raw));
    if (word !== undefined) return parsed(word);
    const suggestion = nearest(foldWord(raw), canonical);
    return rejected(`'${raw.trim()}' is not ${what} (${canonical.join(', ')})`, suggestion);
  };
}
