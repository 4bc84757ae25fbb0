import { DataSource, EntityManager } from 'typeorm';
import { retryOnDeadlock } from './retry-on-deadlock';
import { TicketSequence } from '../modules/tickets/entities/ticket-sequence.entity';
import { insertRows, isUniqueViolation, UnitOfWork } from './unit-of-work';

/**
 * Numbered codes handed out under a row lock (ticket codes, work-order codes): one counter row per key in
 * `ticket_sequence` (a China-time day '2026-11-22' for tickets, 'GZ20261122' for work orders; at most 10
 * characters). Counting rows + 1 under a unique index gives two concurrent callers the same number (a 500);
 * incrementing the counter row serialises them.
 */
export async function prepareSequence(
  unitOfWork: UnitOfWork,
  key: string,
  initial: (db: EntityManager) => Promise<number> = async () => 0,
): Promise<void> {
  // In its own short transaction: incrementing an existing row only locks that row, whereas two
  // transactions inserting the same missing row would deadlock on MySQL.
  await unitOfWork.run(async (db) => {
    if (await db.existsBy(TicketSequence, { dayKey: key })) return;
    try {
      await insertRows(db, TicketSequence, { dayKey: key, lastValue: await initial(db) });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  });
}

/** The next number of a prepared sequence, in the caller's transaction (the row stays locked until it ends). */
export async function nextInSequence(db: EntityManager, key: string): Promise<number> {
  const column = db.connection.driver.escape('lastValue');
  await db
    .createQueryBuilder()
    .update(TicketSequence)
    .set({ lastValue: () => `${column} + 1` })
    .where({ dayKey: key })
    .execute();
  return (await db.findOneByOrFail(TicketSequence, { dayKey: key })).lastValue;
}

/**
 * The next number of `key`'s counter in ONE autocommitted statement, outside any caller's transaction, so
 * the counter row is locked only for that statement and concurrent submits do not queue behind each
 * other's transactions (issue #16). The row is created on first use. A transaction that fails after
 * taking a number leaves a gap in the day's codes; codes stay unique and in order.
 * MySQL/MariaDB: INSERT … ON DUPLICATE KEY UPDATE with LAST_INSERT_ID(expr), whose value the OK packet
 * carries back (no second statement). SQLite: INSERT … ON CONFLICT DO UPDATE … RETURNING, through the
 * unit of work (one shared connection: a statement there would otherwise join another transaction).
 */
export async function takeNextInSequence(
  unitOfWork: UnitOfWork,
  dataSource: DataSource,
  key: string,
): Promise<number> {
  if (dataSource.options.type === 'better-sqlite3') {
    return unitOfWork.run(async (db) => {
      const rows = (await db.query(
        'INSERT INTO ticket_sequence (dayKey, lastValue) VALUES (?, 1) ON CONFLICT(dayKey) DO UPDATE SET lastValue = lastValue + 1 RETURNING lastValue',
        [key],
      )) as { lastValue: number }[];
      return Number(rows[0].lastValue);
    });
  }
  return retryOnDeadlock(async () => {
    const result = (await dataSource.query(
      'INSERT INTO `ticket_sequence` (`dayKey`, `lastValue`) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE `lastValue` = LAST_INSERT_ID(`lastValue` + 1)',
      [key],
    )) as { insertId: number };
    return Number(result.insertId);
  });
}
