// Prints the report's HTML to PDF with headless Chromium (Debian's package) through playwright-core.
import { existsSync } from 'node:fs';
import { InputError } from '../model/index.ts';

export const CHROMIUM_PATH = process.env.CADRAN_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissing extends InputError {}

export async function printPdf(html: string, chromiumPath = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(chromiumPath))
    throw new ChromiumMissing(
      `PDF reports need Chromium, not found at ${chromiumPath}: install it with \`apt-get install chromium\` (or set CADRAN_CHROMIUM to its path). HTML reports work without it: --format html.`,
    );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    // The report is self-contained: any request it would make is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
