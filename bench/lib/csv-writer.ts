// Streams CSV rows to a file in large chunks and waits for the disk when the stream is full, so a million rows never sit in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** A cell as the generator holds it: undefined and '' are both written as an empty field. */
export type Cell = string | number | undefined;

// Fewer, larger writes: one write per row would spend more time in the stream than in generating.
const CHUNK_CHARS = 256 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, inner quotes doubled. */
export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const text = String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

export class CsvFileWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;

  private constructor(stream: WriteStream) {
    this.stream = stream;
  }

  /** Creates (or truncates) the file and writes the header row. */
  static async open(path: string, header: readonly string[]): Promise<CsvFileWriter> {
    const writer = new CsvFileWriter(createWriteStream(path, { encoding: 'utf8' }));
    await writer.row(header);
    return writer;
  }

  async row(cells: readonly Cell[]): Promise<void> {
    await this.line(csvLine(cells));
  }

  /** A line written as given (the generator's deliberately broken rows). */
  async line(text: string): Promise<void> {
    this.pending.push(text, '\n');
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}
