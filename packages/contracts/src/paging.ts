/**
 * A page of a list that grows with history, newest first. `nextCursor` goes back as `?cursor=` for the
 * next page; null on the last page. The cursor is opaque: clients store it, never read it.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The query parameters of every paged list: `limit` 1–100 (default 20), `cursor` from the previous page. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}
