import { Injectable } from '@nestjs/common';
import { OPEN_STATUSES } from '@linli/domain';
import { EntityManager } from 'typeorm';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { DutyShift } from '../duty/entities/duty-shift.entity';
import { Ticket } from './entities/ticket.entity';
import { User } from '../org/entities/user.entity';

/**
 * Who gets a new ticket: the assistant on duty for its building now (the rota of the 24 h lobby duty;
 * if several, the least loaded of them); with nobody on duty, the least loaded of the assistants who
 * serve the building. With their name, for the answer to the submit.
 */
@Injectable()
export class TicketDispatcher {
  async pickAssistant(
    db: EntityManager,
    buildingId: string,
    now: Date,
  ): Promise<{ id: string; name: string } | null> {
    const onDuty = db
      .createQueryBuilder(DutyShift, 'd')
      .select('d.assistantId', 'userId')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(t.id)', 'openCount')
      .innerJoin(User, 'u', 'u.id = d.assistantId')
      .leftJoin(Ticket, 't', 't.assigneeId = d.assistantId AND t.status IN (:...open)', {
        open: OPEN_STATUSES,
      })
      .where('d.buildingId = :buildingId AND d.startsAt <= :now AND d.endsAt > :now', {
        buildingId,
        now,
      })
      .groupBy('d.assistantId')
      .addGroupBy('u.name')
      .orderBy('openCount', 'ASC')
      .addOrderBy('d.assistantId', 'ASC')
      .limit(1);
    const serving = db
      .createQueryBuilder(AssistantBuilding, 'ab')
      .select('ab.userId', 'userId')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(t.id)', 'openCount')
      .innerJoin(User, 'u', 'u.id = ab.userId')
      .leftJoin(Ticket, 't', 't.assigneeId = ab.userId AND t.status IN (:...open)', {
        open: OPEN_STATUSES,
      })
      .where('ab.buildingId = :buildingId', { buildingId })
      .groupBy('ab.userId')
      .addGroupBy('u.name')
      .orderBy('openCount', 'ASC')
      .addOrderBy('ab.userId', 'ASC')
      .limit(1);
    // Both choices in one round trip: the one on duty when there is one, else the least loaded who serves the building.
    const [dutySql, dutyParams] = onDuty.getQueryAndParameters();
    const [servingSql, servingParams] = serving.getQueryAndParameters();
    const rows: { userId: string; name: string }[] = await db.query(
      `SELECT x.userId AS userId, x.name AS name FROM (SELECT 0 AS choice, d.userId, d.name FROM (${dutySql}) d UNION ALL SELECT 1 AS choice, s.userId, s.name FROM (${servingSql}) s) x ORDER BY x.choice LIMIT 1`,
      [...dutyParams, ...servingParams],
    );
    const row = rows[0];
    return row ? { id: row.userId, name: row.name } : null;
  }
}
