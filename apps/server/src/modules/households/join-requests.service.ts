import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import {
  CreateJoinRequest,
  ErrorCode,
  JoinRequestDto,
  MEMBER_ROLE_LABELS,
  Role,
} from '@linli/contracts';
import {
  JOIN_REQUEST_COMPLETES,
  JOIN_REQUEST_WORKFLOW,
  JoinRequestStep,
  fromOf,
  isValidMobile,
  joinApprovers,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { OrgDirectory } from '../org/org-directory.service';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { JoinRequestReads } from './join-request-reads';
import { admitRequester, onBehalfNote, recordJoinStep, roomOf } from './join-request-records';
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
    private readonly reads: JoinRequestReads,
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
      await recordJoinStep(db, request, {
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
    return this.reads.present(user, await this.reads.load(request.id));
  }

  /** The caller's own requests, newest first. */
  async mine(user: AuthUser): Promise<JoinRequestDto[]> {
    const rows = await this.requests.find({
      where: { userId: user.id },
      relations: this.reads.relations,
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return Promise.all(rows.map((r) => this.reads.present(user, r)));
  }

  /** Requests waiting for the caller: an owner's for their households, the office's for their buildings or community. */
  async pending(user: AuthUser): Promise<JoinRequestDto[]> {
    let rows: HouseholdJoinRequest[];
    if (user.role === Role.Resident) {
      const owned = await ownedHouseholds(this.members, user.id);
      rows = owned.length
        ? await this.requests.find({
            where: { householdId: In(owned), status: PENDING },
            relations: this.reads.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else if (user.role === Role.Assistant) {
      const served = await this.org.buildingsServedBy(user.id);
      rows = served.length
        ? await this.requests.find({
            where: { buildingId: In(served), status: PENDING },
            relations: this.reads.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else if (user.role === Role.Supervisor) {
      rows = user.communityId
        ? await this.requests.find({
            where: { communityId: user.communityId, status: PENDING },
            relations: this.reads.relations,
            order: { createdAt: 'ASC' },
          })
        : [];
    } else {
      // An admin: the platform's, every community; a company's, its company's communities.
      const reach = await this.org.communitiesOfAdmin(user);
      rows = await this.requests.find({
        where: reach === 'all' ? { status: PENDING } : { communityId: In(reach), status: PENDING },
        relations: this.reads.relations,
        order: { createdAt: 'ASC' },
      });
    }
    const shown = await Promise.all(rows.map((r) => this.reads.present(user, r)));
    return shown.filter((r) => r.canDecideAs !== null);
  }

  async approve(user: AuthUser, id: string): Promise<JoinRequestDto> {
    const request = await this.reads.visible(user, id);
    const as = await this.reads.capacity(user, request);
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
      await recordJoinStep(db, request, {
        action: 'approved',
        as,
        actor: user,
        actorName: user.name,
        at: now,
        note: onBehalfNote(user, as),
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
        await admitRequester(db, request, now);
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
    return this.reads.present(user, await this.reads.load(id));
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<JoinRequestDto> {
    const request = await this.reads.visible(user, id);
    const as = await this.reads.capacity(user, request);
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
      await recordJoinStep(db, request, {
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
    return this.reads.present(user, await this.reads.load(id));
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
      await recordJoinStep(db, request, {
        action: 'cancelled',
        as: null,
        actor: user,
        actorName: request.name,
        at: now,
      });
    });
    return this.reads.present(user, await this.reads.load(id));
  }
}
