import { IMPORTABLE_TABLES } from './schema.ts';
import type { Store } from './types.ts';

export async function isStoreEmpty(store: Store): Promise<boolean> {
  for (const table of IMPORTABLE_TABLES) {
    const [{ rows }] = await store.all(`SELECT count(*) AS rows FROM "${table.name}"`);
    if (Number(rows) > 0) return false;
  }
  return true;
}

/** Empties every data table (the schema stays), in one transaction. */
export async function resetStore(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const name of [
      ...IMPORTABLE_TABLES.map((table) => table.name),
      'links',
      'clicks',
      'objectives',
      'imports',
    ]) {
      await tx.run(`DELETE FROM "${name}"`);
    }
  });
}
