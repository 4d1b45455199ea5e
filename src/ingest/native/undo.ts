// Undoing an import: its rows go, the rows it replaced come back; all or nothing.
import { InputError } from '../../model/index.ts';
import {
  cellFromStored,
  TABLES,
  type Dialect,
  type Store,
  type Table,
  type Transaction,
} from '../../store/index.ts';

export interface UndoSummary {
  importId: string;
  file: string;
  deleted: number;
  restored: number;
}

const COLUMN_TYPES: Record<string, string> = {
  text: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

const TRACKED_TABLES = TABLES.filter(
  (table) =>
    !['replaced_rows', 'imports'].includes(table.name) &&
    table.columns.some((column) => column.name === 'import_id'),
);

async function findImport(
  store: Store,
  prefix: string,
): Promise<{ import_id: string; file_name: string }> {
  const matches = await store.all(
    'SELECT import_id, file_name FROM imports WHERE substr(import_id, 1, length($1)) = $1 ORDER BY imported_at',
    [prefix.trim()],
  );
  if (prefix.trim() === '' || matches.length === 0)
    throw new InputError(`no import has the id "${prefix}"`, {
      expected: 'an id listed by `cadran imports`',
    });
  if (matches.length > 1)
    throw new InputError(`"${prefix}" starts ${matches.length} import ids`, {
      expected: `more characters of one of ${matches.map((row) => String(row.import_id).slice(0, 12)).join(', ')}`,
    });
  return matches[0] as { import_id: string; file_name: string };
}

/** A later import that replaced rows of this one must be undone first, or they would come back. */
async function refuseIfSuperseded(tx: Transaction, importId: string): Promise<void> {
  const later = await tx.all(
    `SELECT DISTINCT r.import_id, i.file_name FROM replaced_rows r LEFT JOIN imports i USING (import_id)
     WHERE ${tx.dialect.jsonText('r.row_json', 'import_id')} = $1`,
    [importId],
  );
  if (later.length === 0) return;
  throw new InputError(
    `later imports replaced rows of this one: ${later.map((row) => `${String(row.import_id).slice(0, 8)} (${row.file_name ?? 'events API'})`).join(', ')}`,
    { expected: 'undo those first, newest first' },
  );
}

type Restore = (tx: Transaction, table: Table, importId: string) => Promise<void>;

/** Puts back the rows an import replaced, from their JSON in replaced_rows. */
const RESTORE: Record<Dialect['name'], Restore> = {
  duckdb: async (tx, table, importId) => {
    const shape = JSON.stringify(
      Object.fromEntries(table.columns.map((column) => [column.name, COLUMN_TYPES[column.type]])),
    );
    await tx.run(
      `INSERT INTO "${table.name}" BY NAME SELECT unnest(json_transform(row_json, '${shape}')) FROM replaced_rows WHERE import_id = $1 AND table_name = $2`,
      [importId, table.name],
    );
  },
  // 18.16 cannot parse JSON into typed columns: the rows pass through here.
  clickhouse: async (tx, table, importId) => {
    const archived = await tx.all(
      'SELECT row_json FROM replaced_rows WHERE import_id = $1 AND table_name = $2',
      [importId, table.name],
    );
    const names = table.columns.map((column) => column.name);
    const rows = archived.map(({ row_json }) => {
      const row = JSON.parse(String(row_json)) as Record<string, unknown>;
      return table.columns.map((column) => cellFromStored(column.type, row[column.name]));
    });
    await tx.append(table.name, names, rows);
  },
};

async function restoreRows(tx: Transaction, importId: string): Promise<number> {
  let restored = 0;
  const tables = await tx.all(
    'SELECT DISTINCT table_name FROM replaced_rows WHERE import_id = $1',
    [importId],
  );
  for (const { table_name } of tables) {
    const table = TABLES.find((candidate) => candidate.name === table_name);
    if (!table) continue;
    const [{ rows }] = await tx.all(
      'SELECT count(*) AS rows FROM replaced_rows WHERE import_id = $1 AND table_name = $2',
      [importId, table.name],
    );
    await RESTORE[tx.dialect.name](tx, table, importId);
    restored += Number(rows);
  }
  return restored;
}

/**
 * Takes an import's writes back: its rows go, the rows it replaced come back, its record goes.
 * Returns how many rows went and came back.
 */
export async function removeImport(
  tx: Transaction,
  importId: string,
): Promise<{ deleted: number; restored: number }> {
  let deleted = 0;
  for (const table of TRACKED_TABLES) {
    const [{ rows }] = await tx.all(
      `SELECT count(*) AS rows FROM "${table.name}" WHERE import_id = $1`,
      [importId],
    );
    if (Number(rows) === 0) continue;
    await tx.run(`DELETE FROM "${table.name}" WHERE import_id = $1`, [importId]);
    deleted += Number(rows);
  }
  const restored = await restoreRows(tx, importId);
  await tx.run('DELETE FROM replaced_rows WHERE import_id = $1', [importId]);
  await tx.run('DELETE FROM imports WHERE import_id = $1', [importId]);
  return { deleted, restored };
}

export async function undoImport(store: Store, idPrefix: string): Promise<UndoSummary> {
  const found = await findImport(store, idPrefix);
  const importId = found.import_id;
  return store.transaction(async (tx) => {
    await refuseIfSuperseded(tx, importId);
    const { deleted, restored } = await removeImport(tx, importId);
    return { importId, file: found.file_name, deleted, restored };
  });
}
