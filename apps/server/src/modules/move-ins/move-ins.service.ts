import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  MEMBER_ROLE_LABELS,
  MemberRole,
  MOVE_IN_MISSING_LABELS,
  MoveInDto,
  MoveInOwnerConsent,
  MoveInPaper,
  MoveInStatus,
} from '@linli/contracts';
import {
  MOVE_IN_WORKFLOW,
  MoveInStep,
  fromOf,
  missingForMoveIn,
  moveInPapersFor,
  newResidencePassCode,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdMemberEvent } from '../households/entities/household-member-event.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdAccess } from '../households/household-access';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { MoveInPerson } from './entities/move-in-person.entity';
import { MoveIn } from './entities/move-in.entity';
import {
  checkStep,
  consentsOf,
  Field,
  moveInFacts,
  MoveInRecords,
  papersOf,
  RELATIONS,
} from './move-in-records';

/**
 * Move-in registration (入住登记, docs/domain-rules.md §3–§4): a member registers the people moving into their room
 * (or the office does at the counter); the office checks each person's papers, the owner consents for
 * family and tenants (in the mini-program, or in writing to the office) and in writing for relatives;
 * the office then approves — the people join the household file and each gets a residence pass — or
 * rejects with the reason. What is still missing is missingForMoveIn's answer, never re-decided here.
 * Registering is RegisterMoveIn; reading and presenting a registration, MoveInRecords.
 */
@Injectable()
export class MoveIns {
  constructor(
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    @InjectRepository(MoveInPerson) private readonly people: Repository<MoveInPerson>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly records: MoveInRecords,
    private readonly notices: HouseholdNotices,
  ) {}

  /** The caller's household's registrations: an owner sees all of them, anyone else the ones they made. */
  async mine(user: AuthUser): Promise<MoveInDto[]> {
    const member = user.householdId
      ? await this.members.findOne({
          where: { householdId: user.householdId, userId: user.id, removedAt: IsNull() },
        })
      : null;
    if (!member) throw new AppException(ErrorCode.MOVE_IN_NOT_A_MEMBER);
    const where =
      member.role === MemberRole.Owner
        ? { householdId: member.householdId }
        : { householdId: member.householdId, registrantId: user.id };
    const rows = await this.moveIns.find({
      where,
      relations: RELATIONS,
      order: { createdAt: 'DESC' },
      take: 50,
    });
    return this.records.presentAll(rows, user, member);
  }

  /** Pending registrations within the caller's reach; with a household, all of that household's. */
  async office(user: AuthUser, householdId?: string): Promise<MoveInDto[]> {
    const buildingIds = await this.access.buildingIdsOf(user);
    if (buildingIds.length === 0) return [];
    const scope = { buildingId: In(buildingIds) };
    const rows = await this.moveIns.find({
      where: householdId ? { ...scope, householdId } : { ...scope, status: MoveInStatus.Pending },
      relations: RELATIONS,
      order: { createdAt: householdId ? 'DESC' : 'ASC' },
      take: 200,
    });
    return this.records.presentAll(rows, user);
  }

  /** The household's owner agrees (family, tenants) or refuses: a refusal ends the registration. */
  async ownerConsent(
    user: AuthUser,
    id: string,
    approve: boolean,
    reason?: string,
  ): Promise<MoveInDto> {
    const { row, member } = await this.records.load(user, id);
    const roles = (
      await this.people.find({ where: { moveInId: row.id }, select: { id: true, role: true } })
    ).map((p) => p.role);
    const step: MoveInStep = approve ? 'ownerAgree' : 'ownerRefuse';
    checkStep(row, step, moveInFacts(row, user, member ?? undefined, roles), {
      actor: new AppException(ErrorCode.MOVE_IN_OWNER_ONLY),
    });
    const now = this.clock.now();
    if (approve) {
      await this.records.transition(
        row.id,
        step,
        { ownerConsentAt: IsNull() },
        {
          ownerConsent: MoveInOwnerConsent.MiniProgram,
          ownerConsentById: user.id,
          ownerConsentAt: now,
        },
      );
    } else {
      const why = `业主不同意入住${reason?.trim() ? `：${reason.trim()}` : ''}`.slice(0, 200);
      await this.records.transition(
        row.id,
        step,
        {},
        { status: MoveInStatus.Rejected, decidedById: user.id, decidedAt: now, rejectReason: why },
      );
      await this.notices.tellAfter(async () => [row.registrantId], '入住登记未通过', why);
    }
    return this.records.get(user, row.id);
  }

  /** The office holds the owner's written consent (a signed consent, a copy of the owner's ID…). */
  async recordWrittenConsent(user: AuthUser, id: string, note: string): Promise<MoveInDto> {
    const { row } = await this.records.load(user, id, true);
    checkStep(row, 'recordWrittenConsent', moveInFacts(row, user));
    await this.records.transition(
      row.id,
      'recordWrittenConsent',
      { writtenConsentAt: IsNull() },
      {
        writtenConsentById: user.id,
        writtenConsentAt: this.clock.now(),
        writtenConsentNote: note.trim(),
      },
    );
    return this.records.get(user, row.id);
  }

  /** The papers the office saw for each person named (what was ticked before is replaced). */
  async checkPapers(
    user: AuthUser,
    id: string,
    checks: { personId: string; papers: MoveInPaper[] }[],
  ): Promise<MoveInDto> {
    const { row } = await this.records.load(user, id, true);
    checkStep(row, 'checkPapers', moveInFacts(row, user));
    const people = await this.people.find({ where: { moveInId: row.id } });
    const byId = new Map(people.map((p) => [p.id, p]));
    const unknown = checks.findIndex((c) => !byId.has(c.personId));
    if (unknown >= 0)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '所选人员不在本次入住登记中', [
        { field: `people[${unknown}].personId`, message: '所选人员不在本次入住登记中' },
      ]);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      for (const c of checks) {
        const person = byId.get(c.personId)!;
        await db.update(
          MoveInPerson,
          { id: person.id },
          {
            papers: moveInPapersFor(person.role, c.papers).join(','),
            papersCheckedById: user.id,
            papersCheckedAt: now,
          },
        );
      }
    });
    return this.records.get(user, row.id);
  }

  /** Approve once nothing is missing (members on the file, a residence pass each), or reject with the reason. */
  async decide(user: AuthUser, id: string, approve: boolean, reason?: string): Promise<MoveInDto> {
    const { row } = await this.records.load(user, id, true);
    checkStep(row, approve ? 'approve' : 'reject', moveInFacts(row, user));
    const now = this.clock.now();
    if (!approve) {
      if (!reason?.trim())
        throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明不通过的原因', [
          { field: 'reason', message: '请写明不通过的原因' },
        ]);
      await this.records.transition(
        row.id,
        'reject',
        {},
        {
          status: MoveInStatus.Rejected,
          decidedById: user.id,
          decidedAt: now,
          rejectReason: reason.trim(),
        },
      );
      await this.notices.tellAfter(async () => [row.registrantId], '入住登记未通过', reason.trim());
      return this.records.get(user, row.id);
    }
    const people = await this.people.find({
      where: { moveInId: row.id },
      order: { position: 'ASC' },
    });
    const lacking: Field[] = people.flatMap((p, i) => {
      const missing = missingForMoveIn(p.role, papersOf(p), consentsOf(row));
      return missing.length
        ? [
            {
              field: `people[${i}]`,
              message: `${p.name}（${MEMBER_ROLE_LABELS[p.role]}）缺少：${missing.map((m) => MOVE_IN_MISSING_LABELS[m]).join('、')}`,
            },
          ]
        : [];
    });
    if (lacking.length)
      throw new AppException(
        ErrorCode.MOVE_IN_INCOMPLETE,
        `入住登记资料不全：${lacking.map((l) => l.message).join('；')}`,
        lacking,
      );
    await this.records.refuseRegistered(
      row.householdId,
      people.map((p) => p.idNumber),
      row.id,
    );

    await this.unitOfWork.run(async (db) => {
      // Conditional, so two clicks at once approve once.
      const done = await db
        .createQueryBuilder()
        .update(MoveIn)
        .set({ status: MoveInStatus.Approved, decidedById: user.id, decidedAt: now })
        .where('id = :id AND status IN (:...from)', {
          id: row.id,
          from: fromOf(MOVE_IN_WORKFLOW, 'approve'),
        })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_IN_STATE);
      for (const p of people) await this.admit(db, row, p, user, now);
      await this.notices.tell(
        db,
        [row.registrantId],
        '入住登记已通过',
        `${people.map((p) => p.name).join('、')} 已登记为住户，居住证号可在“我的房屋”查看`,
      );
    });
    return this.records.get(user, row.id);
  }

  /** The registrant or the household's owner withdraws a pending registration. */
  async cancel(user: AuthUser, id: string): Promise<MoveInDto> {
    const { row, member } = await this.records.load(user, id);
    checkStep(row, 'cancel', moveInFacts(row, user, member ?? undefined), {
      actor: new AppException(ErrorCode.MOVE_IN_OWNER_ONLY),
    });
    await this.records.transition(
      row.id,
      'cancel',
      {},
      { status: MoveInStatus.Cancelled, decidedById: user.id, decidedAt: this.clock.now() },
    );
    return this.records.get(user, row.id);
  }

  // ---- internals ----

  async get(user: AuthUser, id: string): Promise<MoveInDto> {
    return this.records.get(user, id);
  }

  /** One approved person: a member row on the file, a residence pass, and the membership history. */
  private async admit(
    db: EntityManager,
    row: MoveIn,
    p: MoveInPerson,
    actor: AuthUser,
    now: Date,
  ): Promise<void> {
    const memberId = randomUUID();
    await db.insert(HouseholdMember, {
      id: memberId,
      householdId: row.householdId,
      name: p.name,
      role: p.role,
      relationship: p.relationship,
      phone: p.phone,
      idNumber: p.idNumber,
      moveInDate: p.moveInDate,
      userId: null,
      createdAt: now,
      removedAt: null,
      removedById: null,
    });
    let pass = newResidencePassCode(randomInt);
    // The unique index is the guard; a clash (about 1 in 10^11) draws another code before it is tried.
    while (await db.exists(MoveInPerson, { where: { residencePass: pass } }))
      pass = newResidencePassCode(randomInt);
    await db.update(MoveInPerson, { id: p.id }, { memberId, residencePass: pass });
    await db.insert(HouseholdMemberEvent, {
      id: randomUUID(),
      householdId: row.householdId,
      requestId: null,
      memberId,
      action: 'joined',
      actingAs: 'office',
      actorId: actor.id,
      actorName: actor.name.slice(0, 50),
      subjectName: p.name,
      subjectRole: p.role,
      note: `入住登记审核通过，居住证 ${pass}`,
      at: now,
    });
  }
}
