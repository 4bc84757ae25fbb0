import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import {
  CreateJoinRequest,
  ErrorCode,
  JoinApprover,
  JoinRequestDto,
  MEMBER_ROLE_LABELS,
  MemberRole,
  Role,
  STAFF_ROLES,
} from '@linli/contracts';
import {
  JOIN_REQUEST_COMPLETES,
  JOIN_REQUEST_WORKFLOW,
  JoinRequestStep,
  fromOf,
  isValidMobile,
  joinApprovers,
  joinRequestCapacity,
  maskPhone,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { OrgDirectory } from '../org/org-directory.service';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdAccess } from './household-access';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { PENDING } from './membership-history';
import { ownedHouseholds, RoomFiles } from './room-files';

/**
 * Joining a household from WeChat (issue #4): a signed-in resident asks to join a room; an owner of the
 * household and/or the office approve as joinApprovers(role) requires; on the last approval the
 * requester becomes a member (bound, and active if they had no room yet). Every step goes to the
 * household's membership history. Removing members and switching rooms: MemberRooms.
 */
@Injectable()
export class JoinRequests {
  constructor(
    @InjectRepository(HouseholdJoinRequest)
    private readonly requests: Repository<HouseholdJoinRequest>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly roomFiles: RoomFiles,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly notices: HouseholdNotices,
    private readonly access: HouseholdAccess,
  ) {}

  // ---- the request ----

  async create(user: AuthUser, req: CreateJoinRequest): Promise<JoinRequestDto> {
    if (!isValidMobile(req.phone))
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'phone', message: '手机号格式不正确' },
      ]);
    const { room, building, household } = await this.roomFiles.resolve(req);
    const already = await this.members.findOne({
      where: { householdId: household.id, userId: user.id, removedAt: IsNull() },
    });
    if (already || user.householdId === household.id)
      throw new AppException(ErrorCode.JOIN_REQUEST_ALREADY_MEMBER);
    if (
      await this.requests.findOne({
        where: { householdId: household.id, userId: user.id, status: PENDING },
      })
    )
      throw new AppException(ErrorCode.JOIN_REQUEST_DUPLICATE);
    const approvers = joinApprovers(req.role);
    const now = this.clock.now();
    const request: HouseholdJoinRequest = {
      id: randomUUID(),
      householdId: household.id,
      buildingId: building.id,
      communityId: building.communityId,
      userId: user.id,
      name: req.name.trim(),
      phone: req.phone.trim(),
      role: req.role,
      relationship: req.relationship?.trim() || null,
      status: PENDING,
      needsOwner: approvers.includes('owner'),
      needsOffice: approvers.includes('office'),
      ownerApprovedById: null,
      ownerApprovedAt: null,
      officeApprovedById: null,
      officeApprovedAt: null,
      decidedById: null,
      decidedAt: null,
      rejectReason: null,
      memberId: null,
      createdAt: now,
    };
    const roomLabel = room.label;
    await this.unitOfWork.run(async (db) => {
      await db.insert(HouseholdJoinRequest, request);
      await this.record(db, request, {
        action: 'requested',
        as: null,
        actor: user,
        actorName: request.name,
        at: now,
      });
      // The owner decides first; without an owner on WeChat (or for the office's step) the building's assistants.
      const owners = request.needsOwner ? await this.notices.owners(db, household.id) : [];
      const who = owners.length ? owners : await this.notices.office(db, building.id);
      await this.notices.tell(
        db,
        who,
        owners.length ? '入住申请待您审批' : '入住申请待物业审核',
        `${request.name}（${MEMBER_ROLE_LABELS[request.role]}）申请加入 ${roomLabel}`,
      );
    });
    return this.present(user, await this.load(request.id));
  }

  /** The caller's own requests, newest first. */
  async mine(user: AuthUser): Promise<JoinRequestDto[]> {
    const rows = await this.requests.find({
      where: { userId: user.id },
      relations: this.relations,
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return Promise.all(rows.map((r) => this.present(user, r)));
  }

  /** Requests waiting for the caller: an owner's for their households, the office's for their buildings or community. */
  async pending(user: AuthUser): Promise<JoinRequestDto[]> {
    let rows: HouseholdJoinRequest[];
    if (user.role === Role.Resident) {
      const owned = await ownedHouseholds(this.members, user.id);
      rows = owned.length
        ? await this.requests.find({
            where: { householdId: In(owned), status: PENDING },
            relations: this.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else if (user.role === Role.Assistant) {
      const served = await this.org.buildingsServedBy(user.id);
      rows = served.length
        ? await this.requests.find({
            where: { buildingId: In(served), status: PENDING },
            relations: this.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else if (user.role === Role.Supervisor) {
      rows = user.communityId
        ? await this.requests.find({
            where: { communityId: user.communityId, status: PENDING },
            relations: this.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else {
      // An admin: the platform's, every community; a company's, its company's communities.
      const reach = await this.org.communitiesOfAdmin(user);
      rows = await this.requests.find({
        where: reach === 'all' ? { status: PENDING } : { communityId: In(reach), status: PENDING },
        relations: this.relations,
        order: { createdAt: 'ASC' },
      });
    }
    const shown = await Promise.all(rows.map((r) => this.present(user, r)));
    return shown.filter((r) => r.canDecideAs !== null);
  }

  async approve(user: AuthUser, id: string): Promise<JoinRequestDto> {
    const request = await this.visible(user, id);
    const as = await this.capacity(user, request);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const [byColumn, atColumn] =
        as === 'owner'
          ? ['ownerApprovedById', 'ownerApprovedAt']
          : ['officeApprovedById', 'officeApprovedAt'];
      // Conditional, so two approvers racing (or one tapping twice) record one approval each, once.
      const given = await db
        .createQueryBuilder()
        .update(HouseholdJoinRequest)
        .set({ [byColumn]: user.id, [atColumn]: now })
        .where(`id = :id AND status IN (:...from) AND ${atColumn} IS NULL`, {
          id,
          from: fromOf(
            JOIN_REQUEST_WORKFLOW,
            as === 'owner' ? 'approveAsOwner' : 'approveAsOffice',
          ),
        })
        .execute();
      if (given.affected !== 1) throw new AppException(ErrorCode.JOIN_REQUEST_DECIDED);
      await this.record(db, request, {
        action: 'approved',
        as,
        actor: user,
        actorName: user.name,
        at: now,
        note: this.onBehalfNote(user, as),
      });
      // Whoever gives the last approval completes it: the row's own state decides, not what was read before.
      const complete = await db
        .createQueryBuilder()
        .update(HouseholdJoinRequest)
        .set({ status: JOIN_REQUEST_COMPLETES.to, decidedAt: now })
        .where(
          'id = :id AND status IN (:...from) AND (needsOwner = 0 OR ownerApprovedAt IS NOT NULL) AND (needsOffice = 0 OR officeApprovedAt IS NOT NULL)',
          { id, from: JOIN_REQUEST_COMPLETES.from },
        )
        .execute();
      if (complete.affected === 1) {
        await this.admit(db, request, now);
        await this.notices.tell(
          db,
          [request.userId],
          '入住申请已通过',
          `您已加入 ${roomOf(request)}，可以在“我的房屋”查看`,
        );
      } else if (as === 'owner' && request.needsOffice) {
        await this.notices.tell(
          db,
          await this.notices.office(db, request.buildingId),
          '入住申请待物业审核',
          `业主已同意 ${request.name}（${MEMBER_ROLE_LABELS[request.role]}）加入 ${roomOf(request)}`,
        );
      }
    });
    return this.present(user, await this.load(id));
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<JoinRequestDto> {
    const request = await this.visible(user, id);
    const as = await this.capacity(user, request);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const done = await db
        .createQueryBuilder()
        .update(HouseholdJoinRequest)
        .set({
          status: 'rejected',
          decidedById: user.id,
          decidedAt: now,
          rejectReason: reason.trim(),
        })
        .where('id = :id AND status IN (:...from)', {
          id,
          from: fromOf(JOIN_REQUEST_WORKFLOW, as === 'owner' ? 'rejectAsOwner' : 'rejectAsOffice'),
        })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.JOIN_REQUEST_DECIDED);
      await this.record(db, request, {
        action: 'rejected',
        as,
        actor: user,
        actorName: user.name,
        at: now,
        note: reason.trim(),
      });
      await this.notices.tell(
        db,
        [request.userId],
        '入住申请未通过',
        `${roomOf(request)}：${reason.trim()}`,
      );
    });
    return this.present(user, await this.load(id));
  }

  /** The requester withdraws a request still pending. */
  async cancel(user: AuthUser, id: string): Promise<JoinRequestDto> {
    const request = await this.requests.findOne({ where: { id, userId: user.id } });
    if (!request) throw new AppException(ErrorCode.JOIN_REQUEST_NOT_FOUND);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const done = await db
        .createQueryBuilder()
        .update(HouseholdJoinRequest)
        .set({ status: 'cancelled', decidedById: user.id, decidedAt: now })
        .where('id = :id AND status IN (:...from)', {
          id,
          from: fromOf(JOIN_REQUEST_WORKFLOW, 'cancel' satisfies JoinRequestStep),
        })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.JOIN_REQUEST_DECIDED);
      await this.record(db, request, {
        action: 'cancelled',
        as: null,
        actor: user,
        actorName: request.name,
        at: now,
      });
    });
    return this.present(user, await this.load(id));
  }

  // ---- internals ----

  private readonly relations = {
    household: { room: { building: { community: true } } },
    ownerApprovedBy: true,
    officeApprovedBy: true,
    decidedBy: true,
  } as const;

  private load(id: string): Promise<HouseholdJoinRequest> {
    return this.requests.findOneOrFail({ where: { id }, relations: this.relations });
  }

  private async hasBoundOwner(householdId: string): Promise<boolean> {
    const owners = await this.members.find({
      where: { householdId, role: MemberRole.Owner, removedAt: IsNull() },
    });
    return owners.some((o) => o.userId !== null);
  }

  /** Whom the request concerns: the requester, an owner of the household, the office of its building. Others: not found. */
  private async visible(user: AuthUser, id: string): Promise<HouseholdJoinRequest> {
    const request = await this.requests.findOne({
      where: { id },
      relations: { household: { room: true } },
    });
    if (!request) throw new AppException(ErrorCode.JOIN_REQUEST_NOT_FOUND);
    const sees =
      request.userId === user.id ||
      (user.role === Role.Resident
        ? (await ownedHouseholds(this.members, user.id)).includes(request.householdId)
        : STAFF_ROLES.includes(user.role) &&
          (await this.access.mayWorkIn(user, {
            id: request.buildingId,
            communityId: request.communityId,
          })));
    if (!sees) throw new AppException(ErrorCode.JOIN_REQUEST_NOT_FOUND);
    return request;
  }

  /**
   * The capacity in which the caller may approve or reject now, or null. An owner of the household approves
   * as owner; the building's office as office, and also for the owner when no owner of the household uses
   * the mini-program (the office then holds the owner's written consent, docs/domain-rules.md §4).
   */
  private async decidesAs(user: AuthUser, r: HouseholdJoinRequest): Promise<JoinApprover | null> {
    if (r.status !== PENDING || r.userId === user.id) return null;
    const ownerStepOpen = r.needsOwner && r.ownerApprovedAt === null;
    const officeStepOpen = r.needsOffice && r.officeApprovedAt === null;
    const resident = user.role === Role.Resident;
    const householdOwner =
      resident &&
      ownerStepOpen &&
      (await ownedHouseholds(this.members, user.id)).includes(r.householdId);
    const office =
      !resident &&
      (await this.access.mayWorkIn(user, { id: r.buildingId, communityId: r.communityId }));
    // Only looked up when it could matter: the office steps in for owners who do not use the mini-program.
    const officeForOwner =
      office && !officeStepOpen && ownerStepOpen && !(await this.hasBoundOwner(r.householdId));
    return joinRequestCapacity(r.status, {
      householdOwner,
      office,
      officeForOwner,
      ownerStepOpen,
      officeStepOpen,
    });
  }

  private async capacity(user: AuthUser, r: HouseholdJoinRequest): Promise<JoinApprover> {
    const as = await this.decidesAs(user, r);
    if (as) return as;
    // The requester, or someone whose step is done or not theirs.
    throw new AppException(
      r.status !== PENDING
        ? ErrorCode.JOIN_REQUEST_DECIDED
        : r.userId === user.id
          ? ErrorCode.FORBIDDEN
          : ErrorCode.JOIN_REQUEST_DECIDED,
    );
  }

  private onBehalfNote(user: AuthUser, as: JoinApprover): string | null {
    return as === 'owner' && user.role !== Role.Resident
      ? '业主未使用小程序，由物业核实业主书面同意后代为确认'
      : null;
  }

  /** On the last approval: a member row linked to the requester (an unbound one with their phone, if on file), bound if they had no room. */
  private async admit(db: EntityManager, r: HouseholdJoinRequest, now: Date): Promise<void> {
    const existing =
      (await db.findOne(HouseholdMember, {
        where: { householdId: r.householdId, userId: r.userId, removedAt: IsNull() },
      })) ??
      (await db.findOne(HouseholdMember, {
        where: {
          householdId: r.householdId,
          phone: r.phone,
          userId: IsNull(),
          removedAt: IsNull(),
        },
      }));
    let memberId: string;
    if (existing) {
      memberId = existing.id;
      if (existing.userId === null)
        await db.update(HouseholdMember, { id: existing.id }, { userId: r.userId });
    } else {
      memberId = randomUUID();
      await db.insert(HouseholdMember, {
        id: memberId,
        householdId: r.householdId,
        name: r.name,
        role: r.role,
        relationship: r.relationship,
        phone: r.phone,
        idNumber: null,
        moveInDate: null,
        userId: r.userId,
        createdAt: now,
        removedAt: null,
        removedById: null,
      });
    }
    await db.update(HouseholdJoinRequest, { id: r.id }, { memberId });
    await db
      .createQueryBuilder()
      .update(User)
      .set({ householdId: r.householdId, communityId: r.communityId })
      .where('id = :id AND householdId IS NULL', { id: r.userId })
      .execute();
    await this.record(
      db,
      { ...r, memberId },
      { action: 'joined', as: null, actor: null, actorName: null, at: now, memberId },
    );
  }

  private async record(
    db: EntityManager,
    r: Pick<HouseholdJoinRequest, 'id' | 'householdId' | 'name' | 'role'> & {
      memberId?: string | null;
    },
    e: {
      action: HouseholdMemberEvent['action'];
      as: JoinApprover | null;
      actor: AuthUser | null;
      actorName: string | null;
      at: Date;
      note?: string | null;
      memberId?: string;
    },
  ): Promise<void> {
    await db.insert(HouseholdMemberEvent, {
      id: randomUUID(),
      householdId: r.householdId,
      requestId: r.id,
      memberId: e.memberId ?? r.memberId ?? null,
      action: e.action,
      actingAs: e.as,
      actorId: e.actor?.id ?? null,
      actorName: e.actorName?.slice(0, 50) ?? null,
      subjectName: r.name,
      subjectRole: r.role,
      note: e.note ?? null,
      at: e.at,
    });
  }

  private async present(viewer: AuthUser, r: HouseholdJoinRequest): Promise<JoinRequestDto> {
    const room = r.household?.room;
    const approvers: JoinApprover[] = [
      ...(r.needsOwner ? (['owner'] as const) : []),
      ...(r.needsOffice ? (['office'] as const) : []),
    ];
    const approvals = [
      ...(r.ownerApprovedAt
        ? [
            {
              as: 'owner' as const,
              byName: r.ownerApprovedBy?.name ?? '',
              at: r.ownerApprovedAt.toISOString(),
            },
          ]
        : []),
      ...(r.officeApprovedAt
        ? [
            {
              as: 'office' as const,
              byName: r.officeApprovedBy?.name ?? '',
              at: r.officeApprovedAt.toISOString(),
            },
          ]
        : []),
    ];
    const ownerOnly = viewer.role === Role.Resident && viewer.id !== r.userId;
    return {
      id: r.id,
      householdId: r.householdId,
      roomLabel: room?.label ?? '',
      communityName: room?.building?.community?.name ?? '',
      name: r.name,
      phone: ownerOnly ? maskPhone(r.phone) : r.phone,
      role: r.role,
      relationship: r.relationship,
      status: r.status,
      approvers,
      approvals,
      waitingFor:
        r.status === PENDING ? approvers.filter((a) => !approvals.some((g) => g.as === a)) : [],
      canDecideAs: await this.decidesAs(viewer, r),
      rejectedByName: r.status === 'rejected' ? (r.decidedBy?.name ?? null) : null,
      rejectReason: r.rejectReason,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  }
}

/** The room a request is for, as loaded with its household (visible() loads the relations). */
function roomOf(r: HouseholdJoinRequest): string {
  return r.household?.room?.label ?? '房屋';
}
