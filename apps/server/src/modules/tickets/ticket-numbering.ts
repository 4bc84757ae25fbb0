import { Injectable } from '@nestjs/common';
import { TicketKind } from '@linli/contracts';
import { chinaDateKey, ticketCode } from '@linli/domain';
import { EntityManager } from 'typeorm';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { TicketSequence } from './entities/ticket-sequence.entity';

/** Ticket codes (BX20261122-0007): a per-China-day counter, incremented under a row lock in the caller's transaction. */
@Injectable()
export class TicketNumbering {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Make sure the day's counter row exists, in its own short transaction: incrementing an existing row
   * only locks that row, whereas two transactions inserting the same missing row would deadlock on MySQL.
   */
  async prepareDay(at: Date): Promise<void> {
    const dayKey = chinaDateKey(at);
    await this.unitOfWork.run(async (db) => {
      if (await db.existsBy(TicketSequence, { dayKey })) return;
      try {
        await insertRows(db, TicketSequence, { dayKey, lastValue: 0 });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    });
  }

  async nextCode(db: EntityManager, kind: TicketKind, at: Date): Promise<string> {
    const dayKey = chinaDateKey(at);
    const column = db.connection.driver.escape('lastValue');
    await db
      .createQueryBuilder()
      .update(TicketSequence)
      .set({ lastValue: () => `${column} + 1` })
      .where({ dayKey })
      .execute();
    const row = await db.findOneByOrFail(TicketSequence, { dayKey });
    return ticketCode(kind, at, row.lastValue);
  }
}
