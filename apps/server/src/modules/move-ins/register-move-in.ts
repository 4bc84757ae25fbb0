import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import {
  CreateMoveInRequest,
  ErrorCode,
  MEMBER_ROLE_LABELS,
  MemberRole,
  MoveInDto,
  MoveInOwnerConsent,
  MoveInStatus,
  Role,
} from '@linli/contracts';
import {
  chinaDateKey,
  isValidMobile,
  isValidResidentId,
  moveInAwaitsOwner,
  moveInDateProblem,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdAccess } from '../households/household-access';
import { HouseholdNotices } from '../notifications/household-notices.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Attachment } from '../uploads/entities/attachment.entity';
import { MoveInPerson } from './entities/move-in-person.entity';
import { MoveIn } from './entities/move-in.entity';
import { consentsOf, Field, MoveInRecords } from './move-in-records';

/** Field-named problems with the people as typed (the DTO has checked the shapes). */
function personProblems(people: CreateMoveInRequest['people'], today: string): Field[] {
  const problems: Field[] = [];
  people.forEach((p, i) => {
    if (!isValidMobile(p.phone))
      problems.push({ field: `people[${i}].phone`, message: `${p.name}：手机号格式不正确` });
    if (!isValidResidentId(p.idNumber))
      problems.push({
        field: `people[${i}].idNumber`,
        message: `${p.name}：身份证号码不正确（请检查出生日期和校验位）`,
      });
    else if (people.findIndex((q) => q.idNumber === p.idNumber) !== i)
      problems.push({
        field: `people[${i}].idNumber`,
        message: `${p.name}：身份证号码与前面的人员重复`,
      });
    const dateProblem = moveInDateProblem(p.moveInDate, today);
    if (dateProblem)
      problems.push({ field: `people[${i}].moveInDate`, message: `${p.name}：${dateProblem}` });
  });
  return problems;
}

/**
 * RegisterMoveIn: a member registers the people moving into their room, or the office does at the counter.
 * The office is told; where the owner's agreement is still wanted, the owner too.
 */
@Injectable()
export class RegisterMoveIn {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    private readonly access: HouseholdAccess,
    private readonly org: OrgDirectory,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
    private readonly notices: HouseholdNotices,
    private readonly records: MoveInRecords,
  ) {}

  async run(user: AuthUser, req: CreateMoveInRequest): Promise<MoveInDto> {
    // A resident registers for a household they are on; the office for one of its buildings. Else: not found.
    let registrant: HouseholdMember | null = null;
    if (user.role === Role.Resident) {
      registrant = await this.members.findOne({
        where: { householdId: req.householdId, userId: user.id, removedAt: IsNull() },
      });
      if (!registrant) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    }
    const place =
      user.role === Role.Resident
        ? await this.org.householdPlace(req.householdId)
        : (await this.access.staff(user, req.householdId)).place;
    if (!place) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);

    const now = this.clock.now();
    const people = req.people.map((p) => ({
      ...p,
      idNumber: p.idNumber.trim().toUpperCase(),
      phone: p.phone.trim(),
    }));
    const problems = personProblems(people, chinaDateKey(now));
    for (const p of people) if (p.photoId === '') p.photoId = undefined;
    const photoIds = people.flatMap((p) => (p.photoId ? [p.photoId] : []));
    if (problems.length)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problems[0].message, problems);
    if (photoIds.length) {
      // Only the caller's own uploads that are not on a ticket.
      const usable = await this.attachments.count({
        where: { id: In(photoIds), ownerId: user.id, ticketId: IsNull() },
      });
      if (usable !== new Set(photoIds).size) throw new AppException(ErrorCode.UPLOAD_NOT_FOUND);
    }
    await this.records.refuseRegistered(
      place.householdId,
      people.map((p) => p.idNumber),
    );

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
      const names = people
        .map((p) => `${p.name.trim()}（${MEMBER_ROLE_LABELS[p.role]}）`)
        .join('、');
      await this.notices.tell(
        db,
        await this.notices.office(db, row.buildingId),
        '入住登记待审核',
        `${place.roomLabel}：${names}`,
      );
      if (
        moveInAwaitsOwner(
          people.map((p) => p.role),
          consentsOf(row),
        )
      )
        await this.notices.tell(
          db,
          await this.notices.owners(db, row.householdId),
          '入住登记待您同意',
          `${row.registrantName} 为 ${names} 办理 ${place.roomLabel} 入住登记`,
        );
    });
    return this.records.get(user, row.id);
  }
}
