// Rows go to the store in chunks through the Appender; the row arrays are reused from chunk to chunk.
import type { Cell, Transaction } from '../store/index.ts';

// Small chunks keep the strings of a chunk short-lived (they die young instead of filling the old heap).
export const CHUNK_ROWS = 8_192;

export type Progress = (table: string, rows: number) => void;

export class TableWriter {
  /** Rows written so far, flushed or not. */
  count = 0;
  private readonly buffer: Cell[][] = [];
  private filled = 0;

  constructor(
    private readonly tx: Transaction,
    readonly table: string,
    readonly columns: string[],
    private readonly progress: Progress = () => {},
  ) {}

  /** The next row to fill, cell by cell in the order of `columns`. */
  row(): Cell[] {
    this.count++;
    if (this.filled === this.buffer.length)
      this.buffer.push(new Array<Cell>(this.columns.length).fill(null));
    return this.buffer[this.filled++];
  }

  get full(): boolean {
    return this.filled >= CHUNK_ROWS;
  }

  async flush(): Promise<void> {
    if (this.filled === 0) return;
    const rows =
      this.filled === this.buffer.length ? this.buffer : this.buffer.slice(0, this.filled);
    await this.tx.append(this.table, this.columns, rows);
    this.filled = 0;
    this.progress(this.table, this.count);
  }

  /** Flushes when a chunk is complete; call between entities (a post and all its rows, a day). */
  async flushIfFull(): Promise<void> {
    if (this.filled >= CHUNK_ROWS) await this.flush();
  }
}

/** Writes a small table in one go. */
export async function appendAll(
  tx: Transaction,
  table: string,
  columns: string[],
  rows: Cell[][],
  progress?: Progress,
): Promise<number> {
  if (rows.length) await tx.append(table, columns, rows);
  progress?.(table, rows.length);
  return rows.length;
}
