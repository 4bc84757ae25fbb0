/**
 * The order of an assistant's queue of open tickets (issue #16): the nearest running deadline first
 * (breached ones first, as their deadline has passed); tickets without a running limit (on hold, none
 * applies) after them. Equal deadlines, and the tickets without one, go emergencies first, then the
 * oldest, then by code (unique, so the order is total and a page boundary never falls between equals).
 *
 * The deadline is computed live (a countdown on the working calendar, paused while on hold), so the queue
 * cannot be ordered in SQL: it is sorted in memory and cut into pages by the key of the last row shown.
 */
import { CursorKey } from '../paging/cursor';

/** Where a ticket stands in the queue. */
export interface QueueKey {
  /** The running limit's deadline; null when no limit is running. */
  dueAt: Date | null;
  emergency: boolean;
  createdAt: Date;
  /** The ticket's code, unique: the last tie-break. */
  code: string;
}

/** The latest instant a Date (and a cursor) can hold: a queue cursor's `at` for a ticket without a running limit. */
export const QUEUE_NO_DEADLINE_MS = 8.64e15;

/** Negative when `a` comes before `b` in the queue. */
export function compareQueue(a: QueueKey, b: QueueKey): number {
  const due = (k: QueueKey) => (k.dueAt ? k.dueAt.getTime() : Number.POSITIVE_INFINITY);
  const [da, db] = [due(a), due(b)];
  if (da !== db) return da < db ? -1 : 1;
  if (a.emergency !== b.emergency) return a.emergency ? -1 : 1;
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  if (byAge !== 0) return byAge;
  return a.code === b.code ? 0 : a.code < b.code ? -1 : 1;
}

/**
 * One page of the queue: `rows` (in any order) sorted, those strictly after `after` (the key of the last
 * row of the previous page; null for the first page), at most `limit` of them, and whether more follow.
 */
export function queuePage<R extends { key: QueueKey }>(
  rows: readonly R[],
  after: QueueKey | null,
  limit: number,
): { items: R[]; more: boolean } {
  const rest = rows
    .filter((r) => after === null || compareQueue(r.key, after) > 0)
    .sort((a, b) => compareQueue(a.key, b.key));
  return { items: rest.slice(0, limit), more: rest.length > limit };
}

/**
 * The cursor of a queue row: its deadline (the latest instant when it has none) and the ticket's id. The
 * rest of the key (emergency, age, code) is read again from the ticket when the cursor comes back.
 */
export function queueCursorKey(key: QueueKey, ticketId: string): CursorKey {
  return { at: key.dueAt ?? new Date(QUEUE_NO_DEADLINE_MS), id: ticketId };
}

/** The queue key a cursor stands for, given what the ticket it names says of itself. */
export function queueKeyOfCursor(
  cursor: CursorKey,
  ticket: Pick<QueueKey, 'emergency' | 'createdAt' | 'code'>,
): QueueKey {
  const at = cursor.at.getTime();
  return {
    dueAt: at >= QUEUE_NO_DEADLINE_MS ? null : cursor.at,
    emergency: ticket.emergency,
    createdAt: ticket.createdAt,
    code: ticket.code,
  };
}
