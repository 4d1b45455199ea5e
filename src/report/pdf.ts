// Prints the report's HTML to PDF with headless Chromium (Debian's package) through playwright-core.
// One browser is kept between prints and closed after a minute idle: launching it costs more than
// printing a report, so a server printing several reports pays it once.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { InputError } from '../model/index.ts';

export const CHROMIUM_PATH = process.env.CADRAN_CHROMIUM || '/usr/bin/chromium';
/** Headless, and nothing that would reach the network: this machine may have none. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const IDLE_MS = 60_000;

export class ChromiumMissing extends InputError {}

let shared: { path: string; browser: Promise<Browser> } | null = null;
let idle: NodeJS.Timeout | null = null;

function checkChromium(path: string): void {
  if (!existsSync(path))
    throw new ChromiumMissing(
      `PDF reports need Chromium, not found at ${path}: install it with \`apt-get install chromium\` (or set CADRAN_CHROMIUM to its path). HTML reports work without it: --format html.`,
    );
}

/** Starts Chromium ahead of a print (while the report's data is read); no-op when it runs. */
export function warmChromium(path = CHROMIUM_PATH): Promise<Browser> {
  checkChromium(path);
  if (idle) clearTimeout(idle);
  if (shared?.path !== path) {
    const browser = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true }),
    );
    shared = { path, browser };
    browser.catch(() => (shared = null));
  }
  return shared.browser;
}

export async function closeChromium(): Promise<void> {
  if (idle) clearTimeout(idle);
  const current = shared;
  shared = null;
  if (current) await (await current.browser.catch(() => null))?.close();
}

export async function printPdf(html: string, chromiumPath = CHROMIUM_PATH): Promise<Buffer> {
  const browser = await warmChromium(chromiumPath);
  const page = await browser.newPage();
  try {
    // The report is self-contained: any request it would make is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
    idle = setTimeout(() => void closeChromium(), IDLE_MS).unref();
  }
}
