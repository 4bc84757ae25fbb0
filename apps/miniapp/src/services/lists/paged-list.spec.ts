import type { Page } from '@linli/contracts';
import {
  initialPagedList,
  loadingMore,
  pageArrived,
  pageFailed,
  pageQuery,
  PagedList,
  reloading,
  restarted,
  shouldFollowEmptyPage,
  wantsMore,
} from './paged-list';

type Row = { id: string };
const key = (r: Row) => r.id;
const page = (ids: string[], nextCursor: string | null): Page<Row> => ({
  items: ids.map((id) => ({ id })),
  nextCursor,
});

describe('a list loaded a page at a time', () => {
  it('walks first page → more → the end, then stops asking', () => {
    let list: PagedList<Row> = reloading(initialPagedList<Row>());
    expect(wantsMore(list)).toBe(false);
    list = pageArrived(list, page(['c', 'b'], 'cur1'), true, list.generation, key);
    expect(list).toMatchObject({
      items: [{ id: 'c' }, { id: 'b' }],
      status: 'idle',
      nextCursor: 'cur1',
    });
    expect(wantsMore(list)).toBe(true);
    list = loadingMore(list);
    expect(wantsMore(list)).toBe(false); // one page at a time
    list = pageArrived(list, page(['b', 'a'], null), false, list.generation, key);
    expect(list.items!.map(key)).toEqual(['c', 'b', 'a']); // 'b' moved across the boundary: shown once
    expect(list.status).toBe('done');
    expect(wantsMore(list)).toBe(false);
  });

  it('an empty first page is done, not loading', () => {
    const list = pageArrived(reloading(initialPagedList<Row>()), page([], null), true, 1, key);
    expect(list).toMatchObject({ items: [], status: 'done' });
  });

  it('a reload replaces the list; an answer for an older load is dropped', () => {
    let list = pageArrived(reloading(initialPagedList<Row>()), page(['x'], 'c'), true, 1, key);
    const stale = list.generation;
    list = reloading(list);
    expect(list.items!.map(key)).toEqual(['x']); // still shown while reloading
    expect(pageArrived(list, page(['old'], null), false, stale, key)).toBe(list);
    expect(pageFailed(list, stale)).toBe(list);
    list = pageArrived(list, page(['y'], null), true, list.generation, key);
    expect(list.items!.map(key)).toEqual(['y']);
  });

  it('another list (a new filter) shows nothing of the old one, and drops its late answers', () => {
    const shown = pageArrived(reloading(initialPagedList<Row>()), page(['a'], 'c'), true, 1, key);
    const other = restarted(shown);
    expect(other).toMatchObject({ items: null, nextCursor: null, status: 'loading' });
    expect(pageArrived(other, page(['late'], null), false, shown.generation, key)).toBe(other);
  });

  it('a failed page keeps what is shown and offers 重试; a failed first page shows an empty list', () => {
    const shown = pageArrived(reloading(initialPagedList<Row>()), page(['a'], 'c'), true, 1, key);
    expect(pageFailed(loadingMore(shown), shown.generation)).toMatchObject({
      items: [{ id: 'a' }],
      status: 'error',
      nextCursor: 'c',
    });
    expect(pageFailed(reloading(initialPagedList<Row>()), 1)).toMatchObject({
      items: [],
      status: 'error',
    });
  });

  it.each<[string, Page<Row>, boolean]>([
    ['nothing shown but more behind', page([], 'c'), true],
    ['nothing at all', page([], null), false],
    ['rows shown', page(['a'], 'c'), false],
  ])('follows an empty page at once: %s → %s', (_n, p, expected) =>
    expect(shouldFollowEmptyPage(p)).toBe(expected),
  );

  it.each<[Record<string, string | undefined>, string | null, number | undefined, string]>([
    [{}, null, undefined, ''],
    [{ filter: 'all' }, null, undefined, '?filter=all'],
    [{ filter: 'all' }, 'a-b_c', 20, '?filter=all&cursor=a-b_c&limit=20'],
    [{ status: undefined }, 'x', undefined, '?cursor=x'],
  ])('pageQuery(%j, %s, %s) → %s', (params, cursor, limit, expected) =>
    expect(pageQuery(params, cursor, limit)).toBe(expected),
  );
});
