import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showError } from './http';
import { initialQuery, queryAnswered, queryStarted, QueryState, Result, toResult } from './result';

/** A show this soon after a load began is the same arrival, not a return to the page. */
const SHOW_AFTER_LOAD_MS = 1000;

export interface QueryView<T> {
  /** The last data loaded (kept while a reload runs or after it fails); null before the first answer. */
  data: T | null;
  /** The last load's error, null once a load succeeds. The toast has been shown already. */
  error: QueryState<T>['error'];
  loading: boolean;
  reload: () => Promise<Result<T>>;
  /** Replace the data in place (after an action returned the new value). */
  setData: (data: T) => void;
}

export interface QueryOptions {
  /** false: wait (e.g. until the user is known). Default true. */
  enabled?: boolean;
  /** Load again each time the page shows (back from another page). Default true. */
  refreshOnShow?: boolean;
  /** Load again on the page's pull-down. Default true. */
  pullDown?: boolean;
  /** Show the error toast when a load fails. Default true; false where the page shows its own error state. */
  toast?: boolean;
}

/**
 * The one way a page loads what it shows: when the page shows (and on pull-down, and when `deps`
 * change), with its loading and error state; a failure shows the request's Chinese message as a toast.
 * An answer that arrives after a newer load began is dropped.
 */
export function useQuery<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: QueryOptions = {},
): QueryView<T> {
  const { enabled = true, refreshOnShow = true, pullDown = true, toast = true } = options;
  const [state, setState] = useState<QueryState<T>>(initialQuery);
  const current = useRef(state);
  const loader = useRef(load);
  loader.current = load;

  const update = (change: (s: QueryState<T>) => QueryState<T>) => {
    current.current = change(current.current);
    setState(current.current);
  };

  const lastStarted = useRef(0);
  const reload = useCallback(async (): Promise<Result<T>> => {
    lastStarted.current = Date.now();
    update(queryStarted);
    const generation = current.current.generation;
    const result = await toResult(loader.current);
    update((s) => queryAnswered(s, generation, result));
    if (!result.ok && toast) showError(result.error);
    return result;
  }, [toast]);

  // First load and reloads when what the query depends on changes.
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload, ...deps]);

  useDidShow(() => {
    // A page's first show comes with its mount, which the effect above has just loaded.
    if (Date.now() - lastStarted.current < SHOW_AFTER_LOAD_MS) return;
    if (enabled && refreshOnShow) void reload();
  });
  usePullDownRefresh(() => {
    if (!pullDown) return;
    void (enabled ? reload() : Promise.resolve()).finally(() => Taro.stopPullDownRefresh());
  });

  const setData = useCallback((data: T) => update((s) => ({ ...s, data, error: null })), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
