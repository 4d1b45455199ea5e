// Large exports are read by DuckDB and each format's SQL (bulk.ts); the row reader is the reference.
// Every file here is imported both ways into two stores, which must then hold the same rows, and
// the summary says which way the file was read. On ClickHouse a scratch DuckDB reads the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath, type FileSummary, type ImportProgress } from '../../../src/ingest/index.ts';
import { InputError } from '../../../src/model/index.ts';
import { tableByName, type Store, type Transaction } from '../../../src/store/index.ts';
import { emptyStore, ENGINES, type EngineName } from '../../engines.ts';
import { tableCounts } from '../../helpers.ts';
import { exportFixture } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-bulk-'));
const opened: Store[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const TABLE_ORDER: Record<string, string> = {
  posts: 'post_id',
  post_metrics: 'post_id, snapshot_at',
  web_sessions: 'day, source, medium, campaign, content',
  conversions: 'conversion_id',
  extra_metrics: 'table_name, entity_key',
};

/** A table's columns but the random import id, quoted. */
const columnsOf = (table: string) =>
  tableByName(table)!
    .columns.filter((column) => column.name !== 'import_id')
    .map((column) => `"${column.name}"`)
    .join(', ');

/** Every landed row, without the random import ids; extra metrics as parsed JSON. */
async function contents(store: Store) {
  const tables: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLE_ORDER)) {
    const rows = await store.all(`SELECT ${columnsOf(table)} FROM ${table} ORDER BY ${order}`);
    tables[table] = rows.map((row) =>
      table === 'extra_metrics' ? { ...row, metrics: JSON.parse(String(row.metrics)) } : row,
    );
  }
  // Ordered by what was imported, not when: ClickHouse keeps whole seconds, and two imports landing
  // in the same second in one store and in two seconds in the other would list in another order.
  tables.imports = await store.all(
    'SELECT file_name, file_hash, format, table_name, rows, replaced FROM imports ORDER BY file_name, file_hash, rows, replaced',
  );
  return tables;
}

/** The store's tables by name, temporary ones included: a scratch table left behind shows here. */
const tableNames = (store: Store, engine: EngineName) =>
  store.all(
    engine === 'duckdb'
      ? 'SELECT table_name AS name FROM duckdb_tables() ORDER BY name'
      : 'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name',
  );

/** The transaction, but its import record refused: the last write of an import, after its rows. */
function refusingRecord(tx: Transaction): Transaction {
  return Object.assign(Object.create(tx) as Transaction, {
    run: (sql: string, params?: []) =>
      sql.startsWith('INSERT INTO imports')
        ? Promise.reject(new Error('the disk is full'))
        : tx.run(sql, params),
  });
}

/** The store, each import failing at its last write (see refusingRecord). */
function failingAtRecord(store: Store): Store {
  return Object.assign(Object.create(store) as Store, {
    transaction: (work: (tx: Transaction) => Promise<unknown>) =>
      store.transaction((tx) => work(refusingRecord(tx))),
    exclusive: (work: Parameters<Store['exclusive']>[0]) =>
      store.exclusive((writer) =>
        work({
          ...writer,
          transaction: (inner) => writer.transaction((tx) => inner(refusingRecord(tx))),
        }),
      ),
  });
}

describe.each(ENGINES)('%s', (engine) => {
  async function importBothWays(...paths: string[]) {
    const bulk = await emptyStore(engine);
    const rows = await emptyStore(engine);
    opened.push(bulk, rows);
    const summaries: FileSummary[] = [];
    const withoutIds = (summary: FileSummary) => ({ ...summary, importId: '', reader: '' });
    for (const path of paths) {
      const [viaBulk] = await importPath(bulk, path);
      const [viaRows] = await importPath(rows, path, { bulk: false });
      expect(viaRows.reader).toBe('rows');
      expect(withoutIds(viaBulk)).toEqual(withoutIds(viaRows));
      summaries.push(viaBulk);
    }
    expect(await contents(bulk)).toEqual(await contents(rows));
    return { summaries, bulk };
  }

  const X_HEADER =
    '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","url clicks","hashtag clicks","media views","promoted impressions"';
  const xRow = (id: string, time: string, text: string, counts: string[]) =>
    [id, `https://x.com/Lumen_Paris/status/${id}`, text, time, ...counts]
      .map((cell) => `"${cell.replaceAll('"', '""')}"`)
      .join(',');

  describe('X exports read in bulk hold what the row reader reads', () => {
    it('the fixture export', async () => {
      const { summaries } = await importBothWays(
        exportFixture('tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv'),
      );
      expect(summaries[0].reader).toBe('bulk');
    });

    it('CRLF lines, quoted line breaks, offsets, fractions, grouped counts, a reply starting with @ and a repeated post', async () => {
      const lines = [
        X_HEADER,
        xRow('101', '2025-03-01 09:30 +0200', 'Premier post,\r\nsur deux lignes', [
          '1,200',
          '90',
          '0.075',
          '5',
          '3',
          '40',
          '20',
          '2',
          '300',
          '-',
        ]),
        xRow('102', '2025-03-02T23:59:59.987Z', '@client merci ! ""top""', [
          '800',
          '30',
          '0.0375',
          '2',
          '1',
          '25',
          '0',
          '0',
          '0',
          '-',
        ]),
        xRow(' 103\u00a0', '2025-03-03', '  espaces autour  ', [
          '1 500',
          '140',
          '',
          '10',
          '6',
          '60',
          '45',
          '0',
          '0',
          '\t1500 ',
        ]),
        xRow('101', '2025-03-01 09:30 +0200', 'Premier post, mis à jour', [
          '1,300',
          '95',
          '0.08',
          '6',
          '3',
          '41',
          '21',
          '2',
          '310',
          '-',
        ]),
      ];
      const { summaries, bulk } = await importBothWays(
        file(
          'tweet_activity_metrics_lumen_20250301_20250331_en.csv',
          `\uFEFF${lines.join('\r\n')}\r\n`,
        ),
      );
      expect(summaries[0].reader).toBe('bulk');
      // Post 101 was exported twice: the last row is the newest snapshot.
      const [post] = await bulk.all("SELECT * FROM post_metrics WHERE post_id = 'x:101'");
      expect(post.impressions).toBe(1300);
      expect(post.snapshot_at).toBe('2025-03-01T07:30:00.000Z');
      const [reply] = await bulk.all(
        "SELECT published_at, account_id FROM posts WHERE post_id = 'x:102'",
      );
      // ClickHouse 18.16 keeps timestamps to the second, whichever way the file was read.
      expect(reply).toEqual({
        published_at: engine === 'duckdb' ? '2025-03-02T23:59:59.987Z' : '2025-03-02T23:59:59.000Z',
        account_id: 'x:lumen_paris',
      });
      // Cells are trimmed as JavaScript trims them, in the first and the last column too.
      const [spaced] = await bulk.all("SELECT text FROM posts WHERE post_id = 'x:103'");
      expect(spaced.text).toBe('espaces autour');
      const [extras] = await bulk.all(
        "SELECT metrics FROM extra_metrics WHERE entity_key = 'x:103'",
      );
      expect(JSON.parse(String(extras.metrics))).toMatchObject({ 'promoted impressions': 1500 });
    });
    it('extra metrics: missing marks, words that cast to numbers, leading zeros and bare fractions', async () => {
      const extrasCells = (rate: string, hashtags: string, promoted: string) => [
        '100',
        '10',
        rate,
        '1',
        '1',
        '5',
        '2',
        hashtags,
        '0',
        promoted,
      ];
      const lines = [
        X_HEADER,
        xRow('301', '2025-03-05', 'a', extrasCells('nan', 'inf', 'N/A')),
        xRow('302', '2025-03-05', 'b', extrasCells('Infinity', 'none', 'null')),
        xRow('303', '2025-03-05', 'c', extrasCells('.5', '007', '5.')),
        xRow('304', '2025-03-05', 'd', extrasCells('+0.25', '-', '—')),
      ];
      const { summaries, bulk } = await importBothWays(
        file('tweet_activity_metrics_lumen_extras.csv', `${lines.join('\n')}\n`),
      );
      expect(summaries[0].reader).toBe('bulk');
      const metrics = await bulk.all(
        'SELECT entity_key, metrics FROM extra_metrics ORDER BY entity_key',
      );
      expect(
        metrics.map(({ entity_key, metrics }) => [entity_key, JSON.parse(String(metrics))]),
      ).toEqual([
        ['x:301', { engagements: 10 }],
        ['x:302', { engagements: 10 }],
        [
          'x:303',
          {
            engagements: 10,
            'engagement rate': 0.5,
            'hashtag clicks': 7,
            'promoted impressions': 5,
          },
        ],
        ['x:304', { engagements: 10, 'engagement rate': 0.25 }],
      ]);
    });

    it('hands the file to the row reader when a cell has a form the SQL does not read', async () => {
      const lines = [
        X_HEADER,
        xRow('201', 'Mar 4, 2025', 'Date écrite en mots', [
          '100',
          '9',
          '0.09',
          '1',
          '2',
          '3',
          '4',
          '0',
          '0',
          '-',
        ]),
        xRow('202', '2025-03-05 10:00 +0000', 'Taux en pourcentage', [
          '200',
          '9',
          '4.5%',
          '1',
          '2',
          '3',
          '4',
          '0',
          '0',
          '-',
        ]),
      ];
      const { summaries } = await importBothWays(
        file('tweet_activity_metrics_lumen_words.csv', `${lines.join('\n')}\n`),
      );
      expect(summaries[0].reader).toBe('rows');
    });

    it('a bad value is refused with its line and column, and nothing lands', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const before = await tableCounts(store);
      const lines = [
        X_HEADER,
        xRow('301', '2025-03-05 10:00 +0000', 'Bon', [
          '100',
          '9',
          '0.09',
          '1',
          '2',
          '3',
          '4',
          '0',
          '0',
          '-',
        ]),
        xRow('302', '2025-03-05 11:00 +0000', '=HYPERLINK("http://evil")', [
          '100',
          '9',
          '0.09',
          '1',
          '2',
          '3',
          '4',
          '0',
          '0',
          '-',
        ]),
      ];
      const error = await importPath(
        store,
        file('tweet_activity_metrics_lumen_bad.csv', `${lines.join('\n')}\n`),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).details[0].location).toMatchObject({
        line: 3,
        column: 'Tweet text',
      });
      expect(await tableCounts(store)).toEqual(before);
    });

    it.each([
      ['a formula', "=cmd|' /C calc'!A0"],
      ['a formula after spaces', '   =HYPERLINK("http://evil")'],
      ['a formula after a non-breaking space', '\u00a0@SUM(1+1)|x'],
      ['a control character inside', 'Bon\u0007jour'],
      ['the unit separator inside', 'Bon\u001fjour'],
      ['text past 100 000 characters', 'a'.repeat(100_001)],
    ])('a text with %s is refused with its line, as the row reader refuses it', async (_, text) => {
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const lines = [
        X_HEADER,
        xRow('311', '2025-03-05 10:00 +0000', 'Bon', counts),
        xRow('312', '2025-03-05 11:00 +0000', text, counts),
      ];
      const store = await emptyStore(engine);
      opened.push(store);
      const error = await importPath(
        store,
        file('tweet_activity_metrics_lumen_hostile.csv', `${lines.join('\n')}\n`),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).details[0].location).toMatchObject({
        line: 3,
        column: 'Tweet text',
      });
      const [{ posts }] = await store.all('SELECT count(*) AS posts FROM posts');
      expect(Number(posts)).toBe(0);
    });

    it('a text holding the character the record checks join cells with is read like any other', async () => {
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const lines = [
        X_HEADER,
        xRow('321', '2025-03-05 10:00 +0000', 'a\ue000 =x|y', counts),
        xRow('322', '2025-03-05 11:00 +0000', 'b\ue000', counts),
      ];
      const { bulk } = await importBothWays(
        file('tweet_activity_metrics_lumen_private.csv', `${lines.join('\n')}\n`),
      );
      const texts = await bulk.all('SELECT text FROM posts ORDER BY post_id');
      expect(texts).toEqual([{ text: 'a\ue000 =x|y' }, { text: 'b\ue000' }]);
    });

    it('a count holding the separator the SQL joins numeric cells with is refused, not split', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const lines = [
        X_HEADER,
        xRow('401', '2025-03-05 10:00 +0000', 'Bon', counts),
        xRow('402', '2025-03-05 11:00 +0000', 'Mauvais', ['1\u001f2', ...counts.slice(1)]),
      ];
      const error = await importPath(
        store,
        file('tweet_activity_metrics_lumen_separator.csv', `${lines.join('\n')}\n`),
      ).catch((caught: unknown) => caught);
      expect((error as InputError).details[0].location).toMatchObject({
        line: 3,
        column: 'impressions',
      });
      expect(await tableCounts(store)).toMatchObject({ posts: 0, imports: 0 });
    });

    it('an unclosed quote, which DuckDB will not read, is reported by the row reader', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const good = xRow('501', '2025-03-05 10:00 +0000', 'Bon', counts);
      const content = `${X_HEADER}\n${good}\n"502","https://x.com/a/status/502","Sans fin,2025\n`;
      const error = await importPath(
        store,
        file('tweet_activity_metrics_lumen_unclosed.csv', content),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toMatchObject({ line: 3 });
      expect(await tableCounts(store)).toMatchObject({ posts: 0, imports: 0 });
    });

    it('reports the lines read, then that it is landing, then the records landed', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const lines = [
        X_HEADER,
        xRow('701', '2025-03-05 10:00 +0000', 'Un texte\nsur deux lignes', counts),
        xRow('702', '2025-03-05 11:00 +0000', 'Deux', counts),
      ];
      const seen: ImportProgress[] = [];
      const [summary] = await importPath(
        store,
        file('tweet_activity_metrics_progress.csv', `${lines.join('\n')}\n`),
        { onProgress: (progress) => seen.push(progress) },
      );
      expect(summary.reader).toBe('bulk');
      // Three line breaks after the header for two records: lines stand for records until the end.
      expect(seen.at(-2)).toMatchObject({ rows: 3, landing: true });
      expect(seen.at(-1)).toMatchObject({ rows: 2 });
      expect(seen.at(-1)!.landing).toBeUndefined();
      expect(seen.at(-1)!.bytes).toBe(seen.at(-1)!.totalBytes);
    });

    it('leaves no scratch table behind, whether the file was read in bulk or handed back', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const before = await tableNames(store, engine);
      const counts = ['100', '9', '0.09', '1', '2', '3', '4', '0', '0', '-'];
      const sure = xRow('601', '2025-03-05 10:00 +0000', 'Bon', counts);
      const unsure = xRow('602', 'Mar 5, 2025', 'Date en mots', counts);
      const [inBulk] = await importPath(
        store,
        file('tweet_activity_metrics_a.csv', `${X_HEADER}\n${sure}\n`),
      );
      const [byRows] = await importPath(
        store,
        file('tweet_activity_metrics_b.csv', `${X_HEADER}\n${unsure}\n`),
      );
      expect([inBulk.reader, byRows.reader]).toEqual(['bulk', 'rows']);
      expect(await tableNames(store, engine)).toEqual(before);
    });
  });

  const GA4_PREAMBLE =
    '# ----------------------------------------\n# Traffic acquisition: Session source / medium\n# ----------------------------------------\n#\n# Start date: 20250301\n# End date: 20250331\n\n';
  const GA4_HEADER =
    'Date,Session source / medium,Session campaign,Sessions,Total users,Engaged sessions,Engagement rate,Key events,Total revenue';

  describe('GA4 reports read in bulk hold what the row reader reads', () => {
    it('the fixture report', async () => {
      const { summaries } = await importBothWays(exportFixture('ga4_traffic_acquisition_jan.csv'));
      expect(summaries[0].reader).toBe('bulk');
    });

    it('traffic sources name their network whatever their case, www. prefix or spacing', async () => {
      const sources = [
        'WWW.LinkedIn.com / referral',
        'www.www.linkedin.com / referral',
        '"  m.Facebook.com  / referral"',
        'lnkd.in / social',
        'google / organic',
        '(direct) / (none)',
      ];
      const rows = sources.map(
        (source, index) => `2025030${index + 1},${source},(not set),10,9,5,0.5,0,0`,
      );
      const { summaries, bulk } = await importBothWays(
        file('ga4_sources.csv', `${GA4_PREAMBLE}${GA4_HEADER}\n${rows.join('\n')}\n`),
      );
      expect(summaries[0].reader).toBe('bulk');
      const platforms = await bulk.all(
        'SELECT day, source, platform FROM web_sessions ORDER BY day',
      );
      expect(platforms.map(({ source, platform }) => [source, platform])).toEqual([
        ['WWW.LinkedIn.com', 'linkedin'],
        ['www.www.linkedin.com', 'linkedin'],
        ['m.Facebook.com', 'facebook'],
        ['lnkd.in', 'linkedin'],
        ['google', null],
        ['(direct)', null],
      ]);
    });

    it('key events split the revenue, revenue without key events is one purchase, totals are skipped', async () => {
      const rows = [
        '20250301,instagram / social,printemps,120,100,80,0.6667,3,180',
        '20250301,(direct) / (none),(not set),300,260,210,0.7,0,0',
        '20250302,www.linkedin.com / referral,(not set),40,38,20,0.5,0,99.5',
        '20250302,google / organic,printemps,25,24,12,0.48,2,0',
        'Grand total,,,485,422,322,0.66,5,279.5',
      ];
      const { summaries, bulk } = await importBothWays(
        file('ga4_march.csv', `${GA4_PREAMBLE}${GA4_HEADER}\n${rows.join('\n')}\n`),
      );
      expect(summaries[0].reader).toBe('bulk');
      const conversions = await bulk.all(
        'SELECT conversion_id, type, value, platform FROM conversions ORDER BY conversion_id',
      );
      expect(conversions).toEqual([
        {
          conversion_id: 'ga4:2025-03-01|instagram|social|printemps|:1',
          type: 'purchase',
          value: 60,
          platform: 'instagram',
        },
        {
          conversion_id: 'ga4:2025-03-01|instagram|social|printemps|:2',
          type: 'purchase',
          value: 60,
          platform: 'instagram',
        },
        {
          conversion_id: 'ga4:2025-03-01|instagram|social|printemps|:3',
          type: 'purchase',
          value: 60,
          platform: 'instagram',
        },
        {
          conversion_id: 'ga4:2025-03-02|google|organic|printemps|:1',
          type: 'lead',
          value: null,
          platform: null,
        },
        {
          conversion_id: 'ga4:2025-03-02|google|organic|printemps|:2',
          type: 'lead',
          value: null,
          platform: null,
        },
        {
          conversion_id: 'ga4:2025-03-02|www.linkedin.com|referral||:1',
          type: 'purchase',
          value: 99.5,
          platform: 'linkedin',
        },
      ]);
    });

    it('sessions repeated over a dimension Cadran does not map add up, in every table', async () => {
      const header = `${GA4_HEADER.replace('Session campaign,', 'Session campaign,Device category,')},Event count`;
      const rows = [
        '20250301,instagram / social,printemps,desktop,120,100,80,0.6667,2,0,400',
        '20250301,t.co / referral,(not set),desktop,10,9,5,0.5,0,0,30',
        '20250301,instagram / social,printemps,mobile,150,130,90,0.6,1,0,500',
        '20250301,instagram / social,printemps,tablet,5,5,1,0.2,0,24.5,10',
      ];
      const { summaries, bulk } = await importBothWays(
        file('ga4_by_device.csv', `${GA4_PREAMBLE}${header}\n${rows.join('\n')}\n`),
      );
      expect(summaries[0].reader).toBe('bulk');
      const sessions = await bulk.all(
        "SELECT sessions, users, engaged_sessions FROM web_sessions WHERE source = 'instagram'",
      );
      // 120 + 150 + 5 sessions, 100 + 130 + 5 users, 80 + 90 + 1 engaged sessions.
      expect(sessions).toEqual([{ sessions: 275, users: 235, engaged_sessions: 171 }]);
      const conversions = await bulk.all(
        "SELECT conversion_id, type, value FROM conversions WHERE platform = 'instagram' ORDER BY conversion_id",
      );
      // Two leads on desktop, one on mobile, and the tablet's revenue without key events: a purchase.
      const id = (ordinal: number) => `ga4:2025-03-01|instagram|social|printemps|:${ordinal}`;
      expect(conversions).toEqual([
        { conversion_id: id(1), type: 'lead', value: null },
        { conversion_id: id(2), type: 'lead', value: null },
        { conversion_id: id(3), type: 'lead', value: null },
        { conversion_id: id(4), type: 'purchase', value: 24.5 },
      ]);
      const extras = await bulk.all(
        "SELECT entity_key, metrics FROM extra_metrics WHERE entity_key LIKE '%instagram%' ORDER BY entity_key",
      );
      const key = '2025-03-01|instagram|social|printemps|';
      expect(
        extras.map(({ entity_key, metrics }) => [entity_key, JSON.parse(String(metrics))]),
      ).toEqual([
        [key, { 'Engagement rate': 0.6667, 'Event count': 400 }],
        [`${key}#2`, { 'Engagement rate': 0.6, 'Event count': 500 }],
        [`${key}#3`, { 'Engagement rate': 0.2, 'Event count': 10 }],
      ]);
    });

    it('a report imported twice changes nothing, repeated sessions included', async () => {
      const header = `${GA4_HEADER.replace('Session campaign,', 'Session campaign,Device category,')}`;
      const rows = [
        '20250301,instagram / social,printemps,desktop,120,100,80,0.6667,2,0',
        '20250301,instagram / social,printemps,mobile,150,130,90,0.6,1,0',
      ];
      const path = file('ga4_twice.csv', `${GA4_PREAMBLE}${header}\n${rows.join('\n')}\n`);
      const { bulk } = await importBothWays(path, path);
      const [{ sessions }] = await bulk.all('SELECT sum(sessions) AS sessions FROM web_sessions');
      const [{ leads }] = await bulk.all('SELECT count(*) AS leads FROM conversions');
      expect([Number(sessions), Number(leads)]).toEqual([270, 3]);
    });

    it('a negative revenue or too many key events is refused by the row reader, and nothing lands', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const good = '20250301,instagram / social,printemps,120,100,80,0.6667,2,10';
      for (const [bad, column] of [
        ['20250302,t.co / referral,(not set),10,9,5,0.5,0,-3.5', 'Total revenue'],
        ['20250302,t.co / referral,(not set),10,9,5,0.5,100001,0', 'Key events'],
      ]) {
        const error = await importPath(
          store,
          file('ga4_bad.csv', `${GA4_PREAMBLE}${GA4_HEADER}\n${good}\n${bad}\n`),
        ).catch((caught: unknown) => caught);
        expect((error as InputError).location).toMatchObject({ line: 10, column });
      }
      expect(await tableCounts(store)).toMatchObject({
        web_sessions: 0,
        conversions: 0,
        imports: 0,
      });
    });

    it('a second table after a blank line is left to the row reader, which reads only the first', async () => {
      const second =
        '\n# ----------------------------------------\nDate,Session source / medium,Session campaign,Sessions,Total users,Engaged sessions,Engagement rate,Key events,Total revenue\n20250305,t.co / referral,x,1,1,1,1,0,0\n';
      const { summaries } = await importBothWays(
        file(
          'ga4_two_tables.csv',
          `${GA4_PREAMBLE}${GA4_HEADER}\n20250301,instagram / social,printemps,120,100,80,0.6667,3,180\n${second}`,
        ),
      );
      expect(summaries[0].reader).toBe('rows');
      expect(summaries[0].rows).toBe(1);
    });

    it('an import failing after its rows landed leaves the store as it was, replaced rows included', async () => {
      const store = await emptyStore(engine);
      opened.push(store);
      const older = file(
        'ga4_kept.csv',
        `${GA4_PREAMBLE}${GA4_HEADER}\n20250301,instagram / social,printemps,100,90,70,0.7,1,50\n20250302,t.co / referral,x,10,9,5,0.5,0,0\n`,
      );
      const newer = file(
        'ga4_failing.csv',
        `${GA4_PREAMBLE}${GA4_HEADER}\n20250301,instagram / social,printemps,120,100,80,0.6667,2,80\n`,
      );
      await importPath(store, older);
      const before = await contents(store);
      const error = await importPath(failingAtRecord(store), newer).catch(
        (caught: unknown) => caught,
      );
      expect((error as Error).message).toContain('the disk is full');
      // The older report's 2 sessions rows and 1 conversion are back, and nothing of the newer.
      expect(before.web_sessions).toHaveLength(2);
      expect(before.conversions).toHaveLength(1);
      expect(await contents(store)).toEqual(before);
      expect(await tableCounts(store)).toMatchObject({ imports: 1, replaced_rows: 0 });
    });

    it('a newer report of the same days replaces the older one the same way', async () => {
      const older = file(
        'ga4_older.csv',
        `${GA4_PREAMBLE}${GA4_HEADER}\n20250301,instagram / social,printemps,100,90,70,0.7,1,50\n20250302,t.co / referral,x,10,9,5,0.5,0,0\n`,
      );
      const newer = file(
        'ga4_newer.csv',
        `${GA4_PREAMBLE}${GA4_HEADER}\n20250301,instagram / social,printemps,120,100,80,0.6667,2,80\n`,
      );
      const { summaries } = await importBothWays(older, newer);
      expect(summaries.map((summary) => summary.reader)).toEqual(['bulk', 'bulk']);
      expect(summaries[1].replaced).toBe(4); // 2 sessions rows and 1 conversion of the older report, 1 extra-metrics row
    });
  });
});
