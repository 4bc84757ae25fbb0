import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import {
  AddMemberRequest,
  ErrorCode,
  HouseholdFileDto,
  HouseholdMemberDto,
  HouseholdNoteDto,
  MoveInStatus,
} from '@linli/contracts';
import { isValidMobile, isValidResidentId, PAGE_SIZE } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { ClockService } from '../../clock/clock.service';
import { MoveIn } from '../../move-ins/entities/move-in.entity';
import { Outbox } from '../../outbox/outbox.service';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { HouseholdJoinRequest } from '../entities/household-join-request.entity';
import { HouseholdMemberEvent } from '../entities/household-member-event.entity';
import { HouseholdMember } from '../entities/household-member.entity';
import { HouseholdNote } from '../entities/household-note.entity';
import { HouseholdRead } from '../entities/household-read.entity';
import { HouseholdAccess } from '../household-access';
import { HouseholdDocuments, HouseholdReviews } from '../household-records.service';
import { HouseholdTimeline } from '../household-timeline.service';
import { HISTORY_LIMIT, PENDING, presentEvent } from '../membership-history';
import { byRole, presentMember, ResidencePasses } from './member-view';
import { findPage } from '../../../common/paging/paging';

/** A note on the file as staff read it. */
export const presentNote = (n: HouseholdNote): HouseholdNoteDto => ({
  id: n.id,
  text: n.text,
  authorName: n.author?.name ?? '',
  at: n.createdAt.toISOString(),
});

/** What happens around a household, for its file: tickets, membership history, what waits, documents. */
@Injectable()
export class HouseholdFileActivity {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(HouseholdMemberEvent)
    private readonly householdMemberEvents: Repository<HouseholdMemberEvent>,
    @InjectRepository(HouseholdJoinRequest)
    private readonly householdJoinRequests: Repository<HouseholdJoinRequest>,
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    private readonly documents: HouseholdDocuments,
    private readonly reviews: HouseholdReviews,
    private readonly timeline: HouseholdTimeline,
  ) {}

  /** The recent tickets, the membership history and the pending approvals and move-ins. */
  async recent(householdId: string) {
    const [tickets, history, pendingOfficeApprovals, pendingMoveIns] = await Promise.all([
      this.tickets.find({
        where: { householdId },
        relations: { category: true },
        order: { createdAt: 'DESC' },
        take: 20,
      }),
      this.householdMemberEvents.find({
        where: { householdId },
        order: { at: 'DESC' },
        take: HISTORY_LIMIT,
      }),
      this.householdJoinRequests.count({
        where: { householdId, status: PENDING, needsOffice: true, officeApprovedAt: IsNull() },
      }),
      this.moveIns.count({ where: { householdId, status: MoveInStatus.Pending } }),
    ]);
    return { tickets, history, pendingOfficeApprovals, pendingMoveIns };
  }

  /** The documents checklist, the review state and the first page of the timeline. */
  async records(householdId: string) {
    const [checklist, review, timeline] = await Promise.all([
      this.documents.checklist(householdId),
      this.reviews.reviewState(householdId),
      this.timeline.page(householdId, { cursor: null, limit: PAGE_SIZE.default }),
    ]);
    return { checklist, review, timeline };
  }
}

/** ReadHouseholdFile: the household file, with notes; every reading is written to the audit supervisors see. */
@Injectable()
export class ReadHouseholdFile {
  constructor(
    @InjectRepository(HouseholdRead) private readonly householdReads: Repository<HouseholdRead>,
    @InjectRepository(HouseholdMember)
    private readonly householdMembers: Repository<HouseholdMember>,
    @InjectRepository(HouseholdNote) private readonly householdNotes: Repository<HouseholdNote>,
    private readonly activity: HouseholdFileActivity,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
    private readonly passes: ResidencePasses,
    private readonly outbox: Outbox,
  ) {}

  async run(user: AuthUser, householdId: string): Promise<HouseholdFileDto> {
    const { place, buildingName } = await this.access.staff(user, householdId);
    const now = this.clock.now();
    await this.householdReads.insert({ id: randomUUID(), householdId, readerId: user.id, at: now });
    const [members, notes, { tickets, history, pendingOfficeApprovals, pendingMoveIns }] =
      await Promise.all([
        this.householdMembers
          .find({ where: { householdId, removedAt: IsNull() } })
          .then((rows) => rows.sort(byRole)),
        findPage(
          this.householdNotes,
          { householdId },
          { cursor: null, limit: PAGE_SIZE.default },
          (rows) => rows.map(presentNote),
          { relations: { author: true } },
        ),
        this.activity.recent(householdId),
      ]);
    const passes = await this.passes.of(members);
    const reach = await this.outbox.reachOf(members.flatMap((m) => (m.userId ? [m.userId] : [])));
    const { checklist, review, timeline } = await this.activity.records(householdId);
    return {
      id: householdId,
      roomLabel: place.roomLabel,
      buildingName,
      members: members.map((m) => presentMember(m, user, passes, reach)),
      notes: notes.items,
      notesNextCursor: notes.nextCursor,
      tickets: tickets.map((t) => ({
        id: t.id,
        code: t.code,
        categoryName: t.category?.name ?? t.categoryCode,
        status: t.status,
        createdAt: t.createdAt.toISOString(),
      })),
      history: history.map(presentEvent),
      pendingOfficeApprovals,
      pendingMoveIns,
      documents: checklist.documents,
      missingDocuments: checklist.missing,
      review,
      timeline: timeline.items,
      timelineNextCursor: timeline.nextCursor,
    };
  }
}

/** AddHouseholdNote and AddHouseholdMember: what the building's staff write on the file. */
@Injectable()
export class EditHouseholdFile {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(HouseholdNote) private readonly notes: Repository<HouseholdNote>,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
  ) {}

  async addNote(user: AuthUser, householdId: string, text: string): Promise<void> {
    await this.access.staff(user, householdId);
    await this.notes.insert({
      id: randomUUID(),
      householdId,
      authorId: user.id,
      text: text.trim(),
      createdAt: this.clock.now(),
    });
  }

  async addMember(
    user: AuthUser,
    householdId: string,
    req: AddMemberRequest,
  ): Promise<HouseholdMemberDto> {
    await this.access.staff(user, householdId);
    const problems: { field: string; message: string }[] = [];
    if (req.phone && !isValidMobile(req.phone))
      problems.push({ field: 'phone', message: '手机号格式不正确' });
    if (req.idNumber && !isValidResidentId(req.idNumber))
      problems.push({ field: 'idNumber', message: '身份证号码不正确（请检查出生日期和校验位）' });
    if (problems.length > 0)
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, problems);
    const member: HouseholdMember = {
      id: randomUUID(),
      householdId,
      name: req.name.trim(),
      role: req.role,
      relationship: req.relationship?.trim() || null,
      phone: req.phone?.trim() || null,
      idNumber: req.idNumber?.trim().toUpperCase() || null,
      moveInDate: req.moveInDate ?? null,
      userId: null,
      createdAt: this.clock.now(),
      removedAt: null,
      removedById: null,
    };
    await this.members.insert(member);
    return presentMember(member, user, new Map());
  }
}
