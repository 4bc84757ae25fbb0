import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@linli/contracts';
import { showError } from '../request/http';
import {
  initialPagedList,
  loadingMore,
  pageArrived,
  pageFailed,
  PagedList,
  reloading,
  restarted,
  shouldFollowEmptyPage,
  wantsMore,
} from './paged-list';

/** How many empty pages in a row are followed at once before the list waits for the user (加载更多). */
const FOLLOW_EMPTY_PAGES = 5;

export interface PagedListView<T> {
  items: T[] | null;
  status: PagedList<T>['status'];
  /** Whether another page exists (the bottom shows 加载更多 / 加载中… rather than 没有更多了). */
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * The one way a page shows a list that grows with history: the first page when the page shows (and on
 * pull-down, and when `deps` change), the next one when the user scrolls to the bottom (onReachBottom).
 * Pair it with <LoadMore> at the end of the list. `load(null)` is the first page.
 */
export function usePagedList<T>(
  load: (cursor: string | null) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  deps: readonly unknown[],
  options: {
    enabled?: boolean;
    /** What a failed first page does; by default its Chinese message as a toast. */
    onFirstPageError?: (err: unknown) => void;
    scrollLoads?: boolean;
  } = {},
): PagedListView<T> {
  const [list, setList] = useState<PagedList<T>>(initialPagedList);
  const state = useRef(list);
  const update = (change: (l: PagedList<T>) => PagedList<T>) => {
    state.current = change(state.current);
    setList(state.current);
  };
  const enabled = options.enabled ?? true;
  const loader = useRef(load);
  loader.current = load;

  const fetchPage = useCallback(
    async (first: boolean) => {
      if (!enabled) return;
      if (!first && !wantsMore(state.current)) return;
      update(first ? reloading : loadingMore);
      const generation = state.current.generation;
      try {
        let page = await loader.current(first ? null : state.current.nextCursor);
        for (let i = 0; i < FOLLOW_EMPTY_PAGES && shouldFollowEmptyPage(page); i++)
          page = await loader.current(page.nextCursor);
        update((l) => pageArrived(l, page, first, generation, keyOf));
      } catch (err) {
        update((l) => pageFailed(l, generation));
        if (first) (options.onFirstPageError ?? showError)(err);
      }
    },
    [enabled, ...deps],
  );

  const reload = useCallback(() => fetchPage(true), [fetchPage]);
  const loadMore = useCallback(async () => {
    // After an error, 重试 asks again for the page that failed: the next one, or the first if nothing is shown.
    const l = state.current;
    if (l.status !== 'error') return fetchPage(false);
    if (l.items && l.items.length > 0 && l.nextCursor) {
      update((x) => ({ ...x, status: 'idle' }));
      return fetchPage(false);
    }
    return fetchPage(true);
  }, [fetchPage]);

  useDidShow(() => void reload());
  const firstDeps = useRef(true);
  useEffect(() => {
    if (firstDeps.current) {
      firstDeps.current = false;
      return;
    }
    // Another list (new filter or tab): clear the old one rather than show it under the new heading.
    update(restarted);
    void reload();
  }, [reload]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (options.scrollLoads !== false) void fetchPage(false);
  });

  return {
    items: list.items,
    status: list.status,
    hasMore: list.nextCursor !== null,
    reload,
    loadMore,
  };
}
