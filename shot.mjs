import { chromium } from 'playwright-core';
const [,, password, ...pages] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const [lang, w, h] of [['en', 1366, 768], ['fr', 1366, 768], ['en', 390, 844]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, locale: lang });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:3999/');
  await page.waitForTimeout(1500);
  const email = page.locator('input[type=email]');
  if (await email.count()) {
    await email.fill('demo@cadran.local');
    await page.locator('input[type=password]').fill(password);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
  }
  for (const path of pages) {
    await page.goto('http://127.0.0.1:3999' + path);
    await page.waitForTimeout(3500);
    const name = path.replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/shots/${lang}-${w}${name}.png`, fullPage: w < 500 ? false : true });
  }
  await context.close();
}
await browser.close();
