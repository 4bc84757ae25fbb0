import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  MoveOutDto,
  MoveOutScope,
  MoveOutStatus,
  OwnerAuthorisation,
} from '@linli/contracts';
import {
  MOVE_OUT_WORKFLOW,
  fromOf,
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
import { MoveOut } from './entities/move-out.entity';
import { moveOutFacts, RELATIONS } from './move-out-view';
import { MoveOutRecords } from './move-out-records';

/** What the office still has to act on. */
const OFFICE_OPEN = [
  MoveOutStatus.AwaitingOwner,
  MoveOutStatus.Pending,
  MoveOutStatus.Approved,
  MoveOutStatus.Used,
];

/**
 * The office's side of a move-out (docs/domain-rules.md §4): the open list, the owner's written
 * authorisation, the fees check, approval with a release slip or rejection, and the deregistration of
 * the people who left for good.
 */
@Injectable()
export class MoveOutOffice {
  constructor(
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: HouseholdNotices,
    private readonly access: HouseholdAccess,
    private readonly records: MoveOutRecords,
  ) {}

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
    return Promise.all(open.map((r) => this.records.present(r, user)));
  }

  /** The office holds the owner's written authorisation (copy of the owner's ID, the owner's phone). */
  async recordWrittenAuthorisation(user: AuthUser, id: string, note: string): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    this.records.check(row, 'recordWrittenAuthorisation', moveOutFacts(row, user));
    await this.records.transition(row.id, 'recordWrittenAuthorisation', {
      status: MoveOutStatus.Pending,
      ownerAuthorisation: OwnerAuthorisation.Written,
      ownerAuthorisedById: user.id,
      ownerAuthorisedAt: this.clock.now(),
      writtenAuthorisationNote: note.trim(),
    });
    return this.records.get(user, row.id);
  }

  /** Staff record that management and utility fees are settled (required before a whole move-out is approved). */
  async markFeesSettled(user: AuthUser, id: string): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    const settledAlready = new AppException(ErrorCode.MOVE_OUT_STATE, '费用结清已登记');
    if (row.feesSettledAt) throw settledAlready;
    this.records.check(row, 'markFeesSettled', moveOutFacts(row, user), {
      condition: settledAlready,
    });
    await this.records.transition(
      row.id,
      'markFeesSettled',
      { feesSettledById: user.id, feesSettledAt: this.clock.now() },
      { feesSettledAt: IsNull() },
    );
    return this.records.get(user, row.id);
  }

  /** Approve (a release slip is issued) or reject. */
  async decide(user: AuthUser, id: string, approve: boolean, reason?: string): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    if (row.status === MoveOutStatus.AwaitingOwner)
      throw new AppException(ErrorCode.MOVE_OUT_NEEDS_OWNER);
    this.records.check(row, approve ? 'approve' : 'reject', moveOutFacts(row, user), {
      condition: new AppException(ErrorCode.MOVE_OUT_FEES_UNSETTLED),
    });
    const now = this.clock.now();
    if (!approve) {
      if (!reason?.trim())
        throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明不批准的原因', [
          { field: 'reason', message: '请写明不批准的原因' },
        ]);
      await this.records.transition(row.id, 'reject', {
        status: MoveOutStatus.Rejected,
        decidedById: user.id,
        decidedAt: now,
        rejectReason: reason.trim(),
      });
      await this.notices.tellAfter(async () => [row.applicantId], '搬出申请未批准', reason.trim());
      return this.records.get(user, row.id);
    }
    const window = releaseSlipWindow(row.moveDate, this.config.moveOut.graceDays);
    if (releaseSlipTiming(now, window) === 'expired')
      throw new AppException(ErrorCode.MOVE_OUT_DATE_INVALID, '搬出日期已过，请住户重新申请');
    // A fresh code; on the rare clash with an existing one, another.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.records.transition(row.id, 'approve', {
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
    return this.records.get(user, row.id);
  }

  /** After the slip was used: the members who left for good leave the file (kept with removedAt) and their WeChat accounts are unbound. */
  async deregister(user: AuthUser, id: string, memberIds: string[]): Promise<MoveOutDto> {
    const row = await this.records.load(user, id);
    this.records.check(row, 'deregister', moveOutFacts(row, user), {
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
    return this.records.get(user, row.id);
  }
}
