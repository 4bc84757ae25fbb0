import { EntityManager } from 'typeorm';
import { TicketSequence } from '../modules/tickets/entities/ticket-sequence.entity';
import { insertRows, isUniqueViolation, UnitOfWork } from './unit-of-work';

/**
 * Numbered codes handed out under a row lock (ticket codes, work-order codes): one counter row per key in
 * `ticket_sequence` (a China-time day '2026-11-22' for tickets, 'GZ20261122' for work orders; at most 10
 * characters). Counting rows + 1 under a unique index gives two concurrent callers the same number (a 500);
 * incrementing the counter row serialises them.
 */
export async function prepareSequence(unitOfWork: UnitOfWork, key: string, initial: (db: EntityManager) => Promise<number> = async () => 0): Promise<void> {
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
