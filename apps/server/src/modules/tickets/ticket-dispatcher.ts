import { Injectable } from '@nestjs/common';
import { DispatchCandidate, OPEN_STATUSES, pickAssignee } from '@linli/domain';
import { EntityManager } from 'typeorm';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { DutyShift } from '../duty/entities/duty-shift.entity';
import { Ticket } from './entities/ticket.entity';
import { User } from '../org/entities/user.entity';

interface CandidateRow {
  userId: string;
  name: string;
  onDuty: number | string;
  openCount: number | string;
}

/**
 * Who gets a new ticket. The rule (on duty first, then the least loaded; domain's `pickAssignee`) is
 * pure; this only fetches its candidates: the assistants on duty for the building now and those who
 * serve it, each with their open-ticket count, in one round trip.
 */
@Injectable()
export class TicketDispatcher {
  async pickAssistant(
    db: EntityManager,
    buildingId: string,
    now: Date,
  ): Promise<{ id: string; name: string } | null> {
    const open = { open: OPEN_STATUSES };
    const onDuty = db
      .createQueryBuilder(DutyShift, 'd')
      .select('d.assistantId', 'userId')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(t.id)', 'openCount')
      .innerJoin(User, 'u', 'u.id = d.assistantId')
      .leftJoin(Ticket, 't', 't.assigneeId = d.assistantId AND t.status IN (:...open)', open)
      .where('d.buildingId = :buildingId AND d.startsAt <= :now AND d.endsAt > :now', {
        buildingId,
        now,
      })
      .groupBy('d.assistantId')
      .addGroupBy('u.name');
    const serving = db
      .createQueryBuilder(AssistantBuilding, 'ab')
      .select('ab.userId', 'userId')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(t.id)', 'openCount')
      .innerJoin(User, 'u', 'u.id = ab.userId')
      .leftJoin(Ticket, 't', 't.assigneeId = ab.userId AND t.status IN (:...open)', open)
      .where('ab.buildingId = :buildingId', { buildingId })
      .groupBy('ab.userId')
      .addGroupBy('u.name');
    const [dutySql, dutyParams] = onDuty.getQueryAndParameters();
    const [servingSql, servingParams] = serving.getQueryAndParameters();
    const rows: CandidateRow[] = await db.query(
      `SELECT 1 AS onDuty, d.userId, d.name, d.openCount FROM (${dutySql}) d UNION ALL SELECT 0 AS onDuty, s.userId, s.name, s.openCount FROM (${servingSql}) s`,
      [...dutyParams, ...servingParams],
    );
    return pickAssignee(toCandidates(rows));
  }
}

/** One candidate per assistant: on the rota, serving the building, or both. */
function toCandidates(rows: CandidateRow[]): DispatchCandidate[] {
  const byId = new Map<string, DispatchCandidate>();
  for (const row of rows) {
    const onDuty = Number(row.onDuty) === 1;
    const known = byId.get(row.userId) ?? {
      id: row.userId,
      name: row.name,
      onDuty: false,
      serving: false,
      openCount: Number(row.openCount),
    };
    if (onDuty) known.onDuty = true;
    else known.serving = true;
    byId.set(row.userId, known);
  }
  return [...byId.values()];
}
