/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is wrong":
 * the server answers those 503 DATABASE_UNAVAILABLE ('系统繁忙，请稍后再试') instead of 500, and the
 * caller may simply try again. The pool drops a broken connection and opens a new one on the next query,
 * so once the database is back, requests succeed again without a restart.
 *
 * mysql2 (MySQL/MariaDB): socket errors (refused, reset, timed out, host unreachable), a connection lost
 * mid-query, the server shutting down or out of connections, a lock wait that timed out.
 * better-sqlite3 (SQLite): the file busy or locked by another writer beyond the busy timeout.
 * TypeORM wraps a driver error as `driverError` (QueryFailedError) and a failed pool checkout as itself;
 * both, and any `cause` chain, are looked at.
 */
const UNAVAILABLE_CODES = new Set([
  // sockets (mysql2 passes Node's error codes through)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // mysql2
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
  // better-sqlite3
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_LOCKED_SHAREDCACHE',
]);

/** MySQL/MariaDB server error numbers with the same meaning (for drivers that set errno but no code). */
const UNAVAILABLE_ERRNOS = new Set([
  1040 /* too many connections */, 1053 /* server shutdown */, 1205 /* lock wait timeout */,
  1317 /* query interrupted */, 1927 /* connection killed (MariaDB) */, 2002, 2003, 2006, 2013,
]);

/** TypeORM's own messages when it has no connection at all (never connected, or closed under us). */
const UNAVAILABLE_MESSAGES = [
  /Connection lost/i,
  /connection is not established/i,
  /Cannot enqueue .* after fatal error/i,
  /Pool is closed/i,
  /Connection terminated/i,
  /connect ETIMEDOUT/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as {
    code?: unknown;
    errno?: unknown;
    driverError?: unknown;
    cause?: unknown;
    message?: unknown;
    name?: unknown;
  };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.errno === 'number' && UNAVAILABLE_ERRNOS.has(e.errno) && typeof e.code !== 'string')
    return true;
  if (
    typeof e.message === 'string' &&
    (e.name === 'QueryFailedError' || e.name === 'Error' || e.name === 'TypeORMError') &&
    UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))
  )
    return true;
  return (
    isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)
  );
}
