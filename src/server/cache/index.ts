export {
  ResultCache,
  type CachedAnswer,
  type CacheOutcome,
  type CacheStats,
} from './result-cache.ts';
export { cachedRoute } from './cached-route.ts';

/** Room for cached answers when CADRAN_CACHE_MB does not say: 64 MB of bodies. */
export function defaultCacheCapacity(): number {
  const megabytes = Number(process.env.CADRAN_CACHE_MB);
  return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 64) * 1024 * 1024;
}
