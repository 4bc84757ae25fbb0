import { Inject, Injectable } from '@nestjs/common';
import { CallbackReason, CallbackStatus, TicketKind, TicketStatus } from '@linli/contracts';
import { careCallbackDue, chinaDateKey, chinaMidnight, OPEN_STATUSES } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, Not, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { Building } from '../org/entities/building.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { CallbackTask } from './entities/callback-task.entity';
import { NOT_YET_CALLED } from './callback-task-defaults';

const BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Care callbacks (docs/domain-rules.md §9) on the building assistant's list: one month after a household moved in
 * (its earliest current member's move-in date, else when the household was registered), then six months
 * after the last one. A household with an open complaint is not called during it (careCallbackDue
 * postpones it). Planned once per China day per instance, in batches of households; several instances
 * planning at once cannot create the same callback twice (unique household + due day).
 */
@Injectable()
export class CarePlanner {
  private plannedDay: string | null = null;

  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plans today's care callbacks unless this instance already did today; returns how many it created. */
  async planToday(now: Date): Promise<number> {
    const today = chinaDateKey(now);
    if (this.plannedDay === today) return 0;
    let created = 0;
    let after = '';
    for (;;) {
      const batch = await this.households.find({
        where: after ? { id: MoreThan(after) } : {},
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (batch.length === 0) break;
      created += await this.planBatch(batch, today, now);
      after = batch[batch.length - 1].id;
      if (batch.length < BATCH) break;
    }
    this.plannedDay = today;
    return created;
  }

  private async planBatch(batch: Household[], today: string, now: Date): Promise<number> {
    const db = this.households.manager;
    const ids = batch.map((h) => h.id);
    const [members, cares, complaints, rooms] = await Promise.all([
      db.find(HouseholdMember, {
        where: { householdId: In(ids), removedAt: IsNull(), moveInDate: Not(IsNull()) },
        select: { householdId: true, moveInDate: true },
      }),
      db.find(CallbackTask, {
        where: { householdId: In(ids), reason: CallbackReason.Care },
        select: { householdId: true, careDueOn: true, status: true },
      }),
      db.find(Ticket, {
        where: {
          householdId: In(ids),
          kind: TicketKind.Complaint,
          status: In([...OPEN_STATUSES, TicketStatus.Resolved]),
        },
        select: { householdId: true },
      }),
      db.find(Room, {
        where: { id: In(batch.map((h) => h.roomId)) },
        select: { id: true, buildingId: true },
      }),
    ]);
    const buildingIds = [...new Set(rooms.map((r) => r.buildingId))];
    const [buildings, serving] = await Promise.all([
      buildingIds.length
        ? db.find(Building, {
            where: { id: In(buildingIds) },
            select: { id: true, communityId: true },
          })
        : [],
      buildingIds.length
        ? db.find(AssistantBuilding, {
            where: { buildingId: In(buildingIds) },
            order: { userId: 'ASC' },
          })
        : [],
    ]);
    let created = 0;
    for (const h of batch) {
      const movedIn =
        members
          .filter((m) => m.householdId === h.id)
          .map((m) => m.moveInDate!)
          .sort()[0] ?? chinaDateKey(h.createdAt);
      const mine = cares.filter((c) => c.householdId === h.id);
      // Still waiting on an earlier one: no second care callback on the list.
      if (mine.some((c) => c.status === CallbackStatus.Due || c.status === CallbackStatus.Retrying))
        continue;
      const last =
        mine
          .map((c) => c.careDueOn)
          .filter((d): d is string => d !== null)
          .sort()
          .at(-1) ?? null;
      const decision = careCallbackDue(
        movedIn,
        last,
        complaints.some((c) => c.householdId === h.id),
        today,
      );
      if (!decision.due) continue;
      const room = rooms.find((r) => r.id === h.roomId);
      const building = room && buildings.find((b) => b.id === room.buildingId);
      if (!room || !building) continue;
      const dueAt = new Date(
        chinaMidnight(today).getTime() +
          (1 + this.config.feedback.callback.dueDays.care) * DAY_MS -
          1,
      );
      const task: CallbackTask = {
        id: randomUUID(),
        communityId: building.communityId,
        buildingId: building.id,
        householdId: h.id,
        ticketId: null,
        sampleId: null,
        careDueOn: decision.on,
        reason: CallbackReason.Care,
        status: CallbackStatus.Due,
        assigneeId: serving.find((s) => s.buildingId === building.id)?.userId ?? null,
        supervisorCheck: false,
        inPersonRequired: false,
        dueAt,
        nextCheckAt: dueAt,
        ...NOT_YET_CALLED,
        createdAt: now,
      };
      try {
        await this.unitOfWork.run((tx) => insertRows(tx, CallbackTask, task));
        created += 1;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err; // planned by another instance
      }
    }
    return created;
  }
}
