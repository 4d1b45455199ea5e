import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, engineStoreWith } from '../engines.ts';
import { queryKpis } from '../../src/metrics/index.ts';
import { buildApp, createToken } from '../../src/server/index.ts';
import type { ClickLog } from '../../src/server/links/index.ts';
import { taggedUrl } from '../../src/server/links/utm.ts';
import { countryOf, deviceOf, isBot } from '../../src/server/links/visitors.ts';
import type { Store } from '../../src/store/index.ts';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let analyst: string;
  let viewer: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const clickLogOf = (instance: FastifyInstance) =>
    (instance as unknown as { clickLog: ClickLog }).clickLog;

  async function create(body: object, token = analyst) {
    return app.inject({ method: 'POST', url: '/api/links', headers: auth(token), payload: body });
  }

  beforeAll(async () => {
    store = await engineStoreWith(engine, 'kpis');
    app = await buildApp(store, { publicUrl: 'https://go.lumen.fr', ingestEveryMs: 0 });
    analyst = (await createToken(store, 'campaign tool', 'analyst')).secret;
    viewer = (await createToken(store, 'wall screen', 'viewer')).secret;
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('UTM tagging', () => {
    it('adds the UTM parameters and keeps the existing query and fragment', () => {
      expect(
        taggedUrl('https://lumen.fr/aube?color=noir#avis', {
          source: 'linkedin',
          campaign: 'spring',
          content: 'p3',
        }),
      ).toBe(
        'https://lumen.fr/aube?color=noir&utm_source=linkedin&utm_medium=social&utm_campaign=spring&utm_content=p3#avis',
      );
    });
    it('refuses what is not a web address', () => {
      expect(() => taggedUrl('javascript:alert(1)', { source: 'x', campaign: 'c' })).toThrow(
        /only http and https/,
      );
    });
  });

  describe('visitors', () => {
    it('tells link previews, crawlers and HEAD requests from people', () => {
      for (const agent of [
        'facebookexternalhit/1.1',
        'Twitterbot/1.0',
        'LinkedInBot/1.0',
        'Slackbot-LinkExpanding 1.0',
        'WhatsApp/2.23',
        'Mozilla/5.0 (compatible; Discordbot/2.0)',
        'Mozilla/5.0 (compatible; AhrefsBot/7.0)',
        'curl/8.0',
      ]) {
        expect(isBot(agent, 'GET')).toBe(true);
      }
      expect(isBot(CHROME, 'GET')).toBe(false);
      expect(isBot(CHROME, 'HEAD')).toBe(true);
    });
    it('classes devices and finds the country from an edge header, else the language region', () => {
      expect([
        deviceOf(CHROME),
        deviceOf(IPHONE),
        deviceOf('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)'),
      ]).toEqual(['desktop', 'mobile', 'tablet']);
      expect(countryOf({ 'cf-ipcountry': 'be', 'accept-language': 'fr-FR' })).toBe('BE');
      expect(countryOf({ 'accept-language': 'fr-CH,fr;q=0.9' })).toBe('CH');
      expect(countryOf({ 'accept-language': 'fr' })).toBeNull();
    });
  });

  describe('tracked links', () => {
    it('creating a link needs a token with write rights', async () => {
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/links',
            payload: { url: 'https://lumen.fr', campaign: 'c', source: 'x' },
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (await create({ url: 'https://lumen.fr', campaign: 'c', source: 'x' }, viewer)).statusCode,
      ).toBe(403);
    });

    it('creates a short link with UTM tags and a custom code, and refuses a taken code', async () => {
      const response = await create({
        url: 'https://lumen.fr/aube?color=noir',
        campaign: 'spring',
        source: 'instagram',
        post: 'p1',
        code: 'aube-1',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        code: 'aube-1',
        short_url: 'https://go.lumen.fr/l/aube-1',
        platform: 'instagram',
        campaign: 'spring',
        post_id: 'p1',
        target_url:
          'https://lumen.fr/aube?color=noir&utm_source=instagram&utm_medium=social&utm_campaign=spring&utm_content=p1',
      });
      expect(
        (
          await create({ url: 'https://lumen.fr', campaign: 'c', source: 'x', code: 'aube-1' })
        ).json().error,
      ).toMatch(/already used/);
    });

    it('generates unguessable codes', async () => {
      const codes = await Promise.all(
        [1, 2, 3].map(
          async () =>
            (await create({ url: 'https://lumen.fr', campaign: 'c', source: 'linkedin' })).json()
              .code,
        ),
      );
      for (const code of codes) expect(code).toMatch(/^[A-Za-z2-9]{8}$/);
      expect(new Set(codes).size).toBe(3);
    });

    it('redirects with a 302 and records the click, bots apart, without keeping the IP', async () => {
      const people = [CHROME, IPHONE, CHROME].map((agent) =>
        app.inject({
          url: '/l/aube-1',
          headers: {
            'user-agent': agent,
            referer: 'https://l.instagram.com/x',
            'accept-language': 'fr-FR',
          },
          remoteAddress: '203.0.113.9',
        }),
      );
      const previews = [
        app.inject({ url: '/l/aube-1', headers: { 'user-agent': 'facebookexternalhit/1.1' } }),
        app.inject({ method: 'HEAD', url: '/l/aube-1', headers: { 'user-agent': CHROME } }),
      ];
      for (const response of await Promise.all([...people, ...previews])) {
        expect(response.statusCode).toBe(302);
        expect(response.headers.location).toContain('utm_campaign=spring');
      }
      await clickLogOf(app).ingest();
      const clicks = await store.all(
        "SELECT device, country, referrer_host, is_bot, visitor_key FROM clicks WHERE code = 'aube-1' ORDER BY is_bot, device",
      );
      expect(clicks.map((click) => [click.device, click.is_bot])).toEqual([
        ['desktop', false],
        ['desktop', false],
        ['mobile', false],
        ['bot', true],
        ['bot', true],
      ]);
      expect(clicks[0]).toMatchObject({ country: 'FR', referrer_host: 'l.instagram.com' });
      // the same IP and browser on the same day give the same key: two clicks, one unique visitor
      expect(clicks[0].visitor_key).toBe(clicks[1].visitor_key);
      expect(clicks[0].visitor_key).not.toBe(clicks[2].visitor_key);
      const stored = JSON.stringify(await store.all('SELECT * FROM clicks'));
      expect(stored).not.toContain('203.0.113.9');
    });

    it('clicks feed link clicks and CTR by campaign, joined to the post', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const response = await queryKpis(store, {
        kpis: ['link_clicks'],
        period: { from: today, to: today },
        breakdown: ['post'],
      });
      // three human clicks on the link of p1 today; the two bot hits are left out
      expect(response.results[0].rows.find((row) => row.key.post === 'p1')?.value).toBe(3);
    });

    it('lists links with clicks, unique visitors and bot hits', async () => {
      const links = (await app.inject({ url: '/api/links', headers: auth(viewer) })).json();
      expect(links.find((link: { code: string }) => link.code === 'aube-1')).toMatchObject({
        clicks: 3,
        unique_clicks: 2,
        bot_hits: 2,
      });
      // a link nobody followed counts 0 everywhere, not NULL
      const unclicked = await create({
        url: 'https://maisonlumen.fr/nuit',
        campaign: 'spring',
        source: 'instagram',
      });
      expect(unclicked.statusCode, unclicked.body).toBe(201);
      const listed = (await app.inject({ url: '/api/links', headers: auth(viewer) })).json();
      expect(
        listed.find((link: { code: string }) => link.code === unclicked.json().code),
      ).toMatchObject({
        clicks: 0,
        unique_clicks: 0,
        bot_hits: 0,
      });
    });

    it('an unknown code is a 404 page, a disabled link a clear 410 page', async () => {
      const unknown = await app.inject({ url: '/l/nope-nope' });
      expect([unknown.statusCode, unknown.body]).toEqual([
        404,
        expect.stringContaining('Link not found'),
      ]);
      await create({ url: 'https://lumen.fr/old', campaign: 'c', source: 'x', code: 'old-offer' });
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/links/old-offer/disable',
            headers: auth(analyst),
          })
        ).statusCode,
      ).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5_100)); // the redirect's link cache lives 5 s
      const disabled = await app.inject({ url: '/l/old-offer' });
      expect([disabled.statusCode, disabled.body]).toEqual([
        410,
        expect.stringContaining('turned off'),
      ]);
    }, 15_000);

    it('an expired link says so', async () => {
      await create({
        url: 'https://lumen.fr/flash',
        campaign: 'c',
        source: 'x',
        code: 'flash-sale',
        expires_at: '2025-01-31T23:59:00Z',
      });
      const response = await app.inject({ url: '/l/flash-sale' });
      expect([response.statusCode, response.body]).toEqual([
        410,
        expect.stringContaining('expired on 2025-01-31'),
      ]);
    });
  });

  describe('guessing codes (issue 16, F9)', () => {
    it('refuses a custom code under 6 characters, saying why', async () => {
      const response = await create({
        url: 'https://lumen.fr',
        campaign: 'c',
        source: 'x',
        code: 'abc',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe(
        'custom code "abc" is too short: use at least 6 characters, so it cannot be guessed by trying',
      );
      expect((await store.all("SELECT * FROM links WHERE code = 'abc'")).length).toBe(0);
      expect(
        (await create({ url: 'https://lumen.fr', campaign: 'c', source: 'x', code: 'abcdef' }))
          .statusCode,
      ).toBe(201);
    });

    it('answers 429 to an address after 30 unknown codes in a minute, whatever it asks next', async () => {
      const from = (remoteAddress: string, code: string) =>
        app.inject({ url: `/l/${code}`, remoteAddress, headers: { 'user-agent': CHROME } });
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, index) => from('198.51.100.20', `guess${index}`)),
      );
      const counts = guesses.map((response) => response.statusCode).sort();
      // the 40 guesses went in parallel: exactly 30 were looked up, 10 refused
      expect(counts.filter((status) => status === 404)).toHaveLength(30);
      expect(counts.filter((status) => status === 429)).toHaveLength(10);
      const known = await from('198.51.100.20', 'abcdef');
      expect([known.statusCode, Number(known.headers['retry-after']) > 0]).toEqual([429, true]);
      // another address is not held back
      expect((await from('198.51.100.21', 'abcdef')).statusCode).toBe(302);
      expect((await from('198.51.100.21', 'guess0')).statusCode).toBe(404);
    });

    it('100 clicks at once on a link not yet looked up all get their redirect', async () => {
      await create({ url: 'https://lumen.fr/burst', campaign: 'c', source: 'x', code: 'burst-1' });
      const clicks = await Promise.all(
        Array.from({ length: 100 }, () =>
          app.inject({ url: '/l/burst-1', remoteAddress: '198.51.100.23' }),
        ),
      );
      expect(clicks.filter((click) => click.statusCode === 302)).toHaveLength(100);
    });

    it('a known code does not count against the address', async () => {
      for (let click = 0; click < 40; click++)
        expect(
          (await app.inject({ url: '/l/abcdef', remoteAddress: '198.51.100.22' })).statusCode,
        ).toBe(302);
    });
  });
});
