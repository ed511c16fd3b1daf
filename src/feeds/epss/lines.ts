/**
 * Bytes → lines, chunk by chunk. Splitting on the LF byte is safe for UTF-8 (no multi-byte
 * sequence contains 0x0A), and decoding each line on its own gives every stored CVE id a small
 * string of its own: a substring of a whole 64 KiB chunk would keep the chunk alive in V8.
 */
import { AppError } from '../../core/errors.js';

/** Longest line accepted; a score row is under 50 bytes, so this only stops a runaway binary. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Splits a byte stream into LF-terminated lines and hands each to `onLine` (CR kept). */
export class LineSplitter {
  private tail: Buffer | null = null;
  private lineNo = 0;

  constructor(
    private readonly file: string,
    private readonly onLine: (line: string) => void,
  ) {}

  /** The 1-based number of the line that is not complete yet. */
  get pendingLine(): number {
    return this.lineNo + 1;
  }

  /** Feed the next chunk. */
  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(10);
    if (this.tail !== null && nl >= 0) {
      this.emit(Buffer.concat([this.tail, chunk.subarray(0, nl)]).toString('utf8'));
      this.tail = null;
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    for (; nl >= 0; nl = chunk.indexOf(10, start)) {
      this.emit(chunk.toString('utf8', start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      // Copy the remainder: a view would pin the whole chunk until the next line break.
      const rest = Buffer.from(chunk.subarray(start));
      this.tail = this.tail === null ? rest : Buffer.concat([this.tail, rest]);
      if (this.tail.length > MAX_LINE_BYTES) {
        throw new AppError('INPUT_SCHEMA', {
          file: this.file,
          line: this.pendingLine,
          reason: `line longer than ${MAX_LINE_BYTES} bytes (not an EPSS scores file?)`,
        });
      }
    }
  }

  /** The stream ended: hand over a last line that has no line break. */
  end(): void {
    if (this.tail !== null) this.emit(this.tail.toString('utf8'));
    this.tail = null;
  }

  private emit(line: string): void {
    this.lineNo++;
    this.onLine(line);
  }
}
