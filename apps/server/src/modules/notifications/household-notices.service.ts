import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { MemberRole, NotificationKind } from '@linli/contracts';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Inbox } from './inbox.service';

/**
 * Tells the people a household matter waits for, or concerns, in their inbox (and on WeChat for those
 * subscribed to notices): the owner a join request or move-out needs their approval, the building's
 * assistants a step that is the office's, the applicant the decision.
 */
@Injectable()
export class HouseholdNotices {
  private readonly logger = new Logger('HouseholdNotices');

  constructor(
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The household's owners who use the mini-program. */
  async owners(db: EntityManager, householdId: string): Promise<string[]> {
    const rows = await db.find(HouseholdMember, {
      where: { householdId, role: MemberRole.Owner, removedAt: IsNull() },
      select: { userId: true },
    });
    return rows.flatMap((r) => (r.userId ? [r.userId] : []));
  }

  /** The assistants who serve the building (the office's first line). */
  async office(db: EntityManager, buildingId: string): Promise<string[]> {
    return (await db.find(AssistantBuilding, { where: { buildingId } })).map((l) => l.userId);
  }

  /** Inside the caller's transaction: the message goes with the change it reports, or not at all. */
  async tell(
    db: EntityManager,
    recipients: readonly (string | null | undefined)[],
    title: string,
    body: string,
  ): Promise<void> {
    await this.inbox.deliver(
      db,
      recipients,
      { kind: NotificationKind.Notice, title, body, ticketId: null },
      this.clock.now(),
    );
  }

  /**
   * After a change already committed: its own transaction. A failure here must not undo or hide the
   * change the person made, so it is logged, not thrown.
   */
  async tellAfter(
    pick: (db: EntityManager) => Promise<readonly (string | null | undefined)[]>,
    title: string,
    body: string,
  ): Promise<void> {
    try {
      await this.unitOfWork.run(async (db) => this.tell(db, await pick(db), title, body));
    } catch (err) {
      this.logger.error(`household notice "${title}" not delivered: ${String(err)}`);
    }
  }
}
