// Lands a large UTF-8 export without reading it row by row in JavaScript: DuckDB's CSV reader stages
// the file, the format's SQL maps it, and rows land the one way every import lands them (append,
// then mergeImport); on ClickHouse, a scratch DuckDB reads and maps (see bulk-clickhouse.ts). The
// row reader stays the reference: a file with any cell the SQL is not sure of, or that DuckDB cannot
// read strictly, is handed back to it, which imports it or says why not.
import { randomUUID } from 'node:crypto';
import {
  appendFromDuckDb,
  tableByName,
  type ExclusiveWriter,
  type Queryable,
  type Store,
  type Transaction,
} from '../../store/index.ts';
import { mergeImport, recordImport } from '../write.ts';
import { openScratchDuckDb } from './bulk-clickhouse.ts';
import { extraColumns, fieldPositions } from './columns.ts';
import { scanFile } from './file-scan.ts';
import type { CoveredRange, FileContext, NativeFormat } from './format.ts';
import type { ExportSummary, ImportProgress } from './import.ts';
import type { CsvFile } from './read-csv.ts';
import {
  checkRepeats,
  FileTotals,
  RECONCILED_COLUMNS,
  reconcile,
  NO_REPEATS,
  type Repeats,
} from './reconcile.ts';
import { sqlString, StagedRow, stagedCells } from './staged-row.ts';
import { skippedRows } from './messages.ts';
import { removeImport } from './undo.ts';

/** The rows a format makes of a file DuckDB reads, in SQL. */
export interface BulkPlan {
  /** Columns computed once per record, in order: one may use those before it by name. */
  columns: Record<string, string>;
  /** Each table's rows: column → SQL over the computed columns, read from `from` when given. */
  tables: { table: string; columns: Record<string, string>; from?: string }[];
  /** The row the file's other numeric columns belong to, as SQL over the computed columns. */
  extras: { table: string; entityKey: string; platform: string };
  /**
   * SQL over the computed columns that two records share whenever their rows share a key in any
   * table: when no two records share it, the landed rows need no deduplication.
   */
  recordKey: string;
  /** Computed column holding each record's day, when the import covers days (see afterLanding). */
  day?: string;
}

/** The computed columns of every record, which BulkPlan.tables read (their `from` may name it). */
export const MAPPED = 'cadran_mapped';
const EXTRAS = 'cadran_extras';
const DOUBTFUL = 'cadran_doubtful';
const BLANK = 'cadran_blank';
const TOTAL = 'cadran_total';

/** What mapFile adds to a plan's columns: SQL over the record read from the file. */
interface MappedShape {
  /** The record's own computed columns (StagedRow.columns), which the plan's columns may name. */
  columns: Record<string, string>;
  /** Each numeric cell's plain form, by position (StagedRow.plainFormsByPosition). */
  plainForms: Map<number, string>;
  extras: string;
  doubtful: string;
  isTotal: string;
  width: number;
}

/** Thrown to drop what was mapped, roll back, and let the row reader read the file. */
class NeedsRowReader extends Error {}

/**
 * The CSV reader's buffer. Each buffer's records reach the mapped table as one batch, and the
 * INSERTs that land them keep its row groups: DuckDB merges batches smaller than a row group (122 880
 * rows) and writes larger ones as they come. At the default size, a GA4 report's short records come
 * in batches a little short of a row group, each landing as a full group and a nearly empty one,
 * which the next checkpoint spends about a second per million rows merging. With 4 MiB, most
 * exports' batches stay below a group and are merged as they land.
 */
const READ_BUFFER_BYTES = 4 << 20;

function readCsvSql(csv: CsvFile, plainForms: Map<number, string>): string {
  const columns = csv.header.map((_, position) => `'c${position}': 'VARCHAR'`).join(', ');
  const read = `read_csv(${sqlString(csv.path)}, header = false, skip = ${csv.headerLine},
    delim = ${sqlString(csv.separator)}, quote = '"', escape = '"', columns = {${columns}},
    auto_detect = false, strict_mode = true, null_padding = false, encoding = 'utf-8',
    buffer_size = ${READ_BUFFER_BYTES})`;
  return stagedCells(csv.header.length, read, plainForms);
}

/**
 * The computed columns in layers, each reading only the cells and the layers below it: a column
 * named in another is computed once and read, not inlined and recomputed.
 */
function layersOf(columns: Record<string, string>): [string, string][][] {
  const depth = new Map<string, number>();
  for (const [name, sql] of Object.entries(columns)) {
    const below = [...depth].filter(([other]) => sql.includes(`"${other}"`));
    depth.set(name, Math.max(-1, ...below.map(([, level]) => level)) + 1);
  }
  const layers: [string, string][][] = [];
  for (const [name, sql] of Object.entries(columns))
    (layers[depth.get(name)!] ??= []).push([name, sql]);
  return layers;
}

/** The computed columns that landing reads (the others only feed other columns): quoted. */
function landedColumns(plan: BulkPlan): string[] {
  const readers = [
    ...plan.tables.flatMap(({ columns, from }) => [...Object.values(columns), from ?? '']),
    plan.extras.entityKey,
    plan.extras.platform,
    plan.recordKey,
    plan.day ?? '',
  ].join(' ');
  return Object.keys(plan.columns)
    .map((name) => `"${name}"`)
    .filter((name) => readers.includes(name));
}

/**
 * Reads the file and maps every record in one pass, flagging the records the SQL cannot vouch for, the blank
 * ones (the row reader skips or stops at them) and the totals rows; throws NeedsRowReader when any
 * record is doubtful or blank, when there is none, or when DuckDB refuses the file or a value.
 */
async function mapFile(
  tx: Queryable,
  csv: CsvFile,
  plan: BulkPlan,
  shape: MappedShape,
): Promise<{ records: number; keysAreUnique: boolean }> {
  const computed = layersOf({ ...shape.columns, ...plan.columns }).reduce(
    (from, layer) =>
      `(SELECT *, ${layer.map(([name, sql]) => `${sql} AS "${name}"`).join(', ')} FROM ${from})`,
    `(${readCsvSql(csv, shape.plainForms)})`,
  );
  const flags = [
    `${shape.extras} AS ${EXTRAS}`,
    `${shape.doubtful} AS ${DOUBTFUL}`,
    `${StagedRow.isBlank(shape.width)} AS ${BLANK}`,
    `${shape.isTotal} AS ${TOTAL}`,
  ];
  try {
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE ${MAPPED} AS SELECT ${[...landedColumns(plan), ...flags].join(', ')} FROM ${computed}`,
    );
  } catch {
    throw new NeedsRowReader();
  }
  const [check] = await tx.all(
    `SELECT count(*) FILTER (WHERE ${BLANK}) AS blank,
       count(*) FILTER (WHERE NOT ${TOTAL} AND ${DOUBTFUL}) AS doubtful,
       count(*) FILTER (WHERE NOT ${TOTAL}) AS records,
       count(*) FILTER (WHERE ${TOTAL}) AS totals,
       count(DISTINCT ${plan.recordKey}) FILTER (WHERE NOT ${TOTAL}) AS keys
     FROM ${MAPPED}`,
  );
  const records = Number(check.records);
  if (Number(check.blank) > 0 || Number(check.doubtful) > 0 || records === 0)
    throw new NeedsRowReader();
  if (Number(check.totals) > 0) await tx.run(`DELETE FROM ${MAPPED} WHERE ${TOTAL}`);
  return { records, keysAreUnique: Number(check.keys) === records };
}

/** Runs an INSERT and returns how many rows it wrote (DuckDB answers it with a Count). */
async function insertCount(tx: Queryable, sql: string, params: string[]): Promise<number> {
  const [{ Count }] = await tx.all(sql, params);
  return Number(Count);
}

/** What landPlan wrote: rows per table, and how many records brought extra metrics. */
interface PlanWritten {
  written: Map<string, number>;
  extras: number;
}

async function landPlan(
  tx: Queryable,
  plan: BulkPlan,
  format: NativeFormat,
  importId: string,
): Promise<PlanWritten> {
  const written = new Map<string, number>();
  for (const { table, columns, from } of plan.tables) {
    const names = Object.keys(columns).map((name) => `"${name}"`);
    const rows = await insertCount(
      tx,
      `INSERT INTO "${table}" (${names.join(', ')}, import_id)
       SELECT ${Object.values(columns).join(', ')}, $1 FROM ${from ?? MAPPED}`,
      [importId],
    );
    if (rows > 0) written.set(table, rows);
  }
  const { table, entityKey, platform } = plan.extras;
  const extras = await insertCount(
    tx,
    `INSERT INTO extra_metrics (table_name, format, entity_key, platform, metrics, import_id)
     SELECT ${sqlString(table)}, ${sqlString(format.name)}, ${entityKey}, ${platform}, ${EXTRAS}, $1
     FROM ${MAPPED} WHERE ${EXTRAS} IS NOT NULL`,
    [importId],
  );
  if (extras > 0) written.set('extra_metrics', extras);
  return { written, extras };
}

/** The plan's mapped metrics summed over the file's records (totals rows already left out). */
async function mappedTotals(tx: Queryable, plan: BulkPlan): Promise<FileTotals> {
  const totals = new FileTotals();
  for (const { table, columns, from } of plan.tables) {
    const metrics = (RECONCILED_COLUMNS[table] ?? []).filter((column) => column in columns);
    if (metrics.length === 0) continue;
    const [sums] = await tx.all(
      `SELECT ${metrics.map((column, index) => `coalesce(sum(${columns[column]}), 0) AS "${column}", count(${columns[column]}) AS n${index}`).join(', ')} FROM ${from ?? MAPPED}`,
    );
    // As in FileTotals.add: a metric no record brings a number for is not the file's.
    metrics.forEach((column, index) => {
      if (Number(sums[`n${index}`]) > 0) totals.set(table, column, Number(sums[column]));
    });
  }
  return totals;
}

async function coveredDays(tx: Queryable, plan: BulkPlan): Promise<CoveredRange> {
  if (!plan.day) return { from: null, to: null };
  const [range] = await tx.all(
    `SELECT strftime(min(${plan.day}), '%Y-%m-%d') AS "from", strftime(max(${plan.day}), '%Y-%m-%d') AS "to" FROM ${MAPPED}`,
  );
  return { from: (range.from as string) ?? null, to: (range.to as string) ?? null };
}

/** The bulk path is DuckDB's CSV reader, which reads UTF-8 only. */
export function canLandInBulk(csv: CsvFile, format: NativeFormat): boolean {
  return Boolean(format.bulk) && csv.encoding.encoding === 'utf-8';
}

/**
 * Imports a CSV export through DuckDB, in one transaction; returns null, having changed nothing,
 * when the row reader must read the file instead. The file is read and mapped into a temp table
 * before the transaction opens (see Store.exclusive); only the landing is transactional. The
 * store's own DuckDB maps; another engine's store has a scratch DuckDB map for it.
 */
export async function importInBulk(
  store: Store,
  csv: CsvFile,
  format: NativeFormat,
  context: FileContext,
  reportRange: CoveredRange | null,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ExportSummary | null> {
  const positions = fieldPositions(format, csv.header);
  const row = new StagedRow(positions, context);
  const plan = format.bulk?.(row, context);
  if (!plan) return null;
  const shape: MappedShape = {
    columns: row.columns,
    extras: row.extras(extraColumns(format, csv.header, positions)),
    doubtful: row.doubtful(),
    plainForms: row.plainFormsByPosition(),
    isTotal: StagedRow.isTotal(format.totalRows ?? []),
    width: csv.header.length,
  };
  const scratch = store.dialect.name === 'duckdb' ? null : await openScratchDuckDb();
  const mapper = scratch?.store ?? store;
  // The scan reads the file beside DuckDB: its lines stand for the records read so far.
  const scanning = scanFile(
    csv.path,
    csv.headerLine,
    Boolean(format.firstTableOnly),
    (bytes, lines) => onProgress?.({ file: csv.file, rows: lines, bytes, totalBytes: csv.size }),
  );
  try {
    return await mapper.exclusive(async (writer) => {
      try {
        const { records: rows, keysAreUnique } = await mapFile(writer, csv, plan, shape);
        const scan = await scanning;
        onProgress?.({
          file: csv.file,
          rows: scan.lines,
          bytes: csv.size,
          totalBytes: csv.size,
          landing: true,
        });
        if (scan.textAfterBlankLine) throw new NeedsRowReader();
        const summary = await landMapped(store, writer, plan, {
          format,
          context,
          rows,
          keysAreUnique,
          hash: scan.hash,
          reportRange,
        });
        onProgress?.({ file: csv.file, rows, bytes: csv.size, totalBytes: csv.size });
        return summary;
      } finally {
        await writer.run(`DROP TABLE IF EXISTS ${MAPPED}`);
      }
    });
  } catch (error) {
    await scanning.catch(() => undefined);
    if (error instanceof NeedsRowReader) return null;
    throw error;
  } finally {
    scratch?.close();
  }
}

interface Landing {
  format: NativeFormat;
  context: FileContext;
  rows: number;
  /** No two records share the plan's recordKey. */
  keysAreUnique: boolean;
  hash: string;
  reportRange: CoveredRange | null;
}

/**
 * Lands what `writer` mapped in the store: in the same transaction on the store's own DuckDB; on
 * another engine, the plan lands in the scratch DuckDB's tables and its rows are appended to the
 * store's, within the store's transaction.
 */
function landMapped(
  store: Store,
  writer: ExclusiveWriter,
  plan: BulkPlan,
  landing: Landing,
): Promise<ExportSummary> {
  const { format } = landing;
  if (store.dialect.name === 'duckdb')
    return writer.transaction((tx) =>
      land(tx, tx, plan, landing, (importId) => landPlan(tx, plan, format, importId)),
    );
  return store.transaction((tx) =>
    land(tx, writer, plan, landing, async (importId) => {
      const landed = await landPlan(writer, plan, format, importId);
      await appendFromDuckDb(writer, tx, landed.written.keys());
      return landed;
    }),
  );
}

/**
 * Writes the records `mapped` holds in MAPPED (through writePlan), replaces what they supersede and
 * records the import. Should a step fail on an engine without transactions, the import is removed.
 */
async function land(
  tx: Transaction,
  mapped: Queryable,
  plan: BulkPlan,
  landing: Landing,
  writePlan: (importId: string) => Promise<PlanWritten>,
): Promise<ExportSummary> {
  const { format, context, rows, keysAreUnique, hash, reportRange } = landing;
  const importId = randomUUID();
  tx.ifFailed(async () => void (await removeImport(tx, importId)));
  const fileTotals = await mappedTotals(mapped, plan);
  const { written, extras } = await writePlan(importId);
  const covered = await coveredDays(mapped, plan);
  let repeats: Repeats = NO_REPEATS;
  if (!keysAreUnique && format.combineRepeats) await format.combineRepeats(tx, importId);
  else if (!keysAreUnique)
    repeats = await checkRepeats(tx, importId, context.file, written.keys(), format.repeats);
  let replaced = 0;
  for (const table of written.keys()) {
    replaced += await mergeImport(tx, tableByName(table)!, importId, { keysAreUnique });
    if (keysAreUnique) continue;
    // Rows a key folded are not rows written (as Landing.merge counts them).
    const [{ rows }] = await tx.all(
      `SELECT count(*) AS rows FROM "${table}" WHERE import_id = $1`,
      [importId],
    );
    written.set(table, Number(rows));
  }
  replaced += (await format.afterLanding?.(tx, importId, reportRange ?? covered)) ?? 0;
  const reconciliation = await reconcile(tx, importId, context.file, fileTotals, repeats);
  const tables = Object.fromEntries(written);
  const summary: ExportSummary = {
    importId,
    file: context.file,
    format: format.name,
    label: format.label,
    table:
      Object.keys(tables)
        .filter((table) => table !== 'extra_metrics')
        .join(',') || 'extra_metrics',
    rows,
    replaced,
    tables,
    extras,
    reader: 'bulk',
    reconciliation,
    skipped: repeats.rows > 0 ? [skippedRows(repeats.rule, repeats.rows)] : [],
    notes: [],
  };
  await recordImport(tx, summary, hash);
  return summary;
}
