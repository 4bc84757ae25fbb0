import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { In, IsNull, Not, Repository } from 'typeorm';
import {
  MEMBER_ROLE_LABELS,
  CreateMoveOutRequest,
  ErrorCode,
  MemberRole,
  MoveOutDto,
  MoveOutScope,
  MoveOutStatus,
  OwnerAuthorisation,
  Role,
} from '@linli/contracts';
import {
  MOVE_OUT_WORKFLOW,
  MoveOutFact,
  MoveOutRelation,
  MoveOutStep,
  WorkflowFacts,
  decideStep,
  fromOf,
  isValidMobile,
  moveDateProblem,
  moveOutItemLines,
  moveOutNeedsOwnerAuthorisation,
  newSlipCode,
  releaseSlipTiming,
  releaseSlipWindow,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdMemberEvent } from '../households/entities/household-member-event.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { User } from '../org/entities/user.entity';
import { HouseholdAccess } from '../households/household-access';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { OrgDirectory } from '../org/org-directory.service';
import { MoveOut } from './entities/move-out.entity';
import { moveOutFacts, presentMoveOut, RELATIONS } from './move-out-view';

/** What the office still has to act on. */
const OFFICE_OPEN = [
  MoveOutStatus.AwaitingOwner,
  MoveOutStatus.Pending,
  MoveOutStatus.Approved,
  MoveOutStatus.Used,
];

/**
 * Moving belongings out (docs/domain-rules.md §4): the resident's application, the owner's authorisation for
 * anyone else, the office's check of the fees and approval with a release slip, the guard's single use
 * of the slip at the gate (VerifyReleaseSlip), and the deregistration of the people who left for good.
 */
@Injectable()
export class MoveOuts {
  constructor(
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: HouseholdNotices,
    private readonly access: HouseholdAccess,
  ) {}

  // ---- residents ----

  async create(user: AuthUser, req: CreateMoveOutRequest): Promise<MoveOutDto> {
    const member = await this.memberOf(user);
    const place = await this.org.householdPlace(member.householdId);
    if (!place) throw new AppException(ErrorCode.MOVE_OUT_NOT_A_MEMBER);
    const now = this.clock.now();
    const problems: { field: string; message: string }[] = [];
    const dateProblem = moveDateProblem(req.moveDate, now, this.config.moveOut);
    if (dateProblem)
      throw new AppException(ErrorCode.MOVE_OUT_DATE_INVALID, dateProblem, [
        { field: 'moveDate', message: dateProblem },
      ]);
    const items = moveOutItemLines(req.items);
    if (items.length === 0) problems.push({ field: 'items', message: '请至少填写一项主要物品' });
    if (items.join('\n').length > 1000)
      problems.push({ field: 'items', message: '主要物品清单太长，请精简到 1000 字以内' });
    if (!isValidMobile(req.carrierPhone))
      problems.push({ field: 'carrierPhone', message: '搬运人手机号格式不正确' });
    const plate = req.vehiclePlate?.trim().toUpperCase() || null;
    if (plate && plate.length < 5)
      problems.push({ field: 'vehiclePlate', message: '车牌号不完整' });
    if (problems.length) throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, problems);

    const self = !moveOutNeedsOwnerAuthorisation(member.role);
    const row: MoveOut = {
      id: randomUUID(),
      householdId: place.householdId,
      buildingId: place.buildingId,
      communityId: place.communityId,
      status: self ? MoveOutStatus.Pending : MoveOutStatus.AwaitingOwner,
      scope: req.scope,
      moveDate: req.moveDate,
      items: items.join('\n'),
      carrierName: req.carrierName.trim(),
      carrierPhone: req.carrierPhone.trim(),
      vehiclePlate: plate,
      applicantId: user.id,
      applicantName: member.name,
      applicantRole: member.role,
      createdAt: now,
      ownerAuthorisation: self ? OwnerAuthorisation.Self : null,
      ownerAuthorisedById: self ? user.id : null,
      ownerAuthorisedAt: self ? now : null,
      writtenAuthorisationNote: null,
      feesSettledById: null,
      feesSettledAt: null,
      decidedById: null,
      decidedAt: null,
      rejectReason: null,
      slipCode: null,
      slipValidUntil: null,
      usedById: null,
      usedByName: null,
      usedAt: null,
      deregisteredById: null,
      deregisteredAt: null,
    };
    await this.unitOfWork.run(async (db) => {
      await db.insert(MoveOut, row);
      // A tenant's or agent's application waits for the owner; the owner's own goes to the office.
      const what = `${row.applicantName}（${MEMBER_ROLE_LABELS[row.applicantRole]}）申请 ${row.moveDate} 从 ${place.roomLabel} 搬出物品`;
      if (self)
        await this.notices.tell(
          db,
          await this.notices.office(db, row.buildingId),
          '搬出申请待审批',
          what,
        );
      else
        await this.notices.tell(
          db,
          await this.notices.owners(db, row.householdId),
          '搬出申请待您授权',
          what,
        );
    });
    return this.get(user, row.id);
  }

  /** The household's applications: an owner sees all of them, anyone else their own. */
  async mine(user: AuthUser): Promise<MoveOutDto[]> {
    const member = await this.memberOf(user);
    const where =
      member.role === MemberRole.Owner
        ? { householdId: member.householdId }
        : { householdId: member.householdId, applicantId: user.id };
    const rows = await this.moveOuts.find({
      where,
      relations: RELATIONS,
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return Promise.all(rows.map((r) => this.present(r, user, member)));
  }

  /** The owner authorises (or refuses) a tenant's or an agent's application. */
  async ownerDecision(
    user: AuthUser,
    id: string,
    approve: boolean,
    reason?: string,
  ): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    const member = await this.memberOf(user);
    const step: MoveOutStep = approve ? 'ownerAuthorise' : 'ownerRefuse';
    this.check(row, step, moveOutFacts(row, user, member), {
      actor: new AppException(ErrorCode.MOVE_OUT_OWNER_ONLY),
    });
    const now = this.clock.now();
    const changes: Partial<MoveOut> = approve
      ? {
          status: MoveOutStatus.Pending,
          ownerAuthorisation: OwnerAuthorisation.Owner,
          ownerAuthorisedById: user.id,
          ownerAuthorisedAt: now,
        }
      : {
          status: MoveOutStatus.Rejected,
          decidedById: user.id,
          decidedAt: now,
          rejectReason: `业主未授权${reason?.trim() ? `：${reason.trim()}` : ''}`,
        };
    await this.transition(row.id, step, changes);
    if (approve)
      await this.notices.tellAfter(
        (db) => this.notices.office(db, row.buildingId),
        '搬出申请待审批',
        `业主已授权 ${row.applicantName} ${row.moveDate} 搬出物品`,
      );
    else
      await this.notices.tellAfter(
        async () => [row.applicantId],
        '搬出申请未获业主授权',
        changes.rejectReason ?? '',
      );
    return this.get(user, row.id);
  }

  /** The applicant (or the household's owner) withdraws an application whose slip has not been used. */
  async cancel(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    const member = await this.memberOf(user);
    this.check(row, 'cancel', moveOutFacts(row, user, member), {
      actor: new AppException(ErrorCode.MOVE_OUT_OWNER_ONLY),
    });
    await this.transition(row.id, 'cancel', { status: MoveOutStatus.Cancelled });
    return this.get(user, row.id);
  }

  // ---- the office ----

  /** Open applications of the caller's buildings or community; with a household, all of that household's. */
  async office(user: AuthUser, householdId?: string): Promise<MoveOutDto[]> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return [];
    const scope = { buildingId: In(buildingIds) };
    const rows = await this.moveOuts.find({
      where: householdId
        ? { ...scope, householdId }
        : { ...scope, status: In(OFFICE_OPEN), deregisteredAt: IsNull() },
      relations: RELATIONS,
      order: { moveDate: 'ASC', createdAt: 'ASC' },
      take: 200,
    });
    // Used slips stay on the list only while a whole move-out still has people to deregister.
    const open = householdId
      ? rows
      : rows.filter((r) => r.status !== MoveOutStatus.Used || r.scope === MoveOutScope.Whole);
    return Promise.all(open.map((r) => this.present(r, user)));
  }

  /** The office holds the owner's written authorisation (copy of the owner's ID, the owner's phone). */
  async recordWrittenAuthorisation(user: AuthUser, id: string, note: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    this.check(row, 'recordWrittenAuthorisation', moveOutFacts(row, user));
    await this.transition(row.id, 'recordWrittenAuthorisation', {
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Written,
      ownerAuthorisedById: user.id,
      ownerAuthorisedAt: this.clock.now(),
      writtenAuthorisationNote: note.trim(),
    });
    return this.get(user, row.id);
  }

  /** Staff record that management and utility fees are settled (required before a whole move-out is approved). */
  async markFeesSettled(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    const settledAlready = new AppException(ErrorCode.MOVE_OUT_STATE, '费用结清已登记');
    if (row.feesSettledAt) throw settledAlready;
    this.check(row, 'markFeesSettled', moveOutFacts(row, user), { condition: settledAlready });
    await this.transition(
      row.id,
      'markFeesSettled',
      { feesSettledById: user.id, feesSettledAt: this.clock.now() },
      { feesSettledAt: IsNull() },
    );
    return this.get(user, row.id);
  }

  /** Approve (a release slip is issued) or reject. */
  async decide(user: AuthUser, id: string, approve: boolean, reason?: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    if (row.status === MoveOutStatus.AwaitingOwner)
      throw new AppException(ErrorCode.MOVE_OUT_NEEDS_OWNER);
    this.check(row, approve ? 'approve' : 'reject', moveOutFacts(row, user), {
      condition: new AppException(ErrorCode.MOVE_OUT_FEES_UNSETTLED),
    });
    const now = this.clock.now();
    if (!approve) {
      if (!reason?.trim())
        throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明不批准的原因', [
          { field: 'reason', message: '请写明不批准的原因' },
        ]);
      await this.transition(row.id, 'reject', {
        status: MoveOutStatus.Rejected,
        decidedById: user.id,
        decidedAt: now,
        rejectReason: reason.trim(),
      });
      await this.notices.tellAfter(async () => [row.applicantId], '搬出申请未批准', reason.trim());
      return this.get(user, row.id);
    }
    const window = releaseSlipWindow(row.moveDate, this.config.moveOut.graceDays);
    if (releaseSlipTiming(now, window) === 'expired')
      throw new AppException(ErrorCode.MOVE_OUT_DATE_INVALID, '搬出日期已过，请住户重新申请');
    // A fresh code; on the rare clash with an existing one, another.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.transition(row.id, 'approve', {
          status: MoveOutStatus.Approved,
          decidedById: user.id,
          decidedAt: now,
          slipCode: newSlipCode(randomInt),
          slipValidUntil: window.until,
        });
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
    const slip = await this.moveOuts.findOneOrFail({
      where: { id: row.id },
      select: { id: true, slipCode: true },
    });
    await this.notices.tellAfter(
      async () => [row.applicantId],
      '放行条已出具',
      `放行码 ${slip.slipCode}，${row.moveDate} 搬出时请向门岗出示`,
    );
    return this.get(user, row.id);
  }

  /** After the slip was used: the members who left for good leave the file (kept with removedAt) and their WeChat accounts are unbound. */
  async deregister(user: AuthUser, id: string, memberIds: string[]): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    this.check(row, 'deregister', moveOutFacts(row, user), {
      state: new AppException(ErrorCode.MOVE_OUT_NOT_YET_USED),
      condition: new AppException(ErrorCode.MOVE_OUT_STATE, '迁出登记已办理'),
    });
    const ids = [...new Set(memberIds)];
    const leaving = await this.members.find({
      where: { id: In(ids), householdId: row.householdId, removedAt: IsNull() },
    });
    if (leaving.length !== ids.length)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '所选住户不在本户当前档案中', [
        { field: 'memberIds', message: '所选住户不在本户当前档案中' },
      ]);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const done = await db
        .createQueryBuilder()
        .update(MoveOut)
        .set({ deregisteredById: user.id, deregisteredAt: now })
        .where('id = :id AND status IN (:...from) AND deregisteredAt IS NULL', {
          id: row.id,
          from: fromOf(MOVE_OUT_WORKFLOW, 'deregister'),
        })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_OUT_STATE, '迁出登记已办理');
      await db.update(HouseholdMember, { id: In(ids) }, { removedAt: now, removedById: user.id });
      // The household's membership history shows who deregistered whom, as for an owner's removal.
      await insertRows(
        db,
        HouseholdMemberEvent,
        leaving.map((m) => ({
          id: randomUUID(),
          householdId: row.householdId,
          requestId: null,
          memberId: m.id,
          action: 'removed' as const,
          actingAs: 'office' as const,
          actorId: user.id,
          actorName: user.name.slice(0, 50),
          subjectName: m.name,
          subjectRole: m.role,
          note: '搬出后办理迁出登记',
          at: now,
        })),
      );
      const userIds = leaving.flatMap((m) => (m.userId ? [m.userId] : []));
      if (userIds.length)
        await db.update(
          User,
          { id: In(userIds), householdId: row.householdId },
          { householdId: null, communityId: null },
        );
    });
    return this.get(user, row.id);
  }

  // ---- shared ----

  async get(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.load(user, id);
    return this.present(
      row,
      user,
      user.role === Role.Resident ? await this.memberOf(user) : undefined,
    );
  }

  /** The caller's own current record on a household file (residents). */
  private async memberOf(user: AuthUser): Promise<HouseholdMember> {
    const member =
      user.role === Role.Resident && user.householdId
        ? await this.members.findOne({
            where: { householdId: user.householdId, userId: user.id, removedAt: IsNull() },
          })
        : null;
    if (!member) throw new AppException(ErrorCode.MOVE_OUT_NOT_A_MEMBER);
    return member;
  }

  /** The application, if the caller may see it: its household's owner or its applicant; the building's assistant; the community's supervisor; the admin. */
  private async load(user: AuthUser, id: string): Promise<MoveOut> {
    const row = await this.moveOuts.findOne({ where: { id }, relations: RELATIONS });
    if (!row || !(await this.maySee(user, row)))
      throw new AppException(ErrorCode.MOVE_OUT_NOT_FOUND);
    return row;
  }

  private async maySee(user: AuthUser, row: MoveOut): Promise<boolean> {
    switch (user.role) {
      case Role.Admin:
      case Role.Supervisor:
      case Role.Assistant:
        return this.access.mayWorkIn(user, { id: row.buildingId, communityId: row.communityId });
      case Role.Resident: {
        if (user.householdId !== row.householdId) return false;
        const member = await this.members.findOne({
          where: { householdId: row.householdId, userId: user.id, removedAt: IsNull() },
        });
        return member !== null && (member.role === MemberRole.Owner || row.applicantId === user.id);
      }
      default:
        return false;
    }
  }

  /** Refuses a step the workflow table does not allow now, with the step's own error for each reason. */
  private check(
    row: MoveOut,
    step: MoveOutStep,
    facts: WorkflowFacts<MoveOutRelation, MoveOutFact>,
    refusals: { actor?: AppException; state?: AppException; condition?: AppException } = {},
  ): void {
    const decision = decideStep(MOVE_OUT_WORKFLOW, row.status, step, facts);
    if (decision.allowed) return;
    if (decision.reason === 'actor') throw refusals.actor ?? new AppException(ErrorCode.FORBIDDEN);
    throw (
      (decision.reason === 'state' ? refusals.state : refusals.condition) ??
      new AppException(ErrorCode.MOVE_OUT_STATE)
    );
  }

  /** Take the step, only from the states the table starts it in (two clicks at once: one wins, the other is told). */
  private async transition(
    id: string,
    step: MoveOutStep,
    changes: Partial<MoveOut>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const done = await this.moveOuts.update(
      { id, status: In(fromOf(MOVE_OUT_WORKFLOW, step)), ...extra },
      changes,
    );
    if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_OUT_STATE);
  }

  private async present(
    row: MoveOut,
    viewer: AuthUser,
    member?: HouseholdMember,
  ): Promise<MoveOutDto> {
    const departed = row.deregisteredAt
      ? (
          await this.members.find({
            where: { householdId: row.householdId, removedAt: Not(IsNull()) },
          })
        )
          .filter((m) => m.removedAt?.getTime() === row.deregisteredAt!.getTime())
          .map((m) => m.name)
      : [];
    return presentMoveOut(row, viewer, member, departed);
  }
}
