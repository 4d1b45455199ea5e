// GA4 reports as spreadsheets and the GA4 interface leave them: padded lines, channel groups, no dates.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, emptyStore } from '../../engines.ts';
import { importPath } from '../../../src/ingest/index.ts';
import type { InputError } from '../../../src/model/index.ts';
import type { Store } from '../../../src/store/index.ts';

import { exportFixture, kpi } from './helpers.ts';

let store: Store | undefined;
afterEach(() => store?.close());

/** Two sessions of March 1st broken down by device, their rows interleaved in the file. */
const GA4_BY_DEVICE = [
  '# Start date: 20250301',
  '# End date: 20250331',
  '',
  'Date,Session source / medium,Session campaign,Device category,Sessions,Total users,Engaged sessions,Engagement rate,Key events,Total revenue,Event count',
  '20250301,instagram / social,printemps,desktop,120,100,80,0.6,2,100,400',
  '20250301,t.co / referral,(not set),desktop,10,9,5,0.5,1,30,30',
  '20250301,instagram / social,printemps,mobile,150,130,90,0.6,1,8,500',
  '20250301,t.co / referral,(not set),mobile,4,4,2,0.5,0,0,7',
  '20250301,instagram / social,printemps,tablet,5,5,1,0.2,2,3,10',
  '20250301,t.co / referral,(not set),tablet,3,3,1,0.3,0,12,12',
  '',
].join('\n');

describe.each(ENGINES)('%s', (engine) => {
  describe('GA4 reports', () => {
    it('reads a report whose blank lines a spreadsheet padded with separators', async () => {
      store = await emptyStore(engine);
      const [summary] = await importPath(store, exportFixture('ga4_channel_groups_feb.csv'));
      expect(summary.format).toBe('ga4-report');
      expect(summary.reconciliation).toContainEqual({
        table: 'web_sessions',
        metric: 'sessions',
        file: 440, // 300 + 25 + 15 + 100
        stored: 440,
      });
    });

    it('counts the Organic Social and Paid Social channel groups as social', async () => {
      store = await emptyStore(engine);
      await importPath(store, exportFixture('ga4_channel_groups_feb.csv'));
      expect(await kpi(store, 'social_sessions', '2025-02')).toBe(40); // 25 + 15
    });

    it('without dates, files the rows on the period given by --from/--to, and counts networks’ own hosts', async () => {
      store = await emptyStore(engine);
      await importPath(store, exportFixture('ga4_source_medium_no_dates.csv'), {
        from: '2025-03-01',
        to: '2025-03-31',
      });
      // instagram 50 + lnkd.in 12 + m.facebook.com 8 + l.instagram.com 5; google is not social
      expect(await kpi(store, 'social_sessions', '2025-03')).toBe(75);
      const [row] = await store.all("SELECT day FROM web_sessions WHERE source = 'lnkd.in'");
      expect(row.day).toBe('2025-03-01');
    });

    it('without dates nor a period, says exactly how to give one, and writes nothing', async () => {
      store = await emptyStore(engine);
      const error = (await importPath(store, exportFixture('ga4_source_medium_no_dates.csv')).catch(
        (caught: unknown) => caught,
      )) as InputError;
      expect(error.message).toContain('no Date column and no "# Start date" line');
      expect(error.location.expected).toContain('--from YYYY-MM-DD --to YYYY-MM-DD');
      expect(error.location.expected).toContain('From and To fields of the upload form');
      expect(error.location.column).toBeUndefined();
      const [{ n }] = await store.all('SELECT count(*) AS n FROM web_sessions');
      expect(Number(n)).toBe(0);
    });

    it('reads the first table of a Reports snapshot and names the sections it skipped', async () => {
      store = await emptyStore(engine);
      const [summary] = await importPath(store, exportFixture('ga4_reports_snapshot.csv'));
      expect(summary.format).toBe('ga4-report');
      // the channel-group table holds the same 200 sessions again: read once, 60 + 140
      const [{ sessions }] = await store.all('SELECT sum(sessions) AS sessions FROM web_sessions');
      expect(Number(sessions)).toBe(200);
      expect(await kpi(store, 'social_sessions', '2025-04')).toBe(60);
      expect(summary.notes).toEqual([
        {
          code: 'sections-skipped',
          params: {
            read: 'Session source / medium, Sessions, Engaged sessions',
            skipped: ['Active users by country', 'Sessions by session default channel group'],
          },
          text: expect.stringContaining(
            'skipped the sections "Active users by country", "Sessions by session default channel group"',
          ),
        },
      ]);
    });

    it.each([true, false])(
      'finds the sessions table of a Reports snapshot that opens with another table (bulk %s)',
      async (bulk) => {
        store = await emptyStore(engine);
        const [summary] = await importPath(
          store,
          exportFixture('ga4_snapshot_sessions_later.csv'),
          {
            bulk,
          },
        );
        expect(summary.format).toBe('ga4-report');
        // the source / medium table only: 35 + 115; the channel groups hold the same 150 again
        expect(summary.reconciliation).toContainEqual({
          table: 'web_sessions',
          metric: 'sessions',
          file: 150,
          stored: 150,
        });
        expect(await kpi(store, 'social_sessions', '2025-05')).toBe(35); // t.co is X's
        expect(summary.notes?.map((note) => note.text)).toEqual([
          'read the table "Sessions by session source / medium" only; skipped the sections "Country, Active users", "Sessions by session default channel group" (other breakdowns of the same sessions count them again, or Cadran has no table for them)',
        ]);
      },
    );

    it.each([true, false])(
      'numbers the conversions and extra metrics of sessions repeated by device in file order (bulk %s)',
      async (bulk) => {
        store = await emptyStore(engine);
        const path = join(mkdtempSync(join(tmpdir(), 'cadran-ga4-')), 'ga4_by_device.csv');
        writeFileSync(path, GA4_BY_DEVICE);
        await importPath(store, path, { bulk });
        const conversions = await store.all(
          'SELECT conversion_id, value FROM conversions ORDER BY conversion_id',
        );
        // Each row's revenue split over its key events, rows in file order: instagram desktop
        // 100 / 2, mobile 8 / 1, tablet 3 / 2; t.co desktop 30 / 1, tablet's 12 without key events.
        const instagram = 'ga4:2025-03-01|instagram|social|printemps|';
        const tco = 'ga4:2025-03-01|t.co|referral||';
        expect(conversions.map((row) => [row.conversion_id, Number(row.value)])).toEqual([
          [`${instagram}:1`, 50],
          [`${instagram}:2`, 50],
          [`${instagram}:3`, 8],
          [`${instagram}:4`, 1.5],
          [`${instagram}:5`, 1.5],
          [`${tco}:1`, 30],
          [`${tco}:2`, 12],
        ]);
        const extras = await store.all(
          'SELECT entity_key, metrics FROM extra_metrics ORDER BY entity_key',
        );
        // Event counts in file order: instagram 400, 500, 10; t.co 30, 7, 12.
        expect(
          extras.map((row) => [row.entity_key, JSON.parse(String(row.metrics))['Event count']]),
        ).toEqual([
          ['2025-03-01|instagram|social|printemps|', 400],
          ['2025-03-01|instagram|social|printemps|#2', 500],
          ['2025-03-01|instagram|social|printemps|#3', 10],
          ['2025-03-01|t.co|referral||', 30],
          ['2025-03-01|t.co|referral||#2', 7],
          ['2025-03-01|t.co|referral||#3', 12],
        ]);
      },
    );
  });
});
