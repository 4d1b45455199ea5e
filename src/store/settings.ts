// Named settings kept in the store (business hours, the visitor-key secret…); writing one refreshes
// the derived tables that read it.
import type { Store } from './types.ts';

export async function readSettings(store: Store): Promise<Record<string, string | null>> {
  const rows = await store.all('SELECT name, value FROM settings ORDER BY name');
  return Object.fromEntries(rows.map((row) => [String(row.name), row.value as string | null]));
}

export async function writeSettings(store: Store, values: Record<string, string>): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [name, value] of Object.entries(values)) {
      await tx.run('DELETE FROM settings WHERE name = $1', [name]);
      await tx.run('INSERT INTO settings (name, value) VALUES ($1, $2)', [name, value]);
    }
  });
}
