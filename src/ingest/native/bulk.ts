// Lands a large UTF-8 export without reading it row by row in JavaScript: DuckDB's CSV reader stages
// the file, the format's SQL maps it, and rows land the one way every import lands them (append,
// then mergeImport; see bulk-land.ts). On ClickHouse a scratch DuckDB reads and maps (see
// bulk-clickhouse.ts). The row reader stays the reference: a file with any cell the SQL is not sure
// of, or that DuckDB cannot read strictly, is handed back to it, which imports it or says why not.
import type { Queryable, Store } from '../../store/index.ts';
import { openScratchDuckDb } from './bulk-clickhouse.ts';
import { landMapped } from './bulk-land.ts';
import { EXTRAS, MAPPED, type BulkPlan } from './bulk-plan.ts';
import { extraColumns, fieldPositions } from './columns.ts';
import { scanFile } from './file-scan.ts';
import type { CoveredRange, FileContext, NativeFormat } from './format.ts';
import type { ExportSummary, ImportProgress } from './import.ts';
import type { CsvFile } from './read-csv.ts';
import { sqlString, StagedRow, stagedCells } from './staged-row.ts';

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
