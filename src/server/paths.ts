// One form of each request path, computed once before routing: the router, the auth guard, the Origin
// check and the rate limits all read it, so `/%61pi/…`, `//api/…`, `/api/./…` or `/api/x/` cannot reach
// a route by a spelling a guard does not recognise.

/** Characters left readable in a segment; everything else is percent-encoded again after decoding. */
const SEGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

function encodeSegment(decoded: string): string {
  let encoded = '';
  for (const char of decoded) encoded += SEGMENT_SAFE.test(char) ? char : encodeURIComponent(char);
  return encoded;
}

/** A segment that is not valid percent-encoding is taken as the literal text it spells. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The canonical path and query of a request target: each segment decoded once and re-encoded the same
 * way, empty and `.` segments dropped, `..` resolved (never above the root), no trailing slash.
 */
export function canonicalUrl(url: string): string {
  const queryAt = url.search(/[?#]/);
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const rest = queryAt < 0 ? '' : url.slice(queryAt);
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = decodeSegment(raw);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(encodeSegment(segment));
  }
  return `/${segments.join('/')}${rest}`;
}

/** Whether a canonical path is under /api, whatever its letter case (the router is case-sensitive). */
export function isApiPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0].toLowerCase();
  return path === '/api' || path.startsWith('/api/');
}
