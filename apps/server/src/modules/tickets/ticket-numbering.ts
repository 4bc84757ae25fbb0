import { Injectable } from '@nestjs/common';
import { TicketKind } from '@linli/contracts';
import { chinaDateKey, ticketCode } from '@linli/domain';
import { EntityManager } from 'typeorm';
import { nextInSequence, prepareSequence } from '../../database/daily-sequence';
import { UnitOfWork } from '../../database/unit-of-work';

/** Ticket codes (BX20261122-0007): a per-China-day counter, incremented under a row lock in the caller's transaction. */
@Injectable()
export class TicketNumbering {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Make sure the day's counter row exists (see prepareSequence). */
  prepareDay(at: Date): Promise<void> {
    return prepareSequence(this.unitOfWork, chinaDateKey(at));
  }

  async nextCode(db: EntityManager, kind: TicketKind, at: Date): Promise<string> {
    return ticketCode(kind, at, await nextInSequence(db, chinaDateKey(at)));
  }
}
