// Lands an export's rows in batches inside the import's one transaction, then applies the keys once.
import { tableByName, type Dialect, type Transaction } from '../../store/index.ts';
import { appendImported, archiveReplaced, mergeImport } from '../write.ts';
import type { CanonicalRow, CoveredRange } from './format.ts';

export const BATCH_ROWS = 50_000;
/** account_daily's measured columns: each export brings some, and keeps the others' (see below). */
const DAILY_COLUMNS = tableByName('account_daily')!
  .columns.map((column) => column.name)
  .filter((name) => !['account_id', 'day', 'import_id'].includes(name));

export class Landing {
  private readonly pending = new Map<string, CanonicalRow[]>();
  private pendingCount = 0;
  /** Rows written per table. */
  readonly written = new Map<string, number>();
  replaced = 0;
  readonly covered: CoveredRange = { from: null, to: null };

  constructor(
    private readonly tx: Transaction,
    readonly importId: string,
  ) {}

  add(table: string, row: CanonicalRow): void {
    let rows = this.pending.get(table);
    if (!rows) this.pending.set(table, (rows = []));
    rows.push(row);
    this.pendingCount++;
    if (typeof row.day === 'string') this.cover(row.day);
  }

  get isFull(): boolean {
    return this.pendingCount >= BATCH_ROWS;
  }

  async flush(): Promise<void> {
    for (const [name, rows] of this.pending) {
      if (rows.length === 0) continue;
      if (name === 'account_daily') await this.keepOtherExportsColumns(rows);
      const columns = Object.keys(rows[0]);
      const parsed = {
        table: tableByName(name)!,
        columns,
        rows: rows.map((row) => columns.map((column) => row[column] ?? null)),
      };
      await appendImported(this.tx, parsed, this.importId);
      this.written.set(name, (this.written.get(name) ?? 0) + rows.length);
      rows.length = 0;
    }
    this.pendingCount = 0;
  }

  /** Once every batch is in: applies each table's key (see mergeImport). */
  async merge(): Promise<void> {
    for (const name of this.written.keys()) {
      this.replaced += await mergeImport(this.tx, tableByName(name)!, this.importId);
      // Rows a key folded (a video listed on every day of a daily file) are not rows written.
      const [{ rows }] = await this.tx.all(
        `SELECT count(*) AS rows FROM "${name}" WHERE import_id = $1`,
        [this.importId],
      );
      this.written.set(name, Number(rows));
    }
  }

  /**
   * Daily rows come from several exports (followers, visits, views): a row that brings some columns
   * keeps the others from the row it replaces.
   */
  private async keepOtherExportsColumns(rows: CanonicalRow[]): Promise<void> {
    const days = rows.map((row) => String(row.day)).sort();
    const existing = await this.tx.all(
      `SELECT * FROM account_daily WHERE ${onDays(this.tx.dialect, 'day', '$1', '$2')}`,
      [days[0], days[days.length - 1]],
    );
    const byKey = new Map(existing.map((row) => [`${row.account_id}|${row.day}`, row]));
    for (const row of rows) {
      const previous = byKey.get(`${row.account_id}|${row.day}`);
      for (const column of DAILY_COLUMNS)
        if (!(column in row)) row[column] = (previous?.[column] as number | undefined) ?? null;
    }
  }

  private cover(day: string): void {
    if (this.covered.from === null || day < this.covered.from) this.covered.from = day;
    if (this.covered.to === null || day > this.covered.to) this.covered.to = day;
  }
}

const DAY_OF: Record<string, string> = {
  web_sessions: 'day',
  conversions: 'occurred_at',
  account_daily: 'day',
};

/** The date or time falls on the days from…to ('YYYY-MM-DD' placeholders), both included. */
const onDays = (dialect: Dialect, column: string, from: string, to: string) =>
  `${column} >= ${dialect.timestamp(from)} AND ${column} < ${dialect.timestamp(to)} + INTERVAL 1 DAY`;

/**
 * A newer export of the same days replaces what earlier imports of the same format wrote on those
 * days, even rows the new export no longer has; they are archived for undo like any replaced row.
 */
export async function replaceEarlierExport(
  tx: Transaction,
  importId: string,
  format: string,
  covered: CoveredRange,
  table: keyof typeof DAY_OF,
): Promise<number> {
  const rows = `FROM "${table}" WHERE ${onDays(tx.dialect, DAY_OF[table], '$2', '$3')} AND import_id <> $1
    AND import_id IN (SELECT import_id FROM imports WHERE format = $4)`;
  return archiveReplaced(tx, table, rows, [importId, covered.from, covered.to, format]);
}
