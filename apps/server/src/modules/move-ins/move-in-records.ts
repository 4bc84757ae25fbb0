import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  MemberRole,
  MoveInDto,
  MoveInPaper,
  MoveInPersonDto,
  MoveInStatus,
  Role,
  STAFF_ROLES,
} from '@linli/contracts';
import {
  decideStep,
  fromOf,
  memberView,
  missingForMoveIn,
  MOVE_IN_WORKFLOW,
  moveInActions,
  moveInAwaitsOwner,
  MoveInFact,
  MoveInRelation,
  MoveInStep,
  WorkflowFacts,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdAccess } from '../households/household-access';
import { UploadUrlSigner } from '../uploads/upload-url-signer';
import { MoveInPerson } from './entities/move-in-person.entity';
import { MoveIn } from './entities/move-in.entity';

export const RELATIONS = {
  household: { room: true },
  ownerConsentBy: true,
  writtenConsentBy: true,
  decidedBy: true,
} as const;
export type Field = { field: string; message: string };

const stamp = (name: string | undefined, at: Date | null) =>
  at ? { name: name ?? '', at: at.toISOString() } : null;
export const papersOf = (p: MoveInPerson): MoveInPaper[] =>
  p.papers ? (p.papers.split(',') as MoveInPaper[]) : [];
export const consentsOf = (row: MoveIn) => ({
  owner: row.ownerConsentAt !== null,
  written: row.writtenConsentAt !== null,
});

/** Who the viewer is to the registration, and what holds of it: the workflow table's inputs (`roles`: of the people registered, when known). */
export function moveInFacts(
  row: MoveIn,
  viewer: AuthUser,
  member?: HouseholdMember,
  roles: readonly MemberRole[] = [],
): WorkflowFacts<MoveInRelation, MoveInFact> {
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
export function checkStep(
  row: MoveIn,
  step: MoveInStep,
  facts: WorkflowFacts<MoveInRelation, MoveInFact>,
  refusals: { actor?: AppException } = {},
): void {
  const decision = decideStep(MOVE_IN_WORKFLOW, row.status, step, facts);
  if (decision.allowed) return;
  throw decision.reason === 'actor'
    ? (refusals.actor ?? new AppException(ErrorCode.FORBIDDEN))
    : new AppException(ErrorCode.MOVE_IN_STATE);
}

/** A registration as the caller may read it: who may, its presentation with the `can` flags, its guarded steps. */
@Injectable()
export class MoveInRecords {
  constructor(
    @InjectRepository(MoveIn) private readonly moveIns: Repository<MoveIn>,
    @InjectRepository(MoveInPerson) private readonly people: Repository<MoveInPerson>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    private readonly access: HouseholdAccess,
    private readonly signer: UploadUrlSigner,
  ) {}

  async get(user: AuthUser, id: string): Promise<MoveInDto> {
    const { row, member } = await this.load(user, id);
    return (await this.presentAll([row], user, member ?? undefined))[0];
  }

  /**
   * The registration, if the caller may see it: the household's owner or its registrant (still on the
   * file), or the office of its building (`officeOnly`: nobody else). Anyone else: not found.
   */
  async load(
    user: AuthUser,
    id: string,
    officeOnly = false,
  ): Promise<{ row: MoveIn; member: HouseholdMember | null }> {
    const row = await this.moveIns.findOne({ where: { id }, relations: RELATIONS });
    if (!row) throw new AppException(ErrorCode.MOVE_IN_NOT_FOUND);
    if (STAFF_ROLES.includes(user.role)) {
      if (await this.access.mayWorkIn(user, { id: row.buildingId, communityId: row.communityId }))
        return { row, member: null };
    } else if (user.role === Role.Resident && !officeOnly) {
      const member = await this.members.findOne({
        where: { householdId: row.householdId, userId: user.id, removedAt: IsNull() },
      });
      if (member && (member.role === MemberRole.Owner || row.registrantId === user.id))
        return { row, member };
    }
    throw new AppException(ErrorCode.MOVE_IN_NOT_FOUND);
  }

  /** Takes the step only from the states the table starts it in (two clicks at once: one wins, the other is told). */
  async transition(
    id: string,
    step: MoveInStep,
    where: Record<string, unknown>,
    changes: Partial<MoveIn>,
  ): Promise<void> {
    const done = await this.moveIns.update(
      { id, status: In(fromOf(MOVE_IN_WORKFLOW, step)), ...where },
      changes,
    );
    if (done.affected !== 1) throw new AppException(ErrorCode.MOVE_IN_STATE);
  }

  /** Refuses people already on the household's file, or in another pending registration of it, by ID number. */
  async refuseRegistered(
    householdId: string,
    idNumbers: string[],
    exceptMoveInId?: string,
  ): Promise<void> {
    const onFile = await this.members.find({
      where: { householdId, idNumber: In(idNumbers), removedAt: IsNull() },
      select: { id: true, idNumber: true },
    });
    const query = this.people
      .createQueryBuilder('p')
      .innerJoin(MoveIn, 'm', 'm.id = p.moveInId')
      .where(
        'm.householdId = :householdId AND m.status = :pending AND p.idNumber IN (:...idNumbers)',
        { householdId, pending: MoveInStatus.Pending, idNumbers },
      );
    if (exceptMoveInId) query.andWhere('m.id <> :exceptMoveInId', { exceptMoveInId });
    const elsewhere = await query
      .select('p.idNumber', 'idNumber')
      .getRawMany<{ idNumber: string }>();
    const taken = new Set([...onFile.map((m) => m.idNumber), ...elsewhere.map((p) => p.idNumber)]);
    const clash = idNumbers.findIndex((n) => taken.has(n));
    if (clash >= 0)
      throw new AppException(ErrorCode.MOVE_IN_ALREADY_REGISTERED, undefined, [
        {
          field: `people[${clash}].idNumber`,
          message: '此人已在本户住户档案中或已有待审核的入住登记',
        },
      ]);
  }

  async presentAll(
    rows: MoveIn[],
    viewer: AuthUser,
    member?: HouseholdMember,
  ): Promise<MoveInDto[]> {
    const people = rows.length
      ? await this.people.find({
          where: { moveInId: In(rows.map((r) => r.id)) },
          relations: { papersCheckedBy: true },
          order: { position: 'ASC' },
        })
      : [];
    return rows.map((row) =>
      this.present(
        row,
        people.filter((p) => p.moveInId === row.id),
        viewer,
        member,
      ),
    );
  }

  present(
    row: MoveIn,
    people: MoveInPerson[],
    viewer: AuthUser,
    member?: HouseholdMember,
  ): MoveInDto {
    const registrant = row.registrantId === viewer.id;
    const pending = row.status === MoveInStatus.Pending;
    const consents = consentsOf(row);
    const shown: MoveInPersonDto[] = people
      .map((p) => ({ p, view: memberView({ role: viewer.role, self: registrant }, p) }))
      .map(({ p, view }) => ({
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
      ownerConsent:
        row.ownerConsent && row.ownerConsentAt
          ? { ...stamp(row.ownerConsentBy?.name, row.ownerConsentAt)!, how: row.ownerConsent }
          : null,
      writtenConsent: row.writtenConsentAt
        ? {
            ...stamp(row.writtenConsentBy?.name, row.writtenConsentAt)!,
            note: row.writtenConsentNote ?? '',
          }
        : null,
      decided: stamp(row.decidedBy?.name, row.decidedAt),
      rejectReason: row.rejectReason,
      ready: pending && shown.every((p) => p.missing.length === 0),
      can: moveInActions(
        row.status,
        moveInFacts(
          row,
          viewer,
          member,
          people.map((p) => p.role),
        ),
      ),
    };
  }
}
