import { Access } from '../org/access.service';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { In, IsNull, Not, Repository } from 'typeorm';
import {
  MoveInStatus,
  AddMemberRequest,
  EditMemberRequest,
  BuildingDto,
  ErrorCode,
  FileReadDto,
  FileReadLogEntryDto,
  HouseholdExportDto,
  HouseholdFileDto,
  HouseholdMemberDto,
  InviteDto,
  MemberRole,
  MyHouseholdDto,
  Page,
  Role,
  TimelineEntryDto,
  RoomSummaryDto,
  WechatReach,
} from '@linli/contracts';
import { cutPage, PAGE_SIZE, isValidMobile, isValidResidentId, memberView, OPEN_STATUSES } from '@linli/domain';
import { cursorCondition, emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { MoveInPerson } from '../move-ins/entities/move-in-person.entity';
import { MoveIn } from '../move-ins/entities/move-in.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { AccessTokens } from '../outbox/access-tokens.service';
import { Outbox } from '../outbox/outbox.service';
import { WechatClient } from '../wechat/wechat.client';
import { HouseholdInvite } from './entities/household-invite.entity';
import { HouseholdAccess } from './household-access';
import { HouseholdRecords } from './household-records.service';
import { HouseholdTimeline } from './household-timeline.service';
import { StaffProfiles } from '../staff-profiles/staff-profiles.service';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { HISTORY_LIMIT, PENDING, presentEvent } from './membership-history';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdNote } from './entities/household-note.entity';
import { HouseholdRead } from './entities/household-read.entity';

/** How long an invitation code stays valid. */
const INVITE_TTL_MS = 7 * 24 * 3_600_000;
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read out over the phone

const ROLE_ORDER = [MemberRole.Owner, MemberRole.Family, MemberRole.Tenant, MemberRole.Relative];
/** Owners first, then family, tenants and relatives; within a role, who came first. */
const byRole = (a: HouseholdMember, b: HouseholdMember) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name, 'zh');

/** Who may see what of a member: the principle of least privilege, per role (domain's memberView). */
function present(m: HouseholdMember, viewer: AuthUser, passes: ReadonlyMap<string, string>, reach?: ReadonlyMap<string, WechatReach>): HouseholdMemberDto {
  const view = memberView({ role: viewer.role, self: m.userId !== null && m.userId === viewer.id }, m);
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    relationship: m.relationship,
    phone: view.phone,
    idNumber: view.idNumber,
    moveInDate: m.moveInDate,
    onWechat: m.userId !== null,
    // Staff decide whether to call or message: can WeChat reach this person now?
    wechatReach: !view.showsReach ? null : m.userId === null ? WechatReach.Unbound : (reach?.get(m.userId) ?? WechatReach.InboxOnly),
    residencePass: passes.get(m.id) ?? null,
  };
}

/** Household files: what residents see of their own, what the building's staff see, the notes and their audit. */
@Injectable()
export class Households {
  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(HouseholdNote) private readonly notes: Repository<HouseholdNote>,
    @InjectRepository(HouseholdRead) private readonly reads: Repository<HouseholdRead>,
    @InjectRepository(HouseholdInvite) private readonly invites: Repository<HouseholdInvite>,
    @InjectRepository(HouseholdMemberEvent) private readonly memberEvents: Repository<HouseholdMemberEvent>,
    @InjectRepository(HouseholdJoinRequest) private readonly joinRequests: Repository<HouseholdJoinRequest>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    @InjectRepository(MoveInPerson) private readonly moveInPeople: Repository<MoveInPerson>,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly wechat: WechatClient,
    private readonly tokens: AccessTokens,
    private readonly outbox: Outbox,
    private readonly access: HouseholdAccess,
    private readonly reach: Access,
    private readonly records: HouseholdRecords,
    private readonly timeline: HouseholdTimeline,
    private readonly staffProfiles: StaffProfiles,
  ) {}

  /** The resident's own household: members (a tenant sees only themself) and the building's assistants. */
  async mine(user: AuthUser): Promise<MyHouseholdDto> {
    const place = user.householdId ? await this.org.householdPlace(user.householdId) : null;
    if (!place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    const all = (await this.members.find({ where: { householdId: place.householdId, removedAt: IsNull() } })).sort(byRole);
    const me = all.find((m) => m.userId === user.id);
    // Owners, family and relatives see the household; a tenant only themself.
    const visible = me && me.role === MemberRole.Tenant ? [me] : all;
    const passes = await this.residencePasses(visible);
    const assistants = await this.staffProfiles.cardsOf(place.buildingId);
    const owner = me?.role === MemberRole.Owner;
    // Owners see who joined, was approved, rejected or removed, and the requests waiting for them.
    const [history, pendingJoinRequests] = owner
      ? await Promise.all([
          this.memberEvents.find({ where: { householdId: place.householdId }, order: { at: 'DESC' }, take: HISTORY_LIMIT }),
          this.joinRequests.count({ where: { householdId: place.householdId, status: PENDING, needsOwner: true, ownerApprovedAt: IsNull() } }),
        ])
      : [[], 0];
    return {
      id: place.householdId,
      roomLabel: place.roomLabel,
      communityName: place.communityName,
      members: visible.map((m) => present(m, user, passes)),
      assistants,
      myRole: me?.role ?? null,
      myMemberId: me?.id ?? null,
      history: history.map(presentEvent),
      pendingJoinRequests,
    };
  }

  /**
   * A resident corrects their household's file: an owner any current member's phone, relationship and
   * move-in date; family, tenants and relatives only their own. Names, roles and ID numbers stay with
   * the office, which checks the papers. A member of another household is not found.
   */
  async editMember(user: AuthUser, memberId: string, req: EditMemberRequest): Promise<MyHouseholdDto> {
    const member = user.householdId ? await this.members.findOne({ where: { id: memberId, householdId: user.householdId, removedAt: IsNull() } }) : null;
    if (!member) throw new AppException(ErrorCode.MEMBER_NOT_FOUND);
    if (member.userId !== user.id) {
      const me = await this.members.findOne({ where: { householdId: member.householdId, userId: user.id, removedAt: IsNull() } });
      if (me?.role !== MemberRole.Owner) throw new AppException(ErrorCode.MEMBER_EDIT_NOT_ALLOWED);
    }
    const changes: Partial<HouseholdMember> = {};
    if (req.phone !== undefined) changes.phone = req.phone?.trim() || null;
    if (req.relationship !== undefined) changes.relationship = req.relationship?.trim() || null;
    if (req.moveInDate !== undefined) changes.moveInDate = req.moveInDate || null;
    if (Object.keys(changes).length > 0) await this.members.update({ id: member.id }, changes);
    return this.mine(user);
  }

  /** Everything held about the caller's household, for the resident to keep (PIPL right of access). */
  async exportMine(user: AuthUser): Promise<HouseholdExportDto> {
    const mine = await this.mine(user);
    const own = await this.members.findOne({ where: { householdId: mine.id, userId: user.id, removedAt: IsNull() } });
    const [notes, householdTickets, notifications, checklist] = await Promise.all([
      this.notes.find({ where: { householdId: mine.id }, order: { createdAt: 'ASC' } }),
      this.tickets.find({ where: { householdId: mine.id }, relations: { category: true }, order: { createdAt: 'ASC' } }),
      this.notifications.find({ where: { userId: user.id }, order: { createdAt: 'ASC' } }),
      this.records.checklist(mine.id),
    ]);
    // Only the tickets the caller may see (issue #9, item 1): their own, and the household's repairs since they joined.
    const tickets = await this.reach.residentVisible(user, mine.id, householdTickets);
    const events = tickets.length ? await this.events.find({ where: { ticketId: In(tickets.map((t) => t.id)) }, order: { version: 'ASC' } }) : [];
    return {
      exportedAt: this.clock.now().toISOString(),
      household: { id: mine.id, roomLabel: mine.roomLabel, communityName: mine.communityName },
      // The caller's own record in full (their own data); housemates as the caller may see them.
      members: mine.members.map((m) => (own && m.id === own.id ? { ...m, phone: own.phone, idNumber: own.idNumber } : m)),
      notes: notes.map((n) => ({ text: n.text, at: n.createdAt.toISOString() })),
      tickets: tickets.map((t) => ({
        code: t.code,
        category: t.category?.name ?? t.categoryCode,
        description: t.description,
        status: t.status,
        createdAt: t.createdAt.toISOString(),
        events: events.filter((e) => e.ticketId === t.id).map((e) => ({ action: e.action, status: e.toStatus, note: e.note, at: e.at.toISOString() })),
      })),
      notifications: notifications.map((n) => ({ title: n.title, body: n.body, at: n.createdAt.toISOString() })),
      documents: checklist.documents.filter((d) => d.onFile).map((d) => ({ label: d.label, recordedAt: d.recordedAt ?? '' })),
      // A tenant sees only themself on the household; the household's history names the others.
      timeline: mine.myRole === MemberRole.Tenant ? [] : await this.timeline.all(mine.id),
    };
  }

  /** Buildings the caller works in: an assistant's own, a supervisor's community's. */
  async buildingsOf(user: AuthUser): Promise<BuildingDto[]> {
    const rows =
      user.role === Role.Assistant
        ? await this.buildings.find({ where: { id: In(await this.org.buildingsServedBy(user.id)) }, order: { sortOrder: 'ASC' } })
        : await this.buildings.find({ where: user.role === Role.Admin ? await this.adminBuildings(user) : { communityId: user.communityId ?? '-' }, order: { sortOrder: 'ASC' } });
    return rows.map((b) => ({ id: b.id, name: b.name }));
  }

  async roomsOf(user: AuthUser, buildingId: string): Promise<RoomSummaryDto[]> {
    const building = await this.buildings.findOne({ where: { id: buildingId } });
    if (!building || !(await this.access.mayWorkIn(user, building))) throw new AppException(ErrorCode.NOT_FOUND);
    // Natural order (101, 102, 201 … 1001), not the database's text order (1001 before 101).
    const byNumber = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });
    const rooms = (await this.rooms.find({ where: { buildingId } })).sort((a, b) => byNumber(a.unit, b.unit) || byNumber(a.number, b.number));
    const households = await this.households.find({ where: { roomId: In(rooms.map((r) => r.id)) } });
    const householdIds = households.map((h) => h.id);
    const memberCounts = new Map<string, number>();
    for (const m of householdIds.length ? await this.members.find({ where: { householdId: In(householdIds), removedAt: IsNull() }, select: { householdId: true } }) : []) {
      memberCounts.set(m.householdId, (memberCounts.get(m.householdId) ?? 0) + 1);
    }
    const openCounts = new Map<string, number>();
    for (const t of householdIds.length ? await this.tickets.find({ where: { householdId: In(householdIds), status: In([...OPEN_STATUSES]) }, select: { householdId: true } }) : []) {
      openCounts.set(t.householdId, (openCounts.get(t.householdId) ?? 0) + 1);
    }
    return rooms.map((r) => {
      const h = households.find((x) => x.roomId === r.id);
      return { roomId: r.id, label: r.label, householdId: h?.id ?? null, memberCount: h ? (memberCounts.get(h.id) ?? 0) : 0, openTickets: h ? (openCounts.get(h.id) ?? 0) : 0 };
    });
  }

  /** The household file, with notes; every reading is written to the audit supervisors see. */
  async file(user: AuthUser, householdId: string): Promise<HouseholdFileDto> {
    const { place, buildingName } = await this.access.staff(user, householdId);
    const now = this.clock.now();
    await this.reads.insert({ id: randomUUID(), householdId, readerId: user.id, at: now });
    const [members, notes, tickets, history, pendingOfficeApprovals, pendingMoveIns] = await Promise.all([
      this.members.find({ where: { householdId, removedAt: IsNull() } }).then((rows) => rows.sort(byRole)),
      this.notes.find({ where: { householdId }, relations: { author: true }, order: { createdAt: 'DESC' } }),
      this.tickets.find({ where: { householdId }, relations: { category: true }, order: { createdAt: 'DESC' }, take: 20 }),
      this.memberEvents.find({ where: { householdId }, order: { at: 'DESC' }, take: HISTORY_LIMIT }),
      this.joinRequests.count({ where: { householdId, status: PENDING, needsOffice: true, officeApprovedAt: IsNull() } }),
      this.moveIns.count({ where: { householdId, status: MoveInStatus.Pending } }),
    ]);
    const passes = await this.residencePasses(members);
    const reach = await this.outbox.reachOf(members.flatMap((m) => (m.userId ? [m.userId] : [])));
    const [checklist, review, timeline] = await Promise.all([this.records.checklist(householdId), this.records.reviewState(householdId), this.timeline.page(householdId, { cursor: null, limit: PAGE_SIZE.default })]);
    return {
      id: householdId,
      roomLabel: place.roomLabel,
      buildingName,
      members: members.map((m) => present(m, user, passes, reach)),
      notes: notes.map((n) => ({ id: n.id, text: n.text, authorName: n.author?.name ?? '', at: n.createdAt.toISOString() })),
      tickets: tickets.map((t) => ({ id: t.id, code: t.code, categoryName: t.category?.name ?? t.categoryCode, status: t.status, createdAt: t.createdAt.toISOString() })),
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

  /** The residence pass numbers issued to these members at move-in registration, by member id. */
  private async residencePasses(members: HouseholdMember[]): Promise<Map<string, string>> {
    if (members.length === 0) return new Map();
    const rows = await this.moveInPeople.find({ where: { memberId: In(members.map((m) => m.id)), residencePass: Not(IsNull()) }, select: { memberId: true, residencePass: true } });
    return new Map(rows.map((r) => [r.memberId!, r.residencePass!]));
  }

  async addNote(user: AuthUser, householdId: string, text: string): Promise<void> {
    await this.access.staff(user, householdId);
    await this.notes.insert({ id: randomUUID(), householdId, authorId: user.id, text: text.trim(), createdAt: this.clock.now() });
  }

  async addMember(user: AuthUser, householdId: string, req: AddMemberRequest): Promise<HouseholdMemberDto> {
    await this.access.staff(user, householdId);
    const problems: { field: string; message: string }[] = [];
    if (req.phone && !isValidMobile(req.phone)) problems.push({ field: 'phone', message: '手机号格式不正确' });
    if (req.idNumber && !isValidResidentId(req.idNumber)) problems.push({ field: 'idNumber', message: '身份证号码不正确（请检查出生日期和校验位）' });
    if (problems.length > 0) throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, problems);
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
    return present(member, user, new Map());
  }

  /** Staff of the building: the next page of the household's timeline (the file carries the first). */
  async timelineOf(user: AuthUser, householdId: string, page: PageRequest): Promise<Page<TimelineEntryDto>> {
    await this.access.staff(user, householdId);
    return this.timeline.page(householdId, page);
  }

  /** Supervisors: who read this household's file, newest first. */
  async readsOf(user: AuthUser, householdId: string, page: PageRequest): Promise<Page<FileReadDto>> {
    await this.access.staff(user, householdId, [Role.Supervisor, Role.Admin]);
    return findPage(this.reads, { householdId }, page, (rows) => rows.map((r) => ({ readerName: r.reader?.name ?? '', readerRole: r.reader?.role ?? '', at: r.at.toISOString() })), {
      at: 'at',
      relations: { reader: true },
    });
  }

  /** Supervisors and admins: the latest reads of any household file in their reach, to spot reading without cause. */
  async readLog(user: AuthUser, page: PageRequest): Promise<Page<FileReadLogEntryDto>> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return emptyPage();
    const query = this.reads
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.reader', 'u')
      .innerJoinAndSelect('r.household', 'h')
      .innerJoinAndSelect('h.room', 'room')
      .innerJoinAndSelect('room.building', 'b')
      .where('b.id IN (:...buildingIds)', { buildingIds });
    if (page.cursor) query.andWhere(...cursorCondition('r', page.cursor, 'at'));
    const rows = await query.orderBy('r.at', 'DESC').addOrderBy('r.id', 'DESC').take(page.limit + 1).getMany();
    const { items, nextCursor } = cutPage(rows, page.limit, (r) => ({ at: r.at, id: r.id }));
    return { nextCursor, items: items.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      roomLabel: r.household?.room?.label ?? '',
      buildingName: r.household?.room?.building?.name ?? '',
      readerName: r.reader?.name ?? '',
      readerRole: r.reader?.role ?? '',
      at: r.at.toISOString(),
    })) };
  }

  /** An invitation code for a new member: issued by the building's staff, or by an owner of the household. */
  async invite(user: AuthUser, householdId: string, role: MemberRole): Promise<InviteDto> {
    if (user.role === Role.Resident) {
      const owner = await this.members.findOne({ where: { householdId, userId: user.id, role: MemberRole.Owner, removedAt: IsNull() } });
      if (!owner) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    } else {
      await this.access.staff(user, householdId);
    }
    const code = Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
    const expiresAt = new Date(this.clock.now().getTime() + INVITE_TTL_MS);
    await this.invites.insert({ code, householdId, role, createdById: user.id, expiresAt, usedById: null, usedAt: null });
    return { code, role, expiresAt: expiresAt.toISOString() };
  }

  /** A WeChat user binds to the household of an invitation code (once; the code is then spent). */
  async join(user: AuthUser, code: string, name: string): Promise<MyHouseholdDto> {
    if (user.role !== Role.Resident) throw new AppException(ErrorCode.FORBIDDEN);
    if (user.householdId) throw new AppException(ErrorCode.HOUSEHOLD_ALREADY_BOUND);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      // Spend the code first, conditionally: two people racing for one code, one wins.
      const spent = await db
        .createQueryBuilder()
        .update(HouseholdInvite)
        .set({ usedById: user.id, usedAt: now })
        .where('code = :code AND usedById IS NULL AND expiresAt > :now', { code: code.trim().toUpperCase(), now })
        .execute();
      if (spent.affected !== 1) throw new AppException(ErrorCode.HOUSEHOLD_INVITE_INVALID);
      const invite = await db.findOneOrFail(HouseholdInvite, { where: { code: code.trim().toUpperCase() } });
      const household = await db.findOneOrFail(Household, { where: { id: invite.householdId }, relations: { room: { building: true } } });
      await db.update(User, { id: user.id }, { householdId: invite.householdId, communityId: household.room?.building?.communityId ?? null });
      const memberId = randomUUID();
      await db.insert(HouseholdMember, {
        id: memberId,
        householdId: invite.householdId,
        name: name.trim(),
        role: invite.role,
        relationship: null,
        phone: null,
        idNumber: null,
        moveInDate: null,
        userId: user.id,
        createdAt: now,
        removedAt: null,
        removedById: null,
      });
      // The membership history shows invitation joins too (the invitation's issuer consented).
      await db.insert(HouseholdMemberEvent, {
        id: randomUUID(),
        householdId: invite.householdId,
        requestId: null,
        memberId,
        action: 'joined',
        actingAs: null,
        actorId: user.id,
        actorName: name.trim().slice(0, 50),
        subjectName: name.trim(),
        subjectRole: invite.role,
        note: '凭邀请码加入',
        at: now,
      });
    });
    return this.mine({ ...user, householdId: (await this.org.authUser(user.id))?.householdId ?? null });
  }

  /**
   * The resident shares their WeChat phone number (getPhoneNumber): it is saved, and when it matches
   * exactly one unbound member on a household file, the caller is bound to that household as that member.
   */
  async bindPhone(user: AuthUser, code: string): Promise<MyHouseholdDto> {
    if (user.role !== Role.Resident) throw new AppException(ErrorCode.FORBIDDEN);
    let answer = await this.wechat.phoneNumber(await this.tokens.get(), code);
    if ('errcode' in answer && (answer.errcode === 40001 || answer.errcode === 42001)) answer = await this.wechat.phoneNumber(await this.tokens.refresh(), code);
    if ('errcode' in answer) throw new AppException(answer.errcode === 40029 ? ErrorCode.PHONE_CODE_INVALID : ErrorCode.AUTH_WECHAT_UNAVAILABLE);
    const phone = answer.phone;
    const candidates = await this.members.find({ where: { phone, userId: IsNull(), removedAt: IsNull() } });
    const match = user.householdId ? candidates.find((m) => m.householdId === user.householdId) : candidates.length === 1 ? candidates[0] : undefined;
    await this.unitOfWork.run(async (db) => {
      await db.update(User, { id: user.id }, { phone });
      if (!match) return;
      // Linked only if still unlinked: two accounts racing for one member, one wins.
      const linked = await db.createQueryBuilder().update(HouseholdMember).set({ userId: user.id }).where('id = :id AND userId IS NULL', { id: match.id }).execute();
      if (linked.affected !== 1 || user.householdId) return;
      const household = await db.findOneOrFail(Household, { where: { id: match.householdId }, relations: { room: { building: true } } });
      await db.update(User, { id: user.id }, { householdId: match.householdId, communityId: household.room?.building?.communityId ?? null });
    });
    const bound = (await this.org.authUser(user.id))?.householdId ?? null;
    if (!bound) throw new AppException(ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND);
    return this.mine({ ...user, householdId: bound });
  }

  /** The buildings an admin works in: every one for the platform's admin, else those of their company's communities. */
  private async adminBuildings(user: AuthUser) {
    const reach = await this.reach.communityIds(user);
    return reach === 'all' ? {} : { communityId: In(reach) };
  }
}
