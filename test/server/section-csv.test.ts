// The drill-down's own tables as downloads: the slowest threads, the SSI team table and the share-of-voice
// split, each with format=csv on its route, checked cell by cell against values worked out by hand below.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from './app.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`);
const MARCH = 'from=2025-03-01&to=2025-03-31';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let viewer: Record<string, string>;

  async function seed(store: Store) {
    await store.transaction(async (tx) => {
      await tx.append(
        'accounts',
        ['account_id', 'platform', 'handle', 'name', 'is_competitor'],
        [
          ['ig:lumen', 'instagram', 'lumen', 'Lumen', false],
          ['ig:rival', 'instagram', 'rival', 'Rival, Inc.', true],
          ['x:rival', 'x', 'rival', 'Rival, Inc.', true],
        ],
      );
      const inbound = (
        id: string,
        account: string,
        kind: string,
        created: number,
        text: string,
      ) => [
        id,
        account.startsWith('x:') ? 'x' : 'instagram',
        account,
        kind,
        `a-${id}`,
        `Author ${id}`,
        created,
        text,
        null,
        false,
      ];
      const reply = (id: string, to: string, created: number) => [
        id,
        'instagram',
        'ig:lumen',
        'reply',
        'lumen',
        'Lumen',
        created,
        'thanks',
        to,
        true,
      ];
      await tx.append(
        'interactions',
        [
          'interaction_id',
          'platform',
          'account_id',
          'kind',
          'author_id',
          'author_name',
          'created_at',
          'text',
          'reply_to',
          'is_brand',
        ],
        [
          // Business hours are 09:00–18:00 UTC, Monday to Friday; 2025-03-03 and 2025-03-10 are Mondays.
          // c1 Mon 10:00 → 10:30: 1 800 s, all of it in business hours.
          inbound('c1', 'ig:lumen', 'comment', at('2025-03-03', '10:00'), 'Where is my order?'),
          reply('r1', 'c1', at('2025-03-03', '10:30')),
          // c2 Tue 09:00 → 14:00: 18 000 s, all in business hours. Its text starts like a formula.
          inbound('c2', 'ig:lumen', 'message', at('2025-03-04', '09:00'), '=1+1 "really"'),
          reply('r2', 'c2', at('2025-03-04', '14:00')),
          // c3 Mon 08:00 → Wed 08:00: 172 800 s elapsed; business: Mon 9 h + Tue 9 h + Wed 0 = 64 800 s.
          inbound('c3', 'ig:lumen', 'comment', at('2025-03-10', '08:00'), 'Still waiting'),
          reply('r3', 'c3', at('2025-03-12', '08:00')),
          // Mentions in March: the brand 3, Rival, Inc. 1 on Instagram + 1 on X; one brand mention in April.
          inbound('m1', 'ig:lumen', 'mention', at('2025-03-02', '12:00'), 'Lumen'),
          inbound('m2', 'ig:lumen', 'mention', at('2025-03-04', '12:00'), 'Lumen'),
          inbound('m3', 'ig:lumen', 'mention', at('2025-03-20', '12:00'), 'Lumen'),
          inbound('m4', 'ig:rival', 'mention', at('2025-03-05', '12:00'), 'Rival'),
          inbound('m5', 'x:rival', 'mention', at('2025-03-08', '12:00'), 'Rival'),
          inbound('m0', 'ig:lumen', 'mention', at('2025-04-02', '12:00'), 'Lumen'),
        ].map((cells) => cells as (string | number | boolean | null)[]),
      );
      await tx.append(
        'ssi',
        [
          'person_id',
          'person_name',
          'team',
          'day',
          'ssi',
          'brand',
          'people',
          'insights',
          'relationships',
        ],
        [
          // Anna: February's last snapshot 60 (15/15/15/15); March's last 70 (20/15/17/18).
          ['anna', 'Anna', 'North, Paris', '2025-02-24', 60, 15, 15, 15, 15],
          ['anna', 'Anna', 'North, Paris', '2025-03-03', 64, 16, 15, 16, 17],
          ['anna', 'Anna', 'North, Paris', '2025-03-24', 70, 20, 15, 17, 18],
          // Ben: no February snapshot, so no change; March 40.5 (10/10/10/10.5).
          ['ben', 'Ben', 'South', '2025-03-10', 40.5, 10, 10, 10, 10.5],
        ],
      );
    });
  }

  beforeAll(async () => {
    store = await emptyStore(engine);
    await seed(store);
    app = await testApp(store);
    viewer = await bearer(store, 'viewer');
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });
  afterEach(() => {
    delete process.env.CADRAN_TODAY;
  });

  /** RFC 4180 cells: a quoted cell may hold commas and doubled quotes; no cell here spans lines. */
  function parseLine(line: string): string[] {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
      const char = line[index];
      if (quoted && char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    return [...cells, cell];
  }

  function parseCsv(text: string): string[][] {
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text.slice(1).split('\r\n').filter(Boolean).map(parseLine);
  }

  async function download(path: string) {
    const response = await app.inject({ url: path, headers: viewer });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    return {
      filename: /filename="([^"]+)"/.exec(String(response.headers['content-disposition']))?.[1],
      rows: parseCsv(response.body),
    };
  }

  describe('slowest threads as CSV', () => {
    it('lists each thread with its reply time, slowest first, formulas neutralised', async () => {
      const csv = await download(`/api/slowest-threads?${MARCH}&format=csv`);
      expect(csv.filename).toBe('cadran-slowest-threads-2025-03-01-2025-03-31.csv');
      const [header, ...rows] = csv.rows;
      const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
      expect(column('interaction_id')).toEqual(['c3', 'c2', 'c1']);
      expect(column('reply_seconds')).toEqual(['172800', '18000', '1800']);
      expect(column('business_reply_seconds')).toEqual(['64800', '18000', '1800']);
      expect(column('kind')).toEqual(['comment', 'message', 'comment']);
      expect(column('created_at')).toEqual([
        '2025-03-10T08:00:00Z',
        '2025-03-04T09:00:00Z',
        '2025-03-03T10:00:00Z',
      ]);
      // A spreadsheet would run "=1+1": the cell starts with a quote instead.
      expect(column('text')[1]).toBe(`'=1+1 "really"`);
    });

    it('holds the same rows as the drill-down, and as many as asked', async () => {
      const json = await app.inject({
        url: `/api/slowest-threads?${MARCH}&limit=2`,
        headers: viewer,
      });
      const drilldown = await app.inject({
        url: `/api/drilldown?id=response_time_median&${MARCH}`,
        headers: viewer,
      });
      expect(json.json()).toEqual(drilldown.json().slowestThreads.slice(0, 2));
      expect(json.json()).toHaveLength(2);
    });

    it('counts a period running past today up to today only', async () => {
      process.env.CADRAN_TODAY = '2025-03-05';
      const csv = await download(`/api/slowest-threads?${MARCH}&format=csv`);
      // c3 (March 10) has not happened yet on March 5.
      expect(csv.filename).toBe('cadran-slowest-threads-2025-03-01-2025-03-05.csv');
      expect(csv.rows.slice(1).map((row) => row[0])).toEqual(['c2', 'c1']);
    });
  });

  describe('SSI team as CSV', () => {
    it('gives each pillar beside its change against the previous period', async () => {
      const csv = await download(`/api/ssi-team?${MARCH}&compare=previous&format=csv`);
      expect(csv.filename).toBe('cadran-ssi-team-2025-03-01-2025-03-31.csv');
      expect(csv.rows).toEqual([
        [
          'person_id',
          'person_name',
          'team',
          'day',
          'ssi',
          'ssi_change',
          'brand',
          'brand_change',
          'people',
          'people_change',
          'insights',
          'insights_change',
          'relationships',
          'relationships_change',
        ],
        // March 24 against February 24: 70−60 = 10, 20−15 = 5, 15−15 = 0, 17−15 = 2, 18−15 = 3.
        [
          'anna',
          'Anna',
          'North, Paris',
          '2025-03-24',
          '70',
          '10',
          '20',
          '5',
          '15',
          '0',
          '17',
          '2',
          '18',
          '3',
        ],
        // Ben has no snapshot in February: no change, empty cells rather than 0.
        ['ben', 'Ben', 'South', '2025-03-10', '40.5', '', '10', '', '10', '', '10', '', '10.5', ''],
      ]);
    });

    it('has no change a year earlier, where nobody had a snapshot', async () => {
      const csv = await download(`/api/ssi-team?${MARCH}&compare=yoy&format=csv`);
      const changes = csv.rows
        .slice(1)
        .map((row) => row.filter((_, index) => index >= 5 && index % 2 === 1));
      expect(changes).toEqual([Array(5).fill(''), Array(5).fill('')]);
    });
  });

  describe('share of voice as CSV', () => {
    it('splits March’s mentions between the brand and each competitor', async () => {
      const csv = await download(`/api/voice-split?${MARCH}&format=csv`);
      expect(csv.filename).toBe('cadran-share-of-voice-2025-03-01-2025-03-31.csv');
      // 5 mentions: the brand 3 (3/5 = 0.6), Rival, Inc. 1 + 1 across its two accounts (2/5 = 0.4).
      expect(csv.rows).toEqual([
        ['competitor', 'is_brand', 'mentions', 'share'],
        ['', 'true', '3', '0.6'],
        ['Rival, Inc.', 'false', '2', '0.4'],
      ]);
    });

    it('follows the platform filter: on X only the competitor was mentioned', async () => {
      const csv = await download(`/api/voice-split?${MARCH}&platform=x&format=csv`);
      expect(csv.rows.slice(1)).toEqual([['Rival, Inc.', 'false', '1', '1']]);
    });
  });
});
