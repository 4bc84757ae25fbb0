import type { Page } from '@linli/contracts';

/**
 * The state of a list loaded a page at a time (pure, so it is tested without Taro). `status` says what
 * the bottom of the list shows: 加载中… while a page is on its way, 没有更多了 at the end, 重试 after an error.
 */
export interface PagedList<T> {
  /** null until the first page arrives (the page shows nothing rather than a false "empty"). */
  items: T[] | null;
  nextCursor: string | null;
  status: 'loading' | 'idle' | 'done' | 'error';
  /** Bumped on every reload, so that a page answering for an older load is dropped. */
  generation: number;
}

export const initialPagedList = <T>(): PagedList<T> => ({
  items: null,
  nextCursor: null,
  status: 'loading',
  generation: 0,
});

/** A fresh first load (page shown again, pull-down, a new filter): keeps what is shown until it arrives. */
export function reloading<T>(list: PagedList<T>): PagedList<T> {
  return { ...list, status: 'loading', generation: list.generation + 1 };
}

/** Another list altogether (a new filter or tab): nothing of the old one stays on screen while it loads. */
export function restarted<T>(list: PagedList<T>): PagedList<T> {
  return { items: null, nextCursor: null, status: 'loading', generation: list.generation + 1 };
}

/** Whether scrolling to the bottom should fetch another page now. */
export function wantsMore<T>(list: PagedList<T>): boolean {
  return list.items !== null && list.status === 'idle' && list.nextCursor !== null;
}

export function loadingMore<T>(list: PagedList<T>): PagedList<T> {
  return { ...list, status: 'loading' };
}

/**
 * A page arrived: the first one replaces the list, later ones append (an item already shown, e.g. one that
 * moved between pages as the list changed underneath, is not shown twice). Pages of an older generation are dropped.
 */
export function pageArrived<T>(
  list: PagedList<T>,
  page: Page<T>,
  first: boolean,
  generation: number,
  keyOf: (item: T) => string,
): PagedList<T> {
  if (generation !== list.generation) return list;
  const before = first || list.items === null ? [] : list.items;
  const seen = new Set(before.map(keyOf));
  const items = [...before, ...page.items.filter((x) => !seen.has(keyOf(x)))];
  return {
    items,
    nextCursor: page.nextCursor,
    status: page.nextCursor === null ? 'done' : 'idle',
    generation,
  };
}

/** A page failed: what is shown stays, with 重试 at the bottom (an empty list if the first page failed). */
export function pageFailed<T>(list: PagedList<T>, generation: number): PagedList<T> {
  if (generation !== list.generation) return list;
  return { ...list, items: list.items ?? [], status: 'error' };
}

/** Whether a page that brought nothing shown but has a cursor should be followed at once (rows the caller may not see). */
export function shouldFollowEmptyPage<T>(page: Page<T>): boolean {
  return page.items.length === 0 && page.nextCursor !== null;
}

/** The query string of a paged request: the list's own parameters plus cursor and limit. */
export function pageQuery(
  params: Record<string, string | number | undefined>,
  cursor: string | null,
  limit?: number,
): string {
  const all: Record<string, string | number | undefined> = {
    ...params,
    cursor: cursor ?? undefined,
    limit,
  };
  const parts = Object.entries(all)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
