// The link behind a short code, for the redirect: cached while no write has landed (at most a few
// seconds), so a burst of clicks costs one query and a disabled link stops at the next click; and a limit on unknown codes per address against enumeration. 30 unknown codes a minute, then
// every code answers "limited" for the rest of the minute (valid ones too, or the difference would tell
// which codes exist).
import type { Store } from '../../store/index.ts';
import { addressKey, WindowLimiter } from '../rate-limit.ts';
import { findLink, type Link } from './links.ts';

const CACHE_MS = 5_000;
const UNKNOWN_CODES_PER_MINUTE = 30;

/** The link, or null for an unknown code; `limitedForMs` > 0 when the address must wait instead. */
export interface LookupResult {
  found: Link | null;
  limitedForMs?: number;
}

export function linkLookup(store: Store) {
  const cache = new Map<string, { link: Link | null; until: number; dataVersion: number }>();
  // Concurrent lookups of one code share one query, and only the first counts against the address.
  const loading = new Map<string, Promise<Link | null>>();
  const unknownCodes = new WindowLimiter(UNKNOWN_CODES_PER_MINUTE, 60_000);

  const load = async (code: string): Promise<Link | null> => {
    // Taken before the read: a write landing during it leaves this entry already stale.
    const dataVersion = store.dataVersion;
    const link = /^[A-Za-z0-9_-]{1,64}$/.test(code) ? await findLink(store, code) : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(code, { link, until: Date.now() + CACHE_MS, dataVersion });
    return link;
  };

  return async (code: string, ip: string): Promise<LookupResult> => {
    const address = addressKey(ip);
    const wait = unknownCodes.waitFor(address);
    if (wait > 0) return { found: null, limitedForMs: wait };
    const hit = cache.get(code);
    if (hit && hit.until > Date.now() && hit.dataVersion === store.dataVersion) {
      if (!hit.link) unknownCodes.take(address);
      return { found: hit.link };
    }
    const inFlight = loading.get(code);
    if (inFlight) return { found: await inFlight };
    // Reserved as unknown before the query, so parallel guesses cannot all pass; a hit gives it back.
    unknownCodes.take(address);
    const query = load(code).finally(() => loading.delete(code));
    loading.set(code, query);
    const link = await query;
    if (link) unknownCodes.giveBack(address);
    return { found: link };
  };
}
