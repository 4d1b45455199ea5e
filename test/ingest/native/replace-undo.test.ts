// A newer export replaces what it covers (the newest snapshot of a post counts once), the same file
// twice changes nothing, and undoing an import puts back exactly what it replaced.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath, undoImport } from '../../../src/ingest/index.ts';
import { InputError } from '../../../src/model/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { ENGINES, emptyStore } from '../../engines.ts';
import { tableCounts } from '../../helpers.ts';
import { exportFixture, kpi } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-native-replace-'));
const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","retweets","replies","likes"';
const tweet = (id: string, day: string, impressions: number, likes: number) =>
  `"${id}","https://twitter.com/lumen/status/${id}","post ${id}","2025-01-${day} 10:00 +0000","${impressions}","0","0","${likes}"`;
const GA4_HEADER = 'Date,Session source / medium,Sessions,Total users';
const ga4 = (from: string, to: string, rows: string[]) =>
  `# Traffic acquisition: Session source / medium\n#\n# Start date: ${from}\n# End date: ${to}\n\n${GA4_HEADER}\n${rows.join('\n')}\n`;

let store: Store;
afterEach(() => store.close());

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const WEEK_1 = file(
  'week1.csv',
  [X_HEADER, tweet('1', '02', 100, 10), tweet('2', '05', 200, 20)].join('\n'),
);
// Post 2 again, three days older in week 1 and with grown counters now; post 3 is new.
const WEEK_2 = file(
  'week2.csv',
  [X_HEADER, tweet('2', '05', 260, 26), tweet('3', '09', 300, 30)].join('\n'),
);
const GA4_WEEK_1 = file(
  'ga4-week1.csv',
  ga4('20250101', '20250107', [
    '20250101,instagram / social,10,9',
    '20250105,instagram / social,20,18',
    '20250106,facebook / social,5,5',
    '20250107,t.co / referral,7,7',
  ]),
);
// Covers 5–11 January (its preamble says so), though its rows stop on the 6th: what week 1 wrote
// on the 6th and 7th is gone from the newer export, so it must go.
const GA4_WEEK_2 = file(
  'ga4-week2.csv',
  ga4('20250105', '20250111', [
    '20250105,instagram / social,25,20',
    '20250106,instagram / social,30,28',
  ]),
);

const only = async (path: string) => (await importPath(store, path))[0];

describe.each(ENGINES)('%s', (engine) => {
  describe('re-importing', () => {
    it('the same file twice changes no KPI and stores each row once', async () => {
      store = await emptyStore(engine);
      const x = exportFixture('tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv');
      await only(x);
      const before = {
        impressions: await kpi(store, 'impressions', '2025-01'),
        engagements: await kpi(store, 'engagements', '2025-01'),
      };
      const counts = await tableCounts(store);
      const again = await only(x);
      expect(again.replaced).toBe(9); // 3 posts, 3 snapshots, 3 extra-metric rows
      expect(await kpi(store, 'impressions', '2025-01')).toBe(before.impressions);
      expect(await kpi(store, 'engagements', '2025-01')).toBe(before.engagements);
      expect(await tableCounts(store)).toEqual({
        ...counts,
        imports: counts.imports + 1,
        replaced_rows: counts.replaced_rows + 9,
      });
    });

    it('overlapping weekly X exports count a post once, with its newest counters', async () => {
      store = await emptyStore(engine);
      await only(WEEK_1);
      await only(WEEK_2);
      expect(await kpi(store, 'impressions', '2025-01')).toBe(660); // 100 + 260 + 300, not + 200
      expect(await kpi(store, 'engagements', '2025-01')).toBe(66); // 10 + 26 + 30
    });

    it('a newer GA4 export replaces every row of the days it covers', async () => {
      store = await emptyStore(engine);
      await only(GA4_WEEK_1);
      const newer = await only(GA4_WEEK_2);
      // 1 Jan 10 (week 1 only) + 5 Jan 25 (replaces 20) + 6 Jan 30; facebook's 5 and t.co's 7 are gone
      expect(await kpi(store, 'social_sessions', '2025-01')).toBe(65);
      expect(newer.replaced).toBe(3); // instagram 5 Jan (same key), facebook 6 Jan and t.co 7 Jan (covered)
    });
  });

  describe('undo', () => {
    it('undoing the newer export restores the older counters and removes its new posts', async () => {
      store = await emptyStore(engine);
      await only(WEEK_1);
      const counts = await tableCounts(store);
      const newer = await only(WEEK_2);
      const undone = await undoImport(store, newer.importId.slice(0, 8));
      expect(undone).toMatchObject({ deleted: 4, restored: 2 }); // posts 2, 3 and their snapshots; post 2's two rows back
      expect(await kpi(store, 'impressions', '2025-01')).toBe(300); // 100 + 200
      expect(await kpi(store, 'engagements', '2025-01')).toBe(30);
      expect(await tableCounts(store)).toEqual(counts);
    });

    it('undoing a GA4 export brings back the days it had replaced', async () => {
      store = await emptyStore(engine);
      await only(GA4_WEEK_1);
      const newer = await only(GA4_WEEK_2);
      await undoImport(store, newer.importId);
      expect(await kpi(store, 'social_sessions', '2025-01')).toBe(42); // 10 + 20 + 5 + 7
    });

    it('an import whose rows a later one replaced cannot be undone first; nothing changes', async () => {
      store = await emptyStore(engine);
      const older = await only(WEEK_1);
      await only(WEEK_2);
      const counts = await tableCounts(store);
      const error = await undoImport(store, older.importId).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/week2\.csv/);
      expect(await tableCounts(store)).toEqual(counts);
    });

    it('an unknown id is refused', async () => {
      store = await emptyStore(engine);
      await expect(undoImport(store, 'nope')).rejects.toThrow(/no import/);
    });

    it('undoes a Cadran CSV import the same way', async () => {
      store = await emptyStore(engine);
      const counts = await tableCounts(store);
      const posts = file(
        'posts.csv',
        'post_id,account_id,platform,published_at,content_type\np1,instagram:lumen,instagram,2025-01-03,image\n',
      );
      const summary = await only(posts);
      expect(summary.format).toBe('cadran-csv/posts');
      await undoImport(store, summary.importId);
      expect(await tableCounts(store)).toEqual(counts);
    });
  });
});
