// The report of a period on a real store: its figures computed by hand, self-contained HTML, and the
// PDF printed by Chromium, read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, closeChromium, printPdf } from '../../src/report/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import { seedComments } from '../alerts/comments-seed.ts';

// 1–3 March 2026: Sunday 4 negative + 16 positive, Monday 8 + 32, Tuesday (the spike) 40 + 32.
const PERIOD = { from: '2026-03-01', to: '2026-03-03', today: '2026-03-04' };

let store: Store;
beforeAll(async () => {
  store = await tempStore();
  await seedComments(store);
});
afterAll(async () => {
  store.close();
  await closeChromium();
});

function pdfText(pdf: Buffer): { text: string; pages: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'cadran-report-')), 'r.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  return { text, pages };
}

describe('report of a period', () => {
  it('HTML states the tonality with its base and interval, and the worst thread, with no external request', async () => {
    const report = await buildReport(store, { ...PERIOD, lang: 'en', format: 'html' });
    const html = report.body.toString();
    // Negatives 4 + 8 + 40 = 52 of 20 + 40 + 72 = 132 opinions: 52 / 132 = 39.4 %;
    // 95 % interval 1.96 · √(0.394 · 0.606 / 132) = 0.0834 → ± 8.3 pt.
    expect(html).toContain(
      '<td>Negative sentiment share</td><td>39.4%</td><td class="muted">± 8.3 pt</td>',
    );
    expect(html).toContain('base 132 opinions');
    // The spike's post p2 drew 40 negative comments, all of its comments.
    expect(html).toContain('<b>40 negative of 40</b> — Soldes');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('url(');
    expect(report.filename).toBe('cadran-report-2026-03-01-2026-03-03-en.html');
  });

  it('PDF in French: executive brief first, French number formats, several pages', async () => {
    const report = await buildReport(store, { ...PERIOD, lang: 'fr', format: 'pdf' });
    expect(report.body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(report.body);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text.indexOf('Synthèse')).toBeLessThan(text.indexOf('Tonalité'));
    expect(text).toMatch(/39,4\s%/);
    expect(text).toContain('1 mars 2026 – 3 mars 2026');
  });

  it('without Chromium the error says how to install it', async () => {
    await expect(printPdf('<p>x</p>', '/nonexistent/chromium')).rejects.toThrow(
      'apt-get install chromium',
    );
  });

  it('a period with a bad date names the option and the form expected', async () => {
    await expect(
      buildReport(store, { from: '2026-13-01', to: '2026-03-03', lang: 'en', format: 'html' }),
    ).rejects.toThrow('--from must be a date YYYY-MM-DD');
  });
});
