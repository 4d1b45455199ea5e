// Sentiment corrections, advocates and new influencers over HTTP, on the hand-computed kpis fixture
// (January 2025; see test/metrics/kpis.test.ts for the reading of each row).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { labelText, rescore } from '../../src/nlp/index.ts';
import { buildApp, createToken } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixture, valueOf } from '../helpers.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';

const january = { period: { from: '2025-01-01', to: '2025-01-31' } };
const PERIOD = 'from=2025-01-01&to=2025-01-31';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    store = await engineStoreWith(engine, 'kpis');
    app = await buildApp(store, { ingestEveryMs: 0 });
    analyst = {
      authorization: `Bearer ${(await createToken(store, 'analyst', 'analyst')).secret}`,
    };
    viewer = { authorization: `Bearer ${(await createToken(store, 'viewer', 'viewer')).secret}` };
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  const correct = (id: string, sentiment: string, headers = analyst) =>
    app.inject({
      method: 'PUT',
      url: `/api/interactions/${id}/sentiment`,
      headers,
      payload: { sentiment },
    });

  describe('sentiment corrections', () => {
    it('a correction changes the KPIs and survives a re-import', async () => {
      // positive i1 i4 i8 i15, negative i2 i10 i13 → i2 "Trop cher" corrected to neutral: 4 ÷ (4 + 2)
      const response = await correct('i2', 'neutral');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        interaction_id: 'i2',
        sentiment: 'neutral',
        sentiment_source: 'user',
      });
      expect(await valueOf(store, 'net_sentiment', january)).toBeCloseTo(2 / 6, 12);

      await importFile(store, fixture('kpis', 'interactions.csv')); // the file still says negative
      expect(await valueOf(store, 'net_sentiment', january)).toBeCloseTo(2 / 6, 12);
    });

    it('a correction survives a rescore', async () => {
      await rescore(store, { all: true });
      // The rescore hands every other text to the model, which reads i10 "Déçue par @maisonlumen" its own way:
      // negative → (4 − 2) ÷ 6 as before; neutral → (4 − 1) ÷ 5. i2 stays neutral either way.
      const i10Negative = labelText('Déçue par @maisonlumen').sentiment === 'negative';
      expect(await valueOf(store, 'net_sentiment', january)).toBeCloseTo(
        i10Negative ? 2 / 6 : 3 / 5,
        12,
      );
    });

    it('reverting gives the model’s label back', async () => {
      const response = await app.inject({
        method: 'DELETE',
        url: '/api/interactions/i2/sentiment',
        headers: analyst,
      });
      expect(response.statusCode, response.body).toBe(200);
      // The model's own reading of "Trop cher" (too expensive) comes back
      expect(response.json()).toEqual({
        interaction_id: 'i2',
        sentiment: labelText('Trop cher').sentiment,
        sentiment_source: 'model',
      });
    });

    it('refuses viewers, unknown interactions and unknown labels', async () => {
      expect((await correct('i2', 'neutral', viewer)).statusCode).toBe(403);
      const unknown = await correct('nope', 'neutral');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toContain('no interaction with id "nope"');
      expect((await correct('i2', 'furious')).statusCode).toBe(400);
    });
  });

  describe('advocates and new influencers', () => {
    it('ranks advocates with what qualifies them', async () => {
      const response = await app.inject({ url: `/api/advocates?${PERIOD}`, headers: viewer });
      expect(response.statusCode, response.body).toBe(200);
      // a1: positive i1 i4 and shares i7 i19 → 4; nobody else reaches 2
      expect(response.json()).toMatchObject([
        {
          author_id: 'a1',
          support: 4,
          positive: 2,
          shares: 2,
          negative: 0,
          interactions: 4,
          platforms: 'instagram, linkedin',
        },
      ]);
    });

    it('downloads the advocates as CSV', async () => {
      const response = await app.inject({
        url: `/api/advocates?${PERIOD}&format=csv`,
        headers: viewer,
      });
      expect(response.headers['content-type']).toMatch(/text\/csv/);
      const [header, first, after] = response.body.trim().split(/\r?\n/);
      expect(header.split(',').slice(0, 5)).toEqual([
        'author_id',
        'author_name',
        'audience',
        'platforms',
        'support',
      ]);
      expect(first.startsWith('a1,')).toBe(true);
      expect(after).toBeUndefined();
    });

    it('lists first mentions in the period by authors with ≥ 10 000 audience, largest first', async () => {
      const response = await app.inject({ url: `/api/influencers?${PERIOD}`, headers: viewer });
      expect(response.statusCode, response.body).toBe(200);
      // a4 (20 000, 18 Jan) then a5 (15 000, 22 Jan); a6 first mentioned the brand on 31 Dec
      const rows = response.json();
      expect(rows.map((row: { author_id: string }) => row.author_id)).toEqual(['a4', 'a5']);
      expect(rows[0]).toMatchObject({
        audience: 20000,
        platform: 'linkedin',
        mentions: 1,
        first_text: 'Bravo @maison-lumen',
      });
    });

    it('the lists agree with the KPIs for another filter', async () => {
      const response = await app.inject({
        url: `/api/influencers?${PERIOD}&platform=instagram`,
        headers: viewer,
      });
      expect(response.json().length).toBe(
        await valueOf(store, 'new_influencers', {
          ...january,
          filters: { platform: ['instagram'] },
        }),
      );
    });
  });
});
