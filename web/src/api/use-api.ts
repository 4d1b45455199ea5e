import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client.ts';

export interface Loaded<T> {
  /** The latest answer; while a new one loads, the previous one (see `stale`). */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** true while `data` answers an earlier request. */
  stale: boolean;
  reload: () => void;
}

type Params = Parameters<typeof api.get>[1];

/** GETs path with params whenever they change (null path: nothing to load yet). */
export function useApi<T>(path: string | null, params: Params = {}): Loaded<T> {
  const key = path ? api.url(path, params) : null;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({
    key: null,
  });
  const last = useRef<T | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => api.onChange(() => setRound((value) => value + 1)), []);
  useEffect(() => {
    if (!path || !key) return;
    let live = true;
    api.get<T>(path, params).then(
      (data) => {
        if (!live) return;
        last.current = data;
        setState({ key, data });
      },
      (error: ApiError) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
    // params are part of key: the effect runs again exactly when the URL changes.
  }, [key, round]);
  const current = state.key === key;
  const settled = current && (state.data !== undefined || state.error !== undefined);
  return {
    data: current && state.data !== undefined ? state.data : state.error ? undefined : last.current,
    error: current ? state.error : undefined,
    loading: Boolean(key) && !settled,
    stale: Boolean(key) && !settled && last.current !== undefined,
    reload: () => {
      api.clearCache();
      setRound((value) => value + 1);
      setState({ key: null });
    },
  };
}
