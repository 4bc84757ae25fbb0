import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { HouseholdExportDto, MemberRole } from '@linli/contracts';
import { AuthUser } from '../../../common/auth/auth-user';
import { ClockService } from '../../clock/clock.service';
import { Notification } from '../../notifications/entities/notification.entity';
import { Access } from '../../org/access.service';
import { TicketEvent } from '../../tickets/entities/ticket-event.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { HouseholdMember } from '../entities/household-member.entity';
import { HouseholdNote } from '../entities/household-note.entity';
import { HouseholdDocuments } from '../household-records.service';
import { HouseholdTimeline } from '../household-timeline.service';
import { ReadMyHousehold } from './my-household';

/** The household's tickets the resident may see, oldest first, with their events: part of the export. */
@Injectable()
export class VisibleHouseholdTickets {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly ticketEvents: Repository<TicketEvent>,
    private readonly access: Access,
  ) {}

  async withEvents(
    user: AuthUser,
    householdId: string,
  ): Promise<{ tickets: Ticket[]; events: TicketEvent[] }> {
    const householdTickets = await this.tickets.find({
      where: { householdId },
      relations: { category: true },
      order: { createdAt: 'ASC' },
    });
    // Only the tickets the caller may see (issue #9, item 1): their own, and the household's repairs since they joined.
    const tickets = await this.access.residentVisible(user, householdId, householdTickets);
    const events = tickets.length
      ? await this.ticketEvents.find({
          where: { ticketId: In(tickets.map((t) => t.id)) },
          order: { version: 'ASC' },
        })
      : [];
    return { tickets, events };
  }
}

/** ExportHousehold: everything held about the caller's household, for the resident to keep (PIPL right of access). */
@Injectable()
export class ExportHousehold {
  constructor(
    @InjectRepository(HouseholdMember)
    private readonly householdMembers: Repository<HouseholdMember>,
    @InjectRepository(HouseholdNote) private readonly householdNotes: Repository<HouseholdNote>,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly mine: ReadMyHousehold,
    private readonly documents: HouseholdDocuments,
    private readonly timeline: HouseholdTimeline,
    private readonly visibleTickets: VisibleHouseholdTickets,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser): Promise<HouseholdExportDto> {
    const mine = await this.mine.run(user);
    const own = await this.householdMembers.findOne({
      where: { householdId: mine.id, userId: user.id, removedAt: IsNull() },
    });
    const [notes, { tickets, events }, notifications, checklist] = await Promise.all([
      this.householdNotes.find({ where: { householdId: mine.id }, order: { createdAt: 'ASC' } }),
      this.visibleTickets.withEvents(user, mine.id),
      this.notifications.find({ where: { userId: user.id }, order: { createdAt: 'ASC' } }),
      this.documents.checklist(mine.id),
    ]);
    return {
      exportedAt: this.clock.now().toISOString(),
      household: { id: mine.id, roomLabel: mine.roomLabel, communityName: mine.communityName },
      // The caller's own record in full (their own data); housemates as the caller may see them.
      members: mine.members.map((m) =>
        own && m.id === own.id ? { ...m, phone: own.phone, idNumber: own.idNumber } : m,
      ),
      notes: notes.map((n) => ({ text: n.text, at: n.createdAt.toISOString() })),
      tickets: tickets.map((t) => ({
        code: t.code,
        category: t.category?.name ?? t.categoryCode,
        description: t.description,
        status: t.status,
        createdAt: t.createdAt.toISOString(),
        events: events
          .filter((e) => e.ticketId === t.id)
          .map((e) => ({
            action: e.action,
            status: e.toStatus,
            note: e.note,
            at: e.at.toISOString(),
          })),
      })),
      notifications: notifications.map((n) => ({
        title: n.title,
        body: n.body,
        at: n.createdAt.toISOString(),
      })),
      documents: checklist.documents
        .filter((d) => d.onFile)
        .map((d) => ({ label: d.label, recordedAt: d.recordedAt ?? '' })),
      // A tenant sees only themself on the household; the household's history names the others.
      timeline: mine.myRole === MemberRole.Tenant ? [] : await this.timeline.all(mine.id),
    };
  }
}
