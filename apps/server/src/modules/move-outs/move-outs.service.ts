import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  MEMBER_ROLE_LABELS,
  CreateMoveOutRequest,
  ErrorCode,
  MemberRole,
  MoveOutDto,
  MoveOutStatus,
  OwnerAuthorisation,
} from '@linli/contracts';
import {
  MoveOutStep,
  isValidMobile,
  moveDateProblem,
  moveOutItemLines,
  moveOutNeedsOwnerAuthorisation,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { OrgDirectory } from '../org/org-directory.service';
import { MoveOut } from './entities/move-out.entity';
import { moveOutFacts, RELATIONS } from './move-out-view';
import { MoveOutRecords } from './move-out-records';

/**
 * Moving belongings out (docs/domain-rules.md §4): the resident's application, the owner's authorisation for
 * anyone else, the office's check of the fees and approval with a release slip, the guard's single use
 * of the slip at the gate (VerifyReleaseSlip), and the deregistration of the people who left for good.
 */
@Injectable()
export class MoveOuts {
  constructor(
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: HouseholdNotices,
    private readonly records: MoveOutRecords,
  ) {}

  async create(user: AuthUser, req: CreateMoveOutRequest): Promise<MoveOutDto> {
    const member = await this.records.memberOf(user);
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
    return this.records.get(user, row.id);
  }

  /** The household's applications: an owner sees all of them, anyone else their own. */
  async mine(user: AuthUser): Promise<MoveOutDto[]> {
    const member = await this.records.memberOf(user);
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
    return Promise.all(rows.map((r) => this.records.present(r, user, member)));
  }

  /** The owner authorises (or refuses) a tenant's or an agent's application. */
  async ownerDecision(
    user: AuthUser,
    id: string,
    approve: boolean,
    reason?: string,
  ): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    const member = await this.records.memberOf(user);
    const step: MoveOutStep = approve ? 'ownerAuthorise' : 'ownerRefuse';
    this.records.check(row, step, moveOutFacts(row, user, member), {
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
    await this.records.transition(row.id, step, changes);
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
    return this.records.get(user, row.id);
  }

  /** The applicant (or the household's owner) withdraws an application whose slip has not been used. */
  async cancel(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    const member = await this.records.memberOf(user);
    this.records.check(row, 'cancel', moveOutFacts(row, user, member), {
      actor: new AppException(ErrorCode.MOVE_OUT_OWNER_ONLY),
    });
    await this.records.transition(row.id, 'cancel', { status: MoveOutStatus.Cancelled });
    return this.records.get(user, row.id);
  }

  get(user: AuthUser, id: string): Promise<MoveOutDto> {
    return this.records.get(user, id);
  }
}
