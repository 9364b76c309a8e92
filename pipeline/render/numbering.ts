// Citation numbers from keys: each reference gets the next number at its first citation, and keeps it.
import { getOrInsert } from '../memo.ts';

export class CitationNumbering {
  private readonly numbers = new Map<string, number>();

  /** Starts from a known order (the first pass's), so a second pass numbers identically. */
  constructor(order: readonly string[] = []) {
    for (const id of order) this.numberOf(id);
  }

  numberOf(id: string): number {
    return getOrInsert(this.numbers, id, () => this.numbers.size + 1);
  }

  /** The number of an id already cited, without assigning one. */
  peek(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** Ids in number order. */
  get order(): string[] {
    return [...this.numbers.keys()];
  }
}
