// Talks to /api with the session cookie. Errors carry the server's message, which names what to fix.
import type { ProblemLocation } from './types.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    /** A refusal the page can word in the reader's language (see problemText), with its values. */
    readonly code?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined | null | string[]>;

/** A query string from params: lists are comma-joined, empty values left out. */
export function queryString(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(name, value.join(','));
    } else search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', signal, headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('network', 0);
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  const payload = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const location = payload?.location as ProblemLocation | undefined;
    throw new ApiError(payload?.error ?? response.statusText, response.status, location?.column, location?.code, location?.params);
  }
  return payload as T;
}

const cache = new Map<string, { at: number; value: Promise<unknown> }>();
const CACHE_MS = 30_000;
const changeListeners = new Set<() => void>();

/** A write changes what every view shows: forget cached answers and tell the views to reload. */
async function write<T>(method: string, path: string, body?: unknown): Promise<T> {
  cache.clear();
  const result = await request<T>(method, path, body);
  cache.clear();
  for (const listener of changeListeners) listener();
  return result;
}

export const api = {
  /** GETs are cached for half a minute, so going back and forth between views is instant. */
  get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
    const url = `${path}${queryString(params)}`;
    const hit = cache.get(url);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
    const value = request<T>('GET', url, undefined, signal);
    cache.set(url, { at: Date.now(), value });
    value.catch(() => cache.delete(url));
    return value;
  },
  post<T>(path: string, body?: unknown): Promise<T> {
    return write<T>('POST', path, body);
  },
  put<T>(path: string, body: unknown): Promise<T> {
    return write<T>('PUT', path, body);
  },
  patch<T>(path: string, body: unknown): Promise<T> {
    return write<T>('PATCH', path, body);
  },
  delete<T>(path: string): Promise<T> {
    return write<T>('DELETE', path);
  },
  /** Calls back after every successful write; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  },
  url(path: string, params: Params = {}): string {
    return `${path}${queryString(params)}`;
  },
  clearCache(): void {
    cache.clear();
  },
};
