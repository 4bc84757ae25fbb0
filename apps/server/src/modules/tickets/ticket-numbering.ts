import { Injectable } from '@nestjs/common';
import { TicketKind } from '@linli/contracts';
import { chinaDateKey, ticketCode } from '@linli/domain';
import { DataSource } from 'typeorm';
import { takeNextInSequence } from '../../database/daily-sequence';
import { UnitOfWork } from '../../database/unit-of-work';

/**
 * Ticket codes (BX20261122-0007): a per-China-day counter, taken in one statement of its own before the
 * submit's transaction (see takeNextInSequence), so submits do not wait on each other's counter lock.
 */
@Injectable()
export class TicketNumbering {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  async nextCode(kind: TicketKind, at: Date): Promise<string> {
    return ticketCode(
      kind,
      at,
      await takeNextInSequence(this.unitOfWork, this.dataSource, chinaDateKey(at)),
    );
  }
}
