// Clicks drain continuously (issue 16, F8): under sustained redirects the stored count keeps up with the
// 302s answered, at most 2 s behind, instead of waiting for the traffic to stop.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp, createLink } from '../../src/server/index.ts';
import { ClickLog } from '../../src/server/links/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const storedClicks = async (store: Store) =>
  Number((await store.all('SELECT count(*) AS n FROM clicks'))[0].n);

/** Redirect requests over 16 keep-alive connections until stopped; counts the 302s. */
function sustainedClicks(port: number, path: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  let redirected = 0;
  let running = true;
  const click = () =>
    new Promise<void>((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port, path, agent, headers: { 'user-agent': CHROME } },
        (response) => {
          if (response.statusCode === 302) redirected++;
          response.resume().on('end', resolve);
        },
      );
      request.on('error', () => resolve());
    });
  const workers = Array.from({ length: 16 }, async () => {
    while (running) await click();
  });
  return {
    redirected: () => redirected,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      agent.destroy();
      return redirected;
    },
  };
}

describe.each(ENGINES)('%s: click drain', (engine) => {
  it('stores clicks while 6 s of sustained redirects go on, at most 2 s behind', async () => {
    const store = await emptyStore(engine);
    await createLink(
      store,
      { url: 'https://lumen.fr', campaign: 'c', source: 'x', code: 'steady' },
      'test',
    );
    const app = await buildApp(store); // the default drain: every second, and every 5 000 clicks
    await app.listen({ port: 0, host: '127.0.0.1' });
    const traffic = sustainedClicks((app.server.address() as AddressInfo).port, '/l/steady');
    const started = Date.now();
    const answered: { at: number; redirected: number }[] = [];
    const samples: { at: number; stored: number }[] = [];
    while (Date.now() - started < 6_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answered.push({ at: Date.now(), redirected: traffic.redirected() });
      samples.push({ at: Date.now(), stored: await storedClicks(store) });
    }
    const redirected = await traffic.stop();
    await app.close();
    const final = await storedClicks(store);
    store.close();

    expect(redirected).toBeGreaterThan(500);
    expect(final).toBe(redirected);
    // while traffic went on, the stored count grew at least 4 times…
    const growths = samples.filter(
      (sample, index) => index > 0 && sample.stored > samples[index - 1].stored,
    );
    expect(growths.length).toBeGreaterThanOrEqual(4);
    // …and every sample from 2.5 s on held every click answered 2 s before it
    const lagging = samples
      .filter((sample) => sample.at - started >= 2_500)
      .map((sample) => {
        const due = [...answered].reverse().find((point) => point.at <= sample.at - 2_000)!;
        return { at: sample.at - started, stored: sample.stored, due: due.redirected };
      })
      .filter((sample) => sample.stored < sample.due);
    expect(lagging).toEqual([]);
  }, 30_000);

  it('moves the log when it holds many clicks, without waiting for a timer', async () => {
    const store = await emptyStore(engine);
    const folder = mkdtempSync(join(tmpdir(), 'cadran-drain-'));
    const log = new ClickLog(store, join(folder, 'clicks.log'), 0, 100);
    const click = () =>
      log.record({
        click_id: randomUUID(),
        code: 'steady',
        clicked_at: Date.now(),
        referrer_host: null,
        country: null,
        device: 'desktop',
        visitor_key: null,
        is_bot: false,
      });
    for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: 50 }, click));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // 250 clicks with a threshold of 100: at least the first 200 moved with no ingest() call
    expect(await storedClicks(store)).toBeGreaterThanOrEqual(200);
    await log.close();
    expect(await storedClicks(store)).toBe(250);
    store.close();
  });
});
