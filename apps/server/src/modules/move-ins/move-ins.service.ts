import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { CreateMoveInRequest, ErrorCode, MEMBER_ROLE_LABELS, MemberRole, MOVE_IN_MISSING_LABELS, MoveInDto, MoveInOwnerConsent, MoveInPaper, MoveInPersonDto, MoveInStatus, Role, STAFF_ROLES } from '@linli/contracts';
import {
  MOVE_IN_WORKFLOW,
  MoveInFact,
  MoveInRelation,
  MoveInStep,
  WorkflowFacts,
  decideStep,
  fromOf,
  moveInActions,
  chinaDateKey,
  isValidMobile,
  isValidResidentId,
  memberView,
  missingForMoveIn,
  moveInAwaitsOwner,
  moveInDateProblem,
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
import { OrgDirectory } from '../org/org-directory.service';
import { Attachment } from '../uploads/entities/attachment.entity';
import { UploadUrlSigner } from '../uploads/upload-url-signer';
import { MoveInPerson } from './entities/move-in-person.entity';
import { MoveIn } from './entities/move-in.entity';

const RELATIONS = { household: { room: true }, ownerConsentBy: true, writtenConsentBy: true, decidedBy: true } as const;
type Field = { field: string; message: string };

const stamp = (name: string | undefined, at: Date | null) => (at ? { name: name ?? '', at: at.toISOString() } : null);
const papersOf = (p: MoveInPerson): MoveInPaper[] => (p.papers ? (p.papers.split(',') as MoveInPaper[]) : []);
const consentsOf = (row: MoveIn) => ({ owner: row.ownerConsentAt !== null, written: row.writtenConsentAt !== null });

/**
 * Move-in registration (入住登记, domain.md §3–§4): a member registers the people moving into their room
 * (or the office does at the counter); the office checks each person's papers, the owner consents for
 * family and tenants (in the mini-program, or in writing to the office) and in writing for relatives;
 * the office then approves — the people join the household file and each gets a residence pass — or
 * rejects with the reason. What is still missing is missingForMoveIn's answer, never re-decided here.
 */
@Injectable()
export class MoveIns {
  constructor(
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    @InjectRepository(MoveInPerson) private readonly people: Repository<MoveInPerson>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    private readonly access: HouseholdAccess,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly signer: UploadUrlSigner,
    private readonly notices: HouseholdNotices,
  ) {}

  async create(user: AuthUser, req: CreateMoveInRequest): Promise<MoveInDto> {
    // A resident registers for a household they are on; the office for one of its buildings. Else: not found.
    let registrant: HouseholdMember | null = null;
    if (user.role === Role.Resident) {
      registrant = await this.members.findOne({ where: { householdId: req.householdId, userId: user.id, removedAt: IsNull() } });
      if (!registrant) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    }
    const place = user.role === Role.Resident ? await this.org.householdPlace(req.householdId) : (await this.access.staff(user, req.householdId)).place;
    if (!place) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);

    const now = this.clock.now();
    const people = req.people.map((p) => ({ ...p, idNumber: p.idNumber.trim().toUpperCase(), phone: p.phone.trim() }));
    const problems = this.personProblems(people, chinaDateKey(now));
    for (const p of people) if (p.photoId === '') p.photoId = undefined;
    const photoIds = people.flatMap((p) => (p.photoId ? [p.photoId] : []));
    if (problems.length) throw new AppException(ErrorCode.VALIDATION_FAILED, problems[0].message, problems);
    if (photoIds.length) {
      // Only the caller's own uploads that are not on a ticket.
      const usable = await this.attachments.count({ where: { id: In(photoIds), ownerId: user.id, ticketId: IsNull() } });
      if (usable !== new Set(photoIds).size) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    }
    await this.refuseRegistered(place.householdId, people.map((p) => p.idNumber));

    const owner = registrant?.role === MemberRole.Owner;
    const row: MoveIn = {
      id: randomUUID(),
      householdId: place.householdId,
      buildingId: place.buildingId,
      communityId: place.communityId,
      status: MoveInStatus.Pending,
      registrantId: user.id,
      registrantName: (registrant?.name ?? user.name).slice(0, 50),
      atCounter: user.role !== Role.Resident,
      createdAt: now,
      // An owner registering the people is the owner's consent.
      ownerConsent: owner ? MoveInOwnerConsent.Registrant : null,
      ownerConsentById: owner ? user.id : null,
      ownerConsentAt: owner ? now : null,
      writtenConsentById: null,
      writtenConsentAt: null,
      writtenConsentNote: null,
      decidedById: null,
      decidedAt: null,
      rejectReason: null,
    };
    await this.unitOfWork.run(async (db) => {
      await db.insert(MoveIn, row);
      await db.insert(
        MoveInPerson,
        people.map((p, position) => ({
          id: randomUUID(),
          moveInId: row.id,
          position,
          name: p.name.trim(),
          role: p.role,
          relationship: p.relationship?.trim() || null,
          phone: p.phone,
          idNumber: p.idNumber,
          moveInDate: p.moveInDate,
          photoId: p.photoId ?? null,
          papers: '',
          papersCheckedById: null,
          papersCheckedAt: null,
          memberId: null,
          residencePass: null,
        })),
      );
      // The office checks the papers; where the owner's agreement is still wanted, the owner is asked too.
      const names = people.map((p) => `${p.name.trim()}（${MEMBER_ROLE_LABELS[p.role]}）`).join('、');
      await this.notices.tell(db, await this.notices.office(db, row.buildingId), '入住登记待审核', `${place.roomLabel}：${names}`);
      if (moveInAwaitsOwner(people.map((p) => p.role), consentsOf(row))) await this.notices.tell(db, await this.notices.owners(db, row.householdId), '入住登记待您同意', `${row.registrantName} 为 ${names} 办理 ${place.roomLabel} 入住登记`);
    });
    return this.get(user, row.id);
  }

  /** The caller's household's registrations: an owner sees all of them, anyone else the ones they made. */
  async mine(user: AuthUser): Promise<MoveInDto[]> {
    const member = user.householdId ? await this.members.findOne({ where: { householdId: user.householdId, userId: user.id, removedAt: IsNull() } }) : null;
    if (!member) throw new AppException(ErrorCode.MOVE_IN_NOT_A_MEMBER);
    const where = member.role === MemberRole.Owner ? { householdId: member.householdId } : { householdId: member.householdId, registrantId: user.id };
    const rows = await this.moveIns.find({ where, relations: RELATIONS, order: { createdAt: 'DESC' }, take: 50 });
    return this.presentAll(rows, user, member);
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
    return this.presentAll(rows, user);
  }

  async get(user: AuthUser, id: string): Promise<MoveInDto> {
    const { row, member } = await this.load(user, id);
    return (await this.presentAll([row], user, member ?? undefined))[0];
  }

  /** The household's owner agrees (family, tenants) or refuses: a refusal ends the registration. */
  async ownerConsent(user: AuthUser, id: string, approve: boolean, reason?: string): Promise<MoveInDto> {
    const { row, member } = await this.load(user, id);
    const roles = (await this.people.find({ where: { moveInId: row.id }, select: { id: true, role: true } })).map((p) => p.role);
    const step: MoveInStep = approve ? 'ownerAgree' : 'ownerRefuse';
    this.check(row, step, this.facts(row, user, member ?? undefined, roles), { actor: new AppException(ErrorCode.MOVE_IN_OWNER_ONLY) });
    const now = this.clock.now();
    if (approve) {
      await this.transition(row.id, step, { ownerConsentAt: IsNull() }, { ownerConsent: MoveInOwnerConsent.MiniProgram, ownerConsentById: user.id, ownerConsentAt: now });
    } else {
      const why = `业主不同意入住${reason?.trim() ? `：${reason.trim()}` : ''}`.slice(0, 200);
      await this.transition(row.id, step, {}, { status: MoveInStatus.Rejected, decidedById: user.id, decidedAt: now, rejectReason: why });
      await this.notices.tellAfter(async () => [row.registrantId], '入住登记未通过', why);
    }
    return this.get(user, row.id);
  }

  /** The office holds the owner's written consent (a signed consent, a copy of the owner's ID…). */
  async recordWrittenConsent(user: AuthUser, id: string, note: string): Promise<MoveInDto> {
    const { row } = await this.load(user, id, true);
    this.check(row, 'recordWrittenConsent', this.facts(row, user));
    await this.transition(row.id, 'recordWrittenConsent', { writtenConsentAt: IsNull() }, { writtenConsentById: user.id, writtenConsentAt: this.clock.now(), writtenConsentNote: note.trim() });
    return this.get(user, row.id);
  }

  /** The papers the office saw for each person named (what was ticked before is replaced). */
  async checkPapers(user: AuthUser, id: string, checks: { personId: string; papers: MoveInPaper[] }[]): Promise<MoveInDto> {
    const { row } = await this.load(user, id, true);
    this.check(row, 'checkPapers', this.facts(row, user));
    const people = await this.people.find({ where: { moveInId: row.id } });
    const byId = new Map(people.map((p) => [p.id, p]));
    const unknown = checks.findIndex((c) => !byId.has(c.personId));
    if (unknown >= 0) throw new AppException(ErrorCode.VALIDATION_FAILED, '所选人员不在本次入住登记中', [{ field: `people[${unknown}].personId`, message: '所选人员不在本次入住登记中' }]);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      for (const c of checks) {
        const person = byId.get(c.personId)!;
        await db.update(MoveInPerson, { id: person.id }, { papers: moveInPapersFor(person.role, c.papers).join(','), papersCheckedById: user.id, papersCheckedAt: now });
      }
    });
    return this.get(user, row.id);
  }

  /** Approve once nothing is missing (members on the file, a residence pass each), or reject with the reason. */
  async decide(user: AuthUser, id: string, approve: boolean, reason?: string): Promise<MoveInDto> {
    const { row } = await this.load(user, id, true);
    this.check(row, approve ? 'approve' : 'reject', this.facts(row, user));
    const now = this.clock.now();
    if (!approve) {
      if (!reason?.trim()) throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明不通过的原因', [{ field: 'reason', message: '请写明不通过的原因' }]);
      await this.transition(row.id, 'reject', {}, { status: MoveInStatus.Rejected, decidedById: user.id, decidedAt: now, rejectReason: reason.trim() });
      await this.notices.tellAfter(async () => [row.registrantId], '入住登记未通过', reason.trim());
      return this.get(user, row.id);
    }
    const people = await this.people.find({ where: { moveInId: row.id }, order: { position: 'ASC' } });
    const lacking: Field[] = people.flatMap((p, i) => {
      const missing = missingForMoveIn(p.role, papersOf(p), consentsOf(row));
      return missing.length ? [{ field: `people[${i}]`, message: `${p.name}（${MEMBER_ROLE_LABELS[p.role]}）缺少：${missing.map((m) => MOVE_IN_MISSING_LABELS[m]).join('、')}` }] : [];
    });
    if (lacking.length) throw new AppException(ErrorCode.MOVE_IN_INCOMPLETE, `入住登记资料不全：${lacking.map((l) => l.message).join('；')}`, lacking);
    await this.refuseRegistered(row.householdId, people.map((p) => p.idNumber), row.id);

    await this.unitOfWork.run(async (db) => {
      // Conditional, so two clicks at once approve once.
      const done = await db
        .createQueryBuilder()
        .update(MoveIn)
        .set({ status: MoveInStatus.Approved, decidedById: user.id, decidedAt: now })
        .where('id = :id AND status IN (:...from)', { id: row.id, from: fromOf(MOVE_IN_WORKFLOW, 'approve') })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_IN_STATE);
      for (const p of people) await this.admit(db, row, p, user, now);
      await this.notices.tell(db, [row.registrantId], '入住登记已通过', `${people.map((p) => p.name).join('、')} 已登记为住户，居住证号可在“我的房屋”查看`);
    });
    return this.get(user, row.id);
  }

  /** The registrant or the household's owner withdraws a pending registration. */
  async cancel(user: AuthUser, id: string): Promise<MoveInDto> {
    const { row, member } = await this.load(user, id);
    this.check(row, 'cancel', this.facts(row, user, member ?? undefined), { actor: new AppException(ErrorCode.MOVE_IN_OWNER_ONLY) });
    await this.transition(row.id, 'cancel', {}, { status: MoveInStatus.Cancelled, decidedById: user.id, decidedAt: this.clock.now() });
    return this.get(user, row.id);
  }

  // ---- internals ----

  /** Field-named problems with the people as typed (the DTO has checked the shapes). */
  private personProblems(people: CreateMoveInRequest['people'], today: string): Field[] {
    const problems: Field[] = [];
    people.forEach((p, i) => {
      if (!isValidMobile(p.phone)) problems.push({ field: `people[${i}].phone`, message: `${p.name}：手机号格式不正确` });
      if (!isValidResidentId(p.idNumber)) problems.push({ field: `people[${i}].idNumber`, message: `${p.name}：身份证号码不正确（请检查出生日期和校验位）` });
      else if (people.findIndex((q) => q.idNumber === p.idNumber) !== i) problems.push({ field: `people[${i}].idNumber`, message: `${p.name}：身份证号码与前面的人员重复` });
      const dateProblem = moveInDateProblem(p.moveInDate, today);
      if (dateProblem) problems.push({ field: `people[${i}].moveInDate`, message: `${p.name}：${dateProblem}` });
    });
    return problems;
  }

  /** Refuses people already on the household's file, or in another pending registration of it, by ID number. */
  private async refuseRegistered(householdId: string, idNumbers: string[], exceptMoveInId?: string): Promise<void> {
    const onFile = await this.members.find({ where: { householdId, idNumber: In(idNumbers), removedAt: IsNull() }, select: { id: true, idNumber: true } });
    const query = this.people
      .createQueryBuilder('p')
      .innerJoin(MoveIn, 'm', 'm.id = p.moveInId')
      .where('m.householdId = :householdId AND m.status = :pending AND p.idNumber IN (:...idNumbers)', { householdId, pending: MoveInStatus.Pending, idNumbers });
    if (exceptMoveInId) query.andWhere('m.id <> :exceptMoveInId', { exceptMoveInId });
    const elsewhere = await query.select('p.idNumber', 'idNumber').getRawMany<{ idNumber: string }>();
    const taken = new Set([...onFile.map((m) => m.idNumber), ...elsewhere.map((p) => p.idNumber)]);
    const clash = idNumbers.findIndex((n) => taken.has(n));
    if (clash >= 0) throw new AppException(ErrorCode.MOVE_IN_ALREADY_REGISTERED, undefined, [{ field: `people[${clash}].idNumber`, message: '此人已在本户住户档案中或已有待审核的入住登记' }]);
  }

  /** One approved person: a member row on the file, a residence pass, and the membership history. */
  private async admit(db: EntityManager, row: MoveIn, p: MoveInPerson, actor: AuthUser, now: Date): Promise<void> {
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
    while (await db.exists(MoveInPerson, { where: { residencePass: pass } })) pass = newResidencePassCode(randomInt);
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

  /**
   * The registration, if the caller may see it: the household's owner or its registrant (still on the
   * file), or the office of its building (`officeOnly`: nobody else). Anyone else: not found.
   */
  private async load(user: AuthUser, id: string, officeOnly = false): Promise<{ row: MoveIn; member: HouseholdMember | null }> {
    const row = await this.moveIns.findOne({ where: { id }, relations: RELATIONS });
    if (!row) throw new AppException(ErrorCode.MOVE_IN_NOT_FOUND);
    if (STAFF_ROLES.includes(user.role)) {
      if (await this.access.mayWorkIn(user, { id: row.buildingId, communityId: row.communityId })) return { row, member: null };
    } else if (user.role === Role.Resident && !officeOnly) {
      const member = await this.members.findOne({ where: { householdId: row.householdId, userId: user.id, removedAt: IsNull() } });
      if (member && (member.role === MemberRole.Owner || row.registrantId === user.id)) return { row, member };
    }
    throw new AppException(ErrorCode.MOVE_IN_NOT_FOUND);
  }

  /** Who the viewer is to the registration, and what holds of it: the workflow table's inputs (`roles`: of the people registered, when known). */
  private facts(row: MoveIn, viewer: AuthUser, member?: HouseholdMember, roles: readonly MemberRole[] = []): WorkflowFacts<MoveInRelation, MoveInFact> {
    const resident = viewer.role === Role.Resident;
    return {
      owner: resident && member?.role === MemberRole.Owner && member.householdId === row.householdId,
      registrant: resident && row.registrantId === viewer.id,
      staff: STAFF_ROLES.includes(viewer.role),
      ownerConsentWanted: moveInAwaitsOwner(roles, consentsOf(row)),
      noWrittenConsent: row.writtenConsentAt === null,
    };
  }

  /** Refuses a step the workflow table does not allow now: a stranger with `actor`, anything else as a state conflict. */
  private check(row: MoveIn, step: MoveInStep, facts: WorkflowFacts<MoveInRelation, MoveInFact>, refusals: { actor?: AppException } = {}): void {
    const decision = decideStep(MOVE_IN_WORKFLOW, row.status, step, facts);
    if (decision.allowed) return;
    throw decision.reason === 'actor' ? (refusals.actor ?? new AppException(ErrorCode.FORBIDDEN)) : new AppException(ErrorCode.MOVE_IN_STATE);
  }

  /** Takes the step only from the states the table starts it in (two clicks at once: one wins, the other is told). */
  private async transition(id: string, step: MoveInStep, where: Record<string, unknown>, changes: Partial<MoveIn>): Promise<void> {
    const done = await this.moveIns.update({ id, status: In(fromOf(MOVE_IN_WORKFLOW, step)), ...where }, changes);
    if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_IN_STATE);
  }

  private async presentAll(rows: MoveIn[], viewer: AuthUser, member?: HouseholdMember): Promise<MoveInDto[]> {
    const people = rows.length ? await this.people.find({ where: { moveInId: In(rows.map((r) => r.id)) }, relations: { papersCheckedBy: true }, order: { position: 'ASC' } }) : [];
    return rows.map((row) => this.present(row, people.filter((p) => p.moveInId === row.id), viewer, member));
  }

  private present(row: MoveIn, people: MoveInPerson[], viewer: AuthUser, member?: HouseholdMember): MoveInDto {
    const registrant = row.registrantId === viewer.id;
    const pending = row.status === MoveInStatus.Pending;
    const consents = consentsOf(row);
    const shown: MoveInPersonDto[] = people.map((p) => ({ p, view: memberView({ role: viewer.role, self: registrant }, p) })).map(({ p, view }) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      relationship: p.relationship,
      // The registrant typed these numbers in; the owner sees them masked, as on the household file.
      phone: view.phone,
      idNumber: view.idNumber,
      moveInDate: p.moveInDate,
      photoUrl: p.photoId ? this.signer.url(p.photoId) : null,
      papers: papersOf(p),
      papersChecked: stamp(p.papersCheckedBy?.name, p.papersCheckedAt),
      missing: pending ? missingForMoveIn(p.role, papersOf(p), consents) : [],
      residencePass: p.residencePass,
    }));
    return {
      id: row.id,
      householdId: row.householdId,
      roomLabel: row.household?.room?.label ?? '',
      status: row.status,
      registrant: { name: row.registrantName, atCounter: row.atCounter },
      createdAt: row.createdAt.toISOString(),
      people: shown,
      ownerConsent: row.ownerConsent && row.ownerConsentAt ? { ...stamp(row.ownerConsentBy?.name, row.ownerConsentAt)!, how: row.ownerConsent } : null,
      writtenConsent: row.writtenConsentAt ? { ...stamp(row.writtenConsentBy?.name, row.writtenConsentAt)!, note: row.writtenConsentNote ?? '' } : null,
      decided: stamp(row.decidedBy?.name, row.decidedAt),
      rejectReason: row.rejectReason,
      ready: pending && shown.every((p) => p.missing.length === 0),
      can: moveInActions(row.status, this.facts(row, viewer, member, people.map((p) => p.role))),
    };
  }
}
