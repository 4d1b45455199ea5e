// After an export landed: each mapped metric's total in the file against what the store holds from
// that import. A difference no rule explains refuses the import (the transaction rolls back).
import { ACCOUNT_DAY_COUNTERS, InputError, POST_COUNTERS } from '../../model/index.ts';
import { tableByName, type Transaction } from '../../store/index.ts';
import type { CanonicalRow } from './format.ts';
import type { SkipCode } from './messages.ts';

/** The additive counters each table takes from exports; gauges (followers) are not totals. */
export const RECONCILED_COLUMNS: Record<string, readonly string[]> = {
  post_metrics: POST_COUNTERS,
  account_daily: ACCOUNT_DAY_COUNTERS,
  web_sessions: ['sessions', 'users', 'engaged_sessions'],
};

export interface ReconciliationLine {
  table: string;
  metric: string;
  /** Σ over the file's data rows (totals rows, placeholders and documented skips left out). */
  file: number;
  /** Σ of what the store holds from this import. */
  stored: number;
  /** Part of the file's total in rows a documented repeat rule left out (see Repeats). */
  repeated?: number;
}

/** Totals of the metrics in the rows read from a file, as the format mapped them. */
export class FileTotals {
  readonly sums = new Map<string, Map<string, number>>();

  /** Adds a row's metrics; a metric counts once a row brings a number for it (not a file's blank column). */
  add(table: string, row: CanonicalRow): void {
    const columns = RECONCILED_COLUMNS[table];
    if (!columns) return;
    let sums = this.sums.get(table);
    for (const column of columns) {
      const value = row[column];
      if (typeof value !== 'number') continue;
      if (!sums) this.sums.set(table, (sums = new Map()));
      sums.set(column, (sums.get(column) ?? 0) + value);
    }
  }

  set(table: string, column: string, total: number): void {
    if (!this.sums.has(table)) this.sums.set(table, new Map());
    this.sums.get(table)!.set(column, total);
  }
}

const keyText = (key: readonly string[]) =>
  key.map((column) => `coalesce(CAST("${column}" AS VARCHAR), '')`).join(` || ' · ' || `);

export interface Repeats {
  /** Rows the key rule left out, and that rule's code. */
  rows: number;
  rule: SkipCode;
  /** table → metric → what those repeated rows added to the file's totals. */
  sums: Map<string, Map<string, number>>;
}

export const NO_REPEATS: Repeats = { rows: 0, rule: 'repeat-identical', sums: new Map() };

/**
 * How a format's rows that share a key combine, besides combineRepeats (sums over a dimension):
 * 'latest', the last row is the newer reading of the same thing (a post listed twice); 'refuse',
 * only identical rows may repeat.
 */
export type RepeatRule = 'latest' | 'refuse';
const REPEAT_RULES: Record<RepeatRule, SkipCode> = {
  latest: 'repeat-latest',
  refuse: 'repeat-identical',
};

async function addEarlierReadings(
  tx: Transaction,
  importId: string,
  name: string,
  key: string,
  columns: readonly string[],
  repeats: Repeats,
): Promise<void> {
  const [earlier] = await tx.all(
    `SELECT count(*) AS "rows", ${columns.map((c) => `coalesce(sum("${c}"), 0) AS "${c}"`).join(', ')}
     FROM "${name}" WHERE import_id = $1
     AND rowid NOT IN (SELECT max(rowid) FROM "${name}" WHERE import_id = $1 GROUP BY ${key})`,
    [importId],
  );
  repeats.rows += Number(earlier.rows);
  if (Number(earlier.rows) > 0)
    repeats.sums.set(name, new Map(columns.map((c) => [c, Number(earlier[c])])));
}

/**
 * A key the import brings more than once with different metrics would be folded into "last row
 * wins": refused, naming the key. Identical repeats (the same row twice) are kept once, and said.
 * Call after the format combined the repeats it declares (combineRepeats), before mergeImport.
 */
export async function checkRepeats(
  tx: Transaction,
  importId: string,
  file: string,
  tables: Iterable<string>,
  rule: RepeatRule = 'refuse',
): Promise<Repeats> {
  const repeats: Repeats = { rows: 0, rule: REPEAT_RULES[rule], sums: new Map() };
  for (const name of tables) {
    const columns = RECONCILED_COLUMNS[name];
    const table = tableByName(name);
    if (!columns || !table) continue;
    const key = table.key.map((column) => `"${column}"`).join(', ');
    if (rule === 'latest') {
      await addEarlierReadings(tx, importId, name, key, columns, repeats);
      continue;
    }
    const values = `to_json(struct_pack(${columns.map((c) => `"${c}" := "${c}"`).join(', ')}))`;
    const groups = `SELECT ${keyText(table.key)} AS key, count(*) AS times,
        count(DISTINCT ${values}) AS variants,
        ${columns.map((c) => `coalesce(any_value("${c}"), 0) AS "${c}"`).join(', ')}
      FROM "${name}" WHERE import_id = $1 GROUP BY ${key} HAVING count(*) > 1`;
    const [conflict] = await tx.all(
      `SELECT key, times FROM (${groups}) WHERE variants > 1 ORDER BY key LIMIT 1`,
      [importId],
    );
    if (conflict)
      throw new InputError(
        `the key ${conflict.key} repeats ${Number(conflict.times)} times with different values; nothing was imported`,
        {
          file,
          expected: `one row per ${table.key.join(' + ')} (this format does not say how its repeats combine); check the file's format, or pass --format`,
        },
      );
    const [extra] = await tx.all(
      `SELECT coalesce(sum(times - 1), 0) AS "rows", ${columns.map((c) => `coalesce(sum((times - 1) * "${c}"), 0) AS "${c}"`).join(', ')}
       FROM (${groups})`,
      [importId],
    );
    repeats.rows += Number(extra.rows);
    if (Number(extra.rows) > 0)
      repeats.sums.set(name, new Map(columns.map((c) => [c, Number(extra[c])])));
  }
  return repeats;
}

/**
 * Compares the file's totals with the store's for this import; throws when they differ. Run inside
 * the import's transaction, after every row landed and its keys were applied.
 */
export async function reconcile(
  tx: Transaction,
  importId: string,
  file: string,
  totals: FileTotals,
  repeats: Repeats,
): Promise<ReconciliationLine[]> {
  const lines: ReconciliationLine[] = [];
  for (const [table, sums] of totals.sums) {
    const columns = [...sums.keys()];
    if (columns.length === 0) continue;
    const [stored] = await tx.all(
      `SELECT ${columns.map((column) => `coalesce(sum("${column}"), 0) AS "${column}"`).join(', ')}
       FROM "${table}" WHERE import_id = $1`,
      [importId],
    );
    for (const column of columns) {
      const line: ReconciliationLine = {
        table,
        metric: column,
        file: sums.get(column)!,
        stored: Number(stored[column]),
      };
      const repeated = repeats.sums.get(table)?.get(column) ?? 0;
      if (repeated !== 0) line.repeated = repeated;
      lines.push(line);
    }
  }
  const mismatch = lines.find(
    (line) => Math.abs(line.file - (line.repeated ?? 0) - line.stored) > 1e-6,
  );
  if (mismatch)
    throw new InputError(
      `the totals do not reconcile: ${describeLine(mismatch)} (${mismatch.table}); nothing was imported`,
      {
        file,
        expected: `the store to hold the file's total of ${mismatch.metric} once its rows landed`,
        code: 'totals-mismatch',
        params: { metric: mismatch.metric, file: mismatch.file, stored: mismatch.stored },
      },
    );
  return lines;
}

const grouped = (value: number) =>
  (Math.round(value * 100) / 100).toLocaleString('en-US').replace(/,/g, ' ');

/** "video_views: file 48 473 · stored 48 473", and the part repeated rows explain. */
export function describeLine(line: ReconciliationLine): string {
  const repeated = line.repeated ? ` (${grouped(line.repeated)} in repeated rows)` : '';
  return `${line.metric}: file ${grouped(line.file)} · stored ${grouped(line.stored)}${repeated}`;
}
