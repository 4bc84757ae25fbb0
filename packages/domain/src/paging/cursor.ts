/**
 * One cursor convention for every list that grows with history: newest first by (sort instant, id), the
 * id breaking ties so that rows written in the same millisecond are neither lost nor repeated across a
 * page boundary. The cursor is the key of the last row of a page, handed to the client as an opaque string.
 */

/** The position of a row in a list: its sort instant (usually createdAt) and its id. */
export interface CursorKey {
  at: Date;
  id: string;
}

/** Page sizes, as data: what a list gives when the client names none, and the most it may ask for. */
export const PAGE_SIZE = { default: 20, min: 1, max: 100 } as const;

/** The query parameters every paged list accepts. */
export const PAGE_QUERY = { cursor: 'cursor', limit: 'limit' } as const;

const VERSION = 'c1';
/** Ids are uuids or short codes: letters, digits, '-' and '_' only. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The latest instant a Date can hold. */
const MAX_MS = 8.64e15;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url of an ASCII string, without padding (no Buffer/btoa: this runs in the mini-program too). */
function toBase64Url(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < text.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < text.length) out += ALPHABET[n & 63];
  }
  return out;
}

function fromBase64Url(code: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(code) || code.length % 4 === 1) return null;
  let out = '';
  for (let i = 0; i < code.length; i += 4) {
    const chunk = code.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? ALPHABET.indexOf(chunk[j]) : 0);
    out += String.fromCharCode((n >> 16) & 255);
    if (chunk.length > 2) out += String.fromCharCode((n >> 8) & 255);
    if (chunk.length > 3) out += String.fromCharCode(n & 255);
  }
  return out;
}

/** The opaque cursor for "the rows after this one". */
export function encodeCursor(key: CursorKey): string {
  const ms = key.at.getTime();
  if (!Number.isSafeInteger(ms) || ms < 0 || !ID.test(key.id))
    throw new RangeError(`not a cursor key: ${ms} ${key.id}`);
  return toBase64Url(`${VERSION}.${ms.toString(36)}.${key.id}`);
}

/** The key a cursor stands for; null when it is not one of ours (tampered, truncated, another format). */
export function decodeCursor(cursor: string): CursorKey | null {
  if (cursor.length === 0 || cursor.length > 128) return null;
  const text = fromBase64Url(cursor);
  if (text === null) return null;
  const parts = text.split('.');
  if (
    parts.length !== 3 ||
    parts[0] !== VERSION ||
    !/^[0-9a-z]{1,11}$/.test(parts[1]) ||
    !ID.test(parts[2])
  )
    return null;
  const ms = parseInt(parts[1], 36);
  if (!Number.isSafeInteger(ms) || ms > MAX_MS) return null;
  return { at: new Date(ms), id: parts[2] };
}

/** Newest first: negative when `a` comes before `b` in a list (later instant, or the same instant and the greater id). */
export function compareNewestFirst(a: CursorKey, b: CursorKey): number {
  const byTime = b.at.getTime() - a.at.getTime();
  if (byTime !== 0) return byTime;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** Whether `key` belongs after the cursor's row: (at, id) < (cursor.at, cursor.id). */
export function isAfterCursor(key: CursorKey, cursor: CursorKey | null): boolean {
  return cursor === null || compareNewestFirst(key, cursor) > 0;
}

/**
 * The page size a client asked for: the default when it named none, the number when it is an integer
 * within the bounds, null when it is not (the server answers 400).
 */
export function pageLimit(raw: string | number | null | undefined): number | null {
  if (raw === undefined || raw === null || raw === '') return PAGE_SIZE.default;
  const text = String(raw).trim();
  if (!/^[0-9]{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= PAGE_SIZE.min && n <= PAGE_SIZE.max ? n : null;
}

/**
 * Cuts a page from rows read newest first with one row more than `limit`: the extra row only says that
 * another page follows, and the cursor is the key of the page's last row.
 */
export function cutPage<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const more = rows.length > limit && items.length > 0;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

/**
 * Pages a list already held in memory (one that is computed rather than read, e.g. merged from two
 * tables): sorts newest first, skips up to the cursor, cuts one page.
 */
export function pageInMemory<T>(
  rows: readonly T[],
  cursor: CursorKey | null,
  limit: number,
  keyOf: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  const after = rows
    .filter((r) => isAfterCursor(keyOf(r), cursor))
    .sort((a, b) => compareNewestFirst(keyOf(a), keyOf(b)));
  return cutPage(after.slice(0, limit + 1), limit, keyOf);
}
