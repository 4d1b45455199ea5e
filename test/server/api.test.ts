// The JSON API on the demo data set: each endpoint answers what the metrics stage computes, in its documented shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, engineStore } from '../engines.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { describeCatalog, kpiById, queryKpis } from '../../src/metrics/index.ts';
import { scorecard } from '../../src/metrics/objectives.ts';
import { bearer, testApp } from './app.ts';
import { csvCell } from '../../src/server/csv.ts';
import type { Store } from '../../src/store/index.ts';
import { tableCounts } from '../helpers.ts';

describe.each(ENGINES)('%s', (engine) => {
  const TODAY = '2026-06-15';
  const QUARTER = { from: '2026-04-01', to: '2026-06-15' };
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;

  const get = (url: string, headers = admin) => app.inject({ url, headers });
  const json = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** A multipart/form-data body with one file and some fields, as a browser sends it. */
  function multipart(file: { name: string; content: string }, fields: Record<string, string> = {}) {
    const boundary = '----cadran-test-boundary';
    const parts = Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
    return {
      payload: `${parts.join('')}--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  beforeAll(async () => {
    store = await engineStore(engine, (duckdb) =>
      generateDemo(duckdb, { seed: 42, scale: 1, today: TODAY }),
    );
    app = await testApp(store);
    admin = await bearer(store, 'admin');
    analyst = await bearer(store, 'analyst', 'importer');
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('catalog and KPI queries', () => {
    it('serves the catalog the metrics stage describes', async () => {
      expect(await json('/api/kpis')).toEqual(describeCatalog());
    });

    it('computes KPIs with breakdown, comparisons and filters like queryKpis', async () => {
      const body = await json(
        `/api/kpi?ids=engagements,engagement_rate_impressions&from=${QUARTER.from}&to=${QUARTER.to}&by=platform&compare=previous,yoy&platform=instagram,linkedin`,
      );
      const expected = await queryKpis(store, {
        kpis: ['engagements', 'engagement_rate_impressions'],
        period: QUARTER,
        breakdown: ['platform'],
        compare: ['previous', 'yoy'],
        filters: { platform: ['instagram', 'linkedin'] },
      });
      expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(
        body.results[0].rows.map((row: { key: { platform: string } }) => row.key.platform).sort(),
      ).toEqual(['instagram', 'linkedin']);
    });

    it('keeps the top and the bottom posts', async () => {
      const top = await json(
        `/api/kpi?ids=impressions&from=${QUARTER.from}&to=${QUARTER.to}&by=post&top=3`,
      );
      const bottom = await json(
        `/api/kpi?ids=impressions&from=${QUARTER.from}&to=${QUARTER.to}&by=post&bottom=3`,
      );
      const values = (body: { results: { rows: { value: number }[] }[] }) =>
        body.results[0].rows.map((row) => row.value);
      expect(values(top)).toHaveLength(3);
      expect(values(top)).toEqual([...values(top)].sort((a, b) => b - a));
      expect(values(bottom)).toEqual([...values(bottom)].sort((a, b) => a - b));
      expect(values(bottom)[0]).toBeLessThan(values(top)[0]);
    });

    it('ranks a ratio only over posts whose denominator reaches min_base', async () => {
      const ranked = await json(
        `/api/kpi?ids=sentiment_positive_share&from=${QUARTER.from}&to=${QUARTER.to}&by=post&top=5&min_base=5`,
      );
      const rows: { inputs: Record<string, number> }[] = ranked.results[0].rows;
      expect(rows.length).toBeGreaterThan(0);
      for (const { inputs } of rows)
        expect(
          inputs.sentiment_positive + inputs.sentiment_neutral + inputs.sentiment_negative,
        ).toBeGreaterThanOrEqual(5);
    });

    it('applies engagement weights', async () => {
      const [plain, weighted] = await Promise.all(
        ['reaction=1,comment=1,share=1,save=1', 'reaction=0,comment=0,share=1,save=0'].map(
          (weights) =>
            json(
              `/api/kpi?ids=weighted_engagement&from=${QUARTER.from}&to=${QUARTER.to}&weights=${weights}`,
            ),
        ),
      );
      const inputs = plain.results[0].rows[0].inputs;
      expect(plain.results[0].rows[0].value).toBe(
        inputs.reactions + inputs.comments + inputs.shares + inputs.saves,
      );
      expect(weighted.results[0].rows[0].value).toBe(inputs.shares);
    });

    it('refuses a bad query with the parameter named', async () => {
      const response = await get(`/api/kpi?ids=reach&from=2026-4-1&to=${QUARTER.to}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('query parameter "from": expected a date as YYYY-MM-DD');
      const breakdown = await get(
        `/api/kpi?ids=reach&from=${QUARTER.from}&to=${QUARTER.to}&by=colour`,
      );
      expect(breakdown.json().error).toMatch(/"by": expected day, week/);
    });

    it('exports the same table as CSV', async () => {
      const url = `/api/kpi?ids=engagements&from=${QUARTER.from}&to=${QUARTER.to}&by=platform&compare=yoy`;
      const body = await json(url);
      const response = await get(`${url}&format=csv`);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="cadran-engagements-.*\.csv"$/,
      );
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'platform,kpi,value,yoy_value,yoy_delta,yoy_change,reactions,comments,shares,saves',
      );
      expect(lines).toHaveLength(body.results[0].rows.length + 1);
      const first = body.results[0].rows[0];
      expect(lines[1].split(',').slice(0, 4)).toEqual([
        first.key.platform,
        'engagements',
        String(first.value),
        String(first.yoy.value),
      ]);
    });
  });

  describe('scorecard and objectives', () => {
    it('equals the metrics scorecard, with what each value was measured over and its raw counts', async () => {
      const body = await json(`/api/scorecard?today=${TODAY}`);
      const expected = await scorecard(store, { today: TODAY });
      expect(body.entries).toHaveLength(expected.entries.length);
      expect(body.return_on_objectives).toBeCloseTo(expected.return_on_objectives!, 12);
      for (const [index, entry] of body.entries.entries()) {
        const truth = expected.entries[index];
        expect(entry.objective).toEqual(truth.objective);
        expect([entry.value, entry.progress, entry.status]).toEqual([
          truth.value,
          truth.progress,
          truth.status,
        ]);
        expect(entry.yoy).toEqual(truth.yoy);
        const measured = {
          from: truth.objective.period.from,
          to: truth.objective.period.to < TODAY ? truth.objective.period.to : TODAY,
        };
        expect(entry.measured.period).toEqual(measured);
        const direct = await queryKpis(store, {
          kpis: [truth.kpi.id],
          period: measured,
          filters: truth.objective.filters,
        });
        expect(entry.inputs).toEqual(direct.results[0].rows[0].inputs);
        expect(direct.results[0].rows[0].value).toBeCloseTo(truth.value!, 9);
      }
    });

    it('evaluates the objectives active in a chosen period on their part of it, at its end', async () => {
      const april = await json(`/api/scorecard?today=${TODAY}&from=2026-04-01&to=2026-04-30`);
      expect(april.today).toBe('2026-04-30');
      const wholes = await scorecard(store, { today: '2026-04-30' });
      expect(april.entries).toHaveLength(wholes.entries.length); // the demo's Q2 and 2026 objectives
      for (const entry of april.entries) {
        const whole = wholes.entries.find((item) => item.objective.id === entry.objective.id)!;
        expect(entry.whole).toEqual({
          period: whole.objective.period,
          target: whole.objective.target,
        });
        expect(entry.objective.period).toEqual({ from: '2026-04-01', to: '2026-04-30' });
        // An additive target in proportion of days: April is 30 of Q2's 91 days (30 + 31 + 30) or
        // of 2026's 365; a rate keeps its target.
        const days = whole.objective.period.from === '2026-01-01' ? 365 : 91;
        const share = kpiById(entry.kpi.id)!.additive ? 30 / days : 1;
        expect(entry.objective.target).toBeCloseTo(whole.objective.target * share, 9);
        const direct = await queryKpis(store, {
          kpis: [entry.kpi.id],
          period: { from: '2026-04-01', to: '2026-04-30' },
          filters: entry.objective.filters,
          today: TODAY,
        });
        if (entry.value === null) expect(direct.results[0].rows[0].value).toBeNull();
        else expect(direct.results[0].rows[0].value).toBeCloseTo(entry.value, 9);
      }
      const before = await json(`/api/scorecard?today=${TODAY}&from=2024-01-01&to=2024-12-31`);
      expect(before.entries).toEqual([]);
      expect(before.return_on_objectives).toBeNull();
    });

    it('narrows every objective by the filters', async () => {
      const body = await json(`/api/scorecard?today=${TODAY}&platform=linkedin`);
      const expected = await scorecard(store, {
        today: TODAY,
        filters: { platform: ['linkedin'] },
      });
      expect(body.entries.map((entry: { value: number }) => entry.value)).toEqual(
        expected.entries.map((entry) => entry.value),
      );
      const instagramOnly = body.entries.find(
        (entry: { objective: { filters: { platform?: string[] } } }) =>
          entry.objective.filters.platform?.includes('instagram'),
      );
      // Instagram ∩ LinkedIn selects nothing: no value, nothing measured.
      if (instagramOnly)
        expect([instagramOnly.value, instagramOnly.measured]).toEqual([null, null]);
    });

    it('creates, changes and deletes an objective; names the bad field', async () => {
      const objective = {
        name: 'Reach LinkedIn Q3',
        kpi: 'reach',
        target: 50000,
        period: { from: '2026-07-01', to: '2026-09-30' },
        filters: { platform: ['linkedin'] },
      };
      const created = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: admin,
        payload: objective,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        id: 'reach-linkedin-q3',
        direction: 'increase',
        baseline: null,
      });
      const changed = await app.inject({
        method: 'PATCH',
        url: '/api/objectives/reach-linkedin-q3',
        headers: admin,
        payload: { target: 60000 },
      });
      expect(changed.json()).toMatchObject({ target: 60000, period: objective.period });
      const bad = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: admin,
        payload: { ...objective, kpi: 'likes' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatch(/kpi/);
      const unknownField = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: admin,
        payload: { ...objective, filters: { colour: ['red'] } },
      });
      expect(unknownField.statusCode).toBe(400);
      const removed = await app.inject({
        method: 'DELETE',
        url: '/api/objectives/reach-linkedin-q3',
        headers: admin,
      });
      expect(removed.json()).toEqual({ deleted: 'reach-linkedin-q3' });
      expect((await json('/api/objectives')).map((item: { id: string }) => item.id)).not.toContain(
        'reach-linkedin-q3',
      );
    });

    it('exports the scorecard as CSV', async () => {
      const response = await get(`/api/scorecard?today=${TODAY}&format=csv`);
      expect(response.body.startsWith('\uFEFF')).toBe(true); // so spreadsheets read UTF-8
      const lines = response.body.slice(1).trim().split('\r\n');
      expect(lines[0]).toMatch(/^objective_id,objective,kpi,unit,value,target/);
      expect(lines).toHaveLength((await scorecard(store, { today: TODAY })).entries.length + 1);
    });
  });

  describe('posts, interactions, funnel, dimensions', () => {
    it('pages and sorts posts, with their permalink', async () => {
      const page1 = await json(
        `/api/posts?from=${QUARTER.from}&to=${QUARTER.to}&sort=impressions&limit=5`,
      );
      const page2 = await json(
        `/api/posts?from=${QUARTER.from}&to=${QUARTER.to}&sort=impressions&limit=5&offset=5`,
      );
      expect(page1.total).toBe(page2.total);
      const impressions = [...page1.rows, ...page2.rows].map(
        (post: { impressions: number }) => post.impressions,
      );
      expect(impressions).toEqual([...impressions].sort((a, b) => b - a));
      expect(page1.rows[0].permalink).toMatch(/^https:\/\//);
      const [{ posts }] = await store.all(
        `SELECT count(*) AS posts FROM posts p JOIN accounts a USING (account_id)
         WHERE NOT coalesce(a.is_competitor, false) AND p.published_at >= '2026-04-01 00:00:00' AND p.published_at < '2026-06-16 00:00:00'`,
      );
      expect(page1.total).toBe(Number(posts));
    });

    it('filters posts by platform and ids', async () => {
      const linkedin = await json(
        `/api/posts?from=${QUARTER.from}&to=${QUARTER.to}&platform=linkedin&limit=3`,
      );
      expect(
        linkedin.rows.every((post: { platform: string }) => post.platform === 'linkedin'),
      ).toBe(true);
      const ids = linkedin.rows.map((post: { post_id: string }) => post.post_id);
      const byId = await json(`/api/posts?ids=${ids.join(',')}`);
      expect(byId.rows.map((post: { post_id: string }) => post.post_id).sort()).toEqual(
        [...ids].sort(),
      );
    });

    it('lists the comments behind tonality, worst first, without the brand', async () => {
      const negative = await json(
        `/api/interactions?from=${QUARTER.from}&to=${QUARTER.to}&sentiment=negative&sort=negative&limit=20`,
      );
      expect(negative.total).toBeGreaterThan(0);
      expect(
        negative.rows.every(
          (row: { sentiment: string; is_brand: boolean }) =>
            row.sentiment === 'negative' && !row.is_brand,
        ),
      ).toBe(true);
      const scores = negative.rows.map((row: { sentiment_score: number }) => row.sentiment_score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      // The counts match the KPI's own inputs: negatives among the opinions in the period.
      const kpi = await queryKpis(store, { kpis: ['sentiment_negative_share'], period: QUARTER });
      expect(negative.total).toBe(kpi.results[0].rows[0].inputs.sentiment_negative);
    });

    it('searches the text literally', async () => {
      const body = await json(
        `/api/interactions?from=${QUARTER.from}&to=${QUARTER.to}&q=%25&limit=5`,
      );
      expect(body.rows.every((row: { text: string }) => row.text.includes('%'))).toBe(true);
    });

    it('lays out the funnel with the catalog KPIs of each stage', async () => {
      const body = await json(`/api/funnel?from=${QUARTER.from}&to=${QUARTER.to}&compare=yoy`);
      expect(body.stages.map((stage: { stage: string }) => stage.stage)).toEqual([
        'awareness',
        'engagement',
        'conversion',
        'advocacy',
      ]);
      const catalog = describeCatalog();
      for (const stage of body.stages)
        expect(stage.kpis.map((kpi: { id: string }) => kpi.id)).toEqual(
          catalog.filter((kpi) => kpi.stage === stage.stage).map((kpi) => kpi.id),
        );
      const impressions = await queryKpis(store, {
        kpis: ['impressions'],
        period: QUARTER,
        compare: ['yoy'],
      });
      expect(body.stages[0].kpis[0]).toMatchObject({
        id: 'impressions',
        value: impressions.results[0].rows[0].value,
        yoy: impressions.results[0].rows[0].yoy,
      });
      // the drop-off: each stage's headline over the previous stage's headline and over the first one
      const headline = (index: number) =>
        body.stages[index].kpis.find(
          (kpi: { id: string }) => kpi.id === body.stages[index].headline,
        ).value as number;
      expect(body.steps[1].fromPrevious).toBeCloseTo(headline(1) / headline(0), 12);
      expect(body.steps[2].fromPrevious).toBeCloseTo(headline(2) / headline(1), 12);
      expect(body.steps[3].ofFirst).toBeCloseTo(headline(3) / headline(0), 12);
    });

    it('lists what filters can choose', async () => {
      const body = await json('/api/dimensions');
      expect(body.platforms).toContain('linkedin');
      expect(body.currency).toBe('EUR');
      expect(body.last_day).toBe(TODAY);
      expect(
        body.accounts.some((account: { is_competitor: boolean }) => account.is_competitor),
      ).toBe(true);
    });
  });

  describe('imports and CSV safety', () => {
    it('neutralises spreadsheet formulas and quotes separators', () => {
      expect(csvCell('=HYPERLINK("http://evil.test","clic")')).toBe(
        '"\'=HYPERLINK(""http://evil.test"",""clic"")"',
      );
      expect(csvCell('+33 6 12')).toBe("'+33 6 12");
      expect(csvCell('-2+3')).toBe("'-2+3");
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('\tcmd')).toBe("'\tcmd");
      expect(csvCell(-2.5)).toBe('-2.5');
      expect(csvCell('a, b')).toBe('"a, b"');
      expect(csvCell(null)).toBe('');
    });

    it('imports an uploaded Cadran CSV and exports its text defused', async () => {
      const upload = multipart({
        name: 'posts-extra.csv',
        content:
          'post_id,account_id,platform,published_at,content_type,text,permalink\n' +
          'evil1,linkedin:maisonlumen,linkedin,2026-06-10T09:00:00Z,text,"=HYPERLINK(""http://evil.test"")",https://example.test/p/evil1\n',
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports',
        ...upload,
        headers: { ...analyst, ...upload.headers },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        file: 'posts-extra.csv',
        table: 'posts',
        rows: 1,
        replaced: 0,
      });
      const imports = await json('/api/imports');
      expect(imports[0]).toMatchObject({ file_name: 'posts-extra.csv', rows: 1 });
      const csv = await get('/api/posts?ids=evil1&format=csv');
      expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    });

    it('recognises an uploaded X export, then undoes the import', async () => {
      const name = 'tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv';
      const upload = multipart({
        name,
        content: readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exports', name), 'utf8'),
      });
      const before = await tableCounts(store);
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports',
        ...upload,
        headers: { ...analyst, ...upload.headers },
      });
      expect(response.statusCode, response.body).toBe(201);
      const summary = response.json();
      expect(summary).toMatchObject({ file: name, format: 'x-post-activity' });
      expect(summary.rows).toBeGreaterThan(0);
      const undone = await app.inject({
        method: 'DELETE',
        url: `/api/imports/${summary.importId.slice(0, 8)}`,
        headers: analyst,
      });
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json()).toMatchObject({ importId: summary.importId, file: name });
      expect(await tableCounts(store)).toEqual(before);
    });

    it('files a report without dates on the period the form gives, and returns the reconciliation', async () => {
      const name = 'ga4_source_medium_no_dates.csv';
      const content = readFileSync(
        join(import.meta.dirname, '..', 'fixtures', 'exports', name),
        'utf8',
      );
      const post = (fields: Record<string, string>) => {
        const upload = multipart({ name, content }, fields);
        return app.inject({
          method: 'POST',
          url: '/api/imports',
          ...upload,
          headers: { ...analyst, ...upload.headers },
        });
      };
      const refused = await post({});
      expect(refused.statusCode).toBe(400);
      expect(refused.json().location.expected).toContain('From and To fields of the upload form');
      expect((await post({ from: '2025-03-31', to: '2025-03-01' })).statusCode).toBe(400);
      const response = await post({ from: '2025-03-01', to: '2025-03-31' });
      expect(response.statusCode, response.body).toBe(201);
      // sessions 50 + 12 + 8 + 5 + 200
      expect(response.json().reconciliation).toContainEqual({
        table: 'web_sessions',
        metric: 'sessions',
        file: 275,
        stored: 275,
      });
    });

    it('refuses a bad file with its line and column and changes nothing', async () => {
      const before = await tableCounts(store);
      const upload = multipart({
        name: 'broken.csv',
        content:
          'post_id,account_id,platform,published_at,content_type\n' +
          'ok1,linkedin:maisonlumen,linkedin,2026-06-10T09:00:00Z,text\n' +
          'bad1,linkedin:maisonlumen,myspace,2026-06-10T09:00:00Z,text\n',
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/imports',
        ...upload,
        headers: { ...analyst, ...upload.headers },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().location).toMatchObject({
        file: 'broken.csv',
        line: 3,
        column: 'platform',
      });
      expect(await tableCounts(store)).toEqual(before);
    });
  });

  describe('OpenAPI and the web app', () => {
    it('documents every route, with schemas and roles', async () => {
      const document = await json('/api/openapi.json');
      expect(document.openapi).toBe('3.1.0');
      for (const path of [
        '/api/scorecard',
        '/api/kpi',
        '/api/objectives/{id}',
        '/api/posts',
        '/api/interactions',
        '/api/imports',
        '/api/links',
      ])
        expect(Object.keys(document.paths)).toContain(path);
      const kpi = document.paths['/api/kpi'].get;
      expect(
        kpi.parameters.find((parameter: { name: string }) => parameter.name === 'ids'),
      ).toMatchObject({ required: true });
      expect(kpi.responses['200'].content['text/csv']).toBeDefined();
      expect(kpi.responses['200'].content['application/json'].schema.properties.results.type).toBe(
        'array',
      );
      expect(document.paths['/api/auth/login'].post.security).toEqual([]);
      expect(document.paths['/api/objectives'].post['x-cadran-role']).toBe('admin');
    });

    it('answers every parameterless GET in its documented shape', async () => {
      const document = await json('/api/openapi.json');
      for (const [path, methods] of Object.entries(document.paths) as [
        string,
        Record<string, { parameters?: { required: boolean }[] }>,
      ][]) {
        const getter = methods.get;
        if (
          !getter ||
          path.includes('{') ||
          getter.parameters?.some((parameter) => parameter.required)
        )
          continue;
        const response = await get(path);
        expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
      }
    });

    it('serves the app for page paths, with a content security policy, and JSON 404s under /api', async () => {
      const page = await app.inject({ url: '/kpi/reach?from=2026-01-01' });
      expect(page.statusCode).toBe(200);
      const home = await app.inject({ url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('<title>Cadran</title>');
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(401);
      expect((await get('/api/nothing')).statusCode).toBe(404);
    });
  });
});
