// Who clicked, without keeping personal data: device class, country, and a visitor key that is a
// hash of IP + user agent salted per day, so unique clicks count within a day and no IP is stored.
import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { botFamilyOf } from './bots.ts';

export type Device = 'desktop' | 'mobile' | 'tablet' | 'bot';

export function isBot(userAgent: string | undefined, method: string): boolean {
  if (method === 'HEAD') return true;
  if (!userAgent) return true;
  return botFamilyOf(userAgent) !== null;
}

export function deviceOf(userAgent: string): Exclude<Device, 'bot'> {
  if (/ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))/i.test(userAgent)) return 'tablet';
  if (/mobi|iphone|ipod|android|blackberry|opera mini|iemobile/i.test(userAgent)) return 'mobile';
  return 'desktop';
}

/** Country from an edge header (Cloudflare, Fastly…) or else the region of the preferred language (fr-BE → BE). */
export function countryOf(headers: Record<string, string | string[] | undefined>): string | null {
  for (const name of [
    'cf-ipcountry',
    'x-country-code',
    'x-vercel-ip-country',
    'cloudfront-viewer-country',
    'fastly-geo-country-code',
  ]) {
    const value = headers[name];
    if (typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) && value.toUpperCase() !== 'XX')
      return value.toUpperCase();
  }
  const language = headers['accept-language'];
  const region =
    typeof language === 'string' ? /^[a-z]{2,3}-([A-Za-z]{2})\b/.exec(language.trim()) : null;
  return region ? region[1].toUpperCase() : null;
}

export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Daily salts derived from a secret kept in the store, so restarts keep the same day's keys. */
export async function visitorKeyer(
  store: Store,
): Promise<(ip: string, userAgent: string, day: string) => string> {
  let [row] = await store.all("SELECT value FROM settings WHERE name = 'visitor_secret'");
  if (!row) {
    await store.run("INSERT INTO settings (name, value) VALUES ('visitor_secret', $1)", [
      randomBytes(32).toString('hex'),
    ]);
    [row] = await store.all("SELECT value FROM settings WHERE name = 'visitor_secret'");
  }
  const secret = String(row.value);
  const salts = new Map<string, Buffer>();
  return (ip, userAgent, day) => {
    let salt = salts.get(day);
    if (!salt) {
      salt = createHmac('sha256', secret).update(day).digest();
      salts.clear();
      salts.set(day, salt);
    }
    return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('hex').slice(0, 32);
  };
}
