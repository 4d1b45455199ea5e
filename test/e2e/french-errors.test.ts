// Every error path of the dashboard in French, in Chromium over a small store written here with today
// pinned to 20 November 2025: a wrong password, a refused file, a drill-down of a period that has not
// started, a period with no data, and the objective editor's save refused (id taken, objective gone).
// Each message is the page's own French wording, never the server's English.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { makeFormat } from '../../web/src/i18n/format.ts';
import { tempStore } from '../helpers.ts';
import { launchChromium, pinToday } from './browser.ts';
import { ADMIN, ensureWebBuilt, startServer, type RunningServer } from './server.ts';

const TODAY = '2025-11-20';
const french = makeFormat('fr-FR', 'fr', 'EUR');
let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let restoreToday: (() => void) | undefined;

const settled = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Ten NPS answers in October 2025: the only data, so Q1 2025 has none and Q1 2026 has not started. */
async function seed() {
  await store.transaction(async (tx) => {
    await tx.append(
      'nps_responses',
      ['response_id', 'answered_at', 'score'],
      Array.from({ length: 10 }, (_, index) => [
        `n${index}`,
        Date.parse(`2025-10-${String(index + 1).padStart(2, '0')}T12:00:00Z`),
        index < 6 ? 9 : 3,
      ]),
    );
  });
}

async function createObjective(name: string): Promise<string> {
  const response = await fetch(`${server.base}/api/objectives`, {
    method: 'POST',
    headers: { ...server.adminApi, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      kpi: 'nps',
      target: 40,
      period: { from: '2025-10-01', to: '2025-12-31' },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The page must not show the server's English anywhere on these paths. */
async function expectNoServerEnglish() {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const english of ['after today', 'already exists', 'no objective', 'Something went wrong'])
    expect(text).not.toContain(english);
}

beforeAll(async () => {
  restoreToday = pinToday(TODAY);
  await ensureWebBuilt();
  store = await tempStore();
  await seed();
  server = await startServer(store);
  browser = await launchChromium({ locale: 'fr-FR' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  restoreToday?.();
});

describe('the error paths, in French', () => {
  it('says a wrong password in French, then logs in', async () => {
    await page.goto(`${server.base}/`);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await settled(() => page.getByRole('alert').textContent()).toBe(
      'Adresse e-mail ou mot de passe incorrect.',
    );
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
  });

  it('says in French that a file matches no known export', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cadran-e2e-')), 'mystere.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    await page.goto(`${server.base}/imports`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator('button[type="submit"]').click();
    await settled(() => page.getByTestId('upload-error-message').textContent()).toBe(
      'Les colonnes ne correspondent à aucun export connu de Cadran.',
    );
    const box = (await page.locator('.upload-error').textContent()) ?? '';
    expect(box).toContain('mystere.csv n’a pas été importé ; rien n’a changé.');
    expect(box).toContain('Attendu : L’en-tête d’un export pris en charge');
    expect(box).not.toContain('the columns match no export');
  });

  it('says once, in French, that a period after today has nothing to measure yet', async () => {
    await page.goto(`${server.base}/kpi/nps?from=2026-01-01&to=2026-03-31&compare=yoy`);
    const notice = page.getByTestId('future-period');
    // "1 janvier 2026" and "20 novembre 2025", as the page writes long dates in French.
    await settled(() => notice.textContent()).toBe(
      `Cette période commence le ${french.day('2026-01-01', 'long')}, après aujourd’hui (${french.day(TODAY, 'long')}) : il n’y a encore rien à mesurer.`,
    );
    expect(french.day('2026-01-01', 'long')).toBe('1 janvier 2026');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoServerEnglish();
    // The way out goes to the quarter that holds today.
    await page.getByRole('button', { name: 'Aller à la période en cours' }).click();
    await settled(async () => new URL(page.url()).searchParams.get('from')).toBe('2025-10-01');
    await page.getByTestId('drill-value').waitFor();
  });

  it('says in French that a past period has no data, with the span the store holds', async () => {
    await page.goto(`${server.base}/kpi/nps?from=2025-01-01&to=2025-03-31&compare=previous`);
    await settled(() => page.getByTestId('empty-period').textContent()).toBe(
      `Rien n’a été mesuré sur T1 2025.` +
        `Les données vont du ${french.day('2025-10-01')} au ${french.day('2025-10-10')}.`,
    );
    await expectNoServerEnglish();
  });

  it('puts a taken name beside the name field, in French', async () => {
    await createObjective('Recommandation');
    await page.goto(`${server.base}/objectives/new`);
    await page.locator('#objective-name').fill('Recommandation');
    await page.locator('#objective-target').fill('45');
    await page.getByRole('button', { name: 'Créer' }).click();
    await settled(() => page.locator('#objective-name-error').textContent()).toBe(
      'Un objectif a déjà l’identifiant « recommandation » : donnez un autre nom à celui-ci, ou modifiez cet objectif-là.',
    );
    await expectNoServerEnglish();
  });

  it('says in French that the objective being edited was deleted meanwhile', async () => {
    const id = await createObjective('Supprimé entre-temps');
    await page.goto(`${server.base}/objectives/${id}`);
    await page.locator('#objective-target').fill('50');
    const gone = await fetch(`${server.base}/api/objectives/${id}`, {
      method: 'DELETE',
      headers: server.adminApi,
    });
    expect(gone.status).toBe(200);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await settled(() => page.locator('.objective-form .form-error').textContent()).toBe(
      `Non enregistré : L’objectif « ${id} » n’existe plus : il a sans doute été supprimé entre-temps.`,
    );
    await expectNoServerEnglish();
  });
});
