import { Injectable } from '@nestjs/common';
import { OPEN_STATUSES } from '@linli/domain';
import { EntityManager } from 'typeorm';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Ticket } from './entities/ticket.entity';

/** Who gets a new ticket: among the assistants serving its building, the one with the fewest open tickets. */
@Injectable()
export class TicketDispatcher {
  async pickAssistant(db: EntityManager, buildingId: string): Promise<string | null> {
    const row = await db
      .createQueryBuilder(AssistantBuilding, 'ab')
      .select('ab.userId', 'userId')
      .addSelect('COUNT(t.id)', 'openCount')
      .leftJoin(Ticket, 't', 't.assigneeId = ab.userId AND t.status IN (:...open)', { open: OPEN_STATUSES })
      .where('ab.buildingId = :buildingId', { buildingId })
      .groupBy('ab.userId')
      .orderBy('openCount', 'ASC')
      .addOrderBy('ab.userId', 'ASC')
      .limit(1)
      .getRawOne<{ userId: string }>();
    return row?.userId ?? null;
  }
}
