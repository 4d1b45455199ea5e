// Lands the records bulk.ts mapped into MAPPED: the plan's rows are appended, then merged, checked
// for repeats and reconciled as every import's are, in one transaction of the store.
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
import { EXTRAS, MAPPED, type BulkPlan } from './bulk-plan.ts';
import type { CoveredRange, FileContext, NativeFormat } from './format.ts';
import type { ExportSummary } from './import.ts';
import { landedTablesLabel, skippedRows } from './messages.ts';
import {
  checkRepeats,
  FileTotals,
  RECONCILED_COLUMNS,
  reconcile,
  NO_REPEATS,
  type Repeats,
} from './reconcile.ts';
import { sqlString } from './staged-row.ts';
import { removeImport } from './undo.ts';

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

interface MappedImport {
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
export function landMapped(
  store: Store,
  writer: ExclusiveWriter,
  plan: BulkPlan,
  landing: MappedImport,
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
  landing: MappedImport,
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
    table: landedTablesLabel(tables),
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
