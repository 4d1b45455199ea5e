// Clicks logged by a release that kept a ClickHouse store's click log in the temporary folder are
// replayed by the server that keeps it in the state folder: nothing is lost across the upgrade.
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/index.ts';
import { durablePathOf, localPathOf } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

/** A click log line: click_id, code, clicked_at, referrer_host, country, device, visitor_key, is_bot. */
const line = (id: string) =>
  `${JSON.stringify([id, 'aube', Date.UTC(2026, 10, 2, 9), null, 'FR', 'mobile', `v-${id}`, false])}\n`;

describe.each(ENGINES)('%s: click logs left where earlier releases kept them', (engine) => {
  it('are replayed into the store when the server starts, then removed', async () => {
    const store = await emptyStore(engine);
    const former = localPathOf(store.location, '.clicks.log');
    writeFileSync(former, line('c1') + line('c2'));
    writeFileSync(`${former}.1764600000000-0`, line('c3') + line('c1')); // c1 again: replay is idempotent
    const app = await buildApp(store);
    const stored = await store.all('SELECT click_id FROM clicks ORDER BY click_id');
    expect(stored.map((row) => row.click_id)).toEqual(['c1', 'c2', 'c3']);
    if (engine === 'clickhouse') {
      expect(durablePathOf(store.location, '.clicks.log')).not.toBe(former);
      expect(existsSync(former)).toBe(false);
      expect(existsSync(`${former}.1764600000000-0`)).toBe(false);
    }
    await app.close();
    store.close();
  });
});
