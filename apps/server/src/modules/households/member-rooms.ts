import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import {
  ErrorCode,
  JoinApprover,
  MemberRole,
  MyHouseholdRefDto,
  Role,
  UserProfileDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdAccess } from './household-access';
import { ownedHouseholds } from './room-files';

/**
 * RemoveMember, ListMyHouseholds and SwitchHousehold: owners and the office remove members (kept on file),
 * and a person in several rooms switches the active one (user.householdId, which the rest of the app uses).
 */
@Injectable()
export class MemberRooms {
  constructor(
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly org: OrgDirectory,
    private readonly access: HouseholdAccess,
    private readonly clock: ClockService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** An owner (not of an owner) or the building's office removes a member: kept on file with who and when. */
  async removeMember(
    user: AuthUser,
    householdId: string,
    memberId: string,
    reason: string | undefined,
  ): Promise<void> {
    let as: JoinApprover;
    if (user.role === Role.Resident) {
      if (!(await ownedHouseholds(this.members, user.id)).includes(householdId))
        throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
      as = 'owner';
    } else {
      const place = await this.org.householdPlace(householdId);
      const building = place ? await this.buildings.findOneBy({ id: place.buildingId }) : null;
      if (!building || !(await this.access.mayWorkIn(user, building)))
        throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
      as = 'office';
    }
    const member = await this.members.findOne({
      where: { id: memberId, householdId, removedAt: IsNull() },
    });
    if (!member) throw new AppException(ErrorCode.MEMBER_NOT_FOUND);
    if (as === 'owner' && member.role === MemberRole.Owner)
      throw new AppException(ErrorCode.MEMBER_REMOVE_NOT_ALLOWED);
    const now = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      const done = await db
        .createQueryBuilder()
        .update(HouseholdMember)
        .set({ removedAt: now, removedById: user.id })
        .where('id = :id AND removedAt IS NULL', { id: memberId })
        .execute();
      if (done.affected !== 1) throw new AppException(ErrorCode.MEMBER_NOT_FOUND);
      await db.insert(HouseholdMemberEvent, {
        id: randomUUID(),
        householdId,
        requestId: null,
        memberId,
        action: 'removed',
        actingAs: as,
        actorId: user.id,
        actorName: user.name.slice(0, 50),
        subjectName: member.name,
        subjectRole: member.role,
        note: reason?.trim() || null,
        at: now,
      });
      if (member.userId) await this.leave(db, member.userId, householdId);
    });
  }

  /** Every room the caller is a member of (and the active one, even where the file has no member row for them). */
  async myHouseholds(user: AuthUser): Promise<MyHouseholdRefDto[]> {
    const rows = await this.members.find({ where: { userId: user.id, removedAt: IsNull() } });
    const ids = [
      ...new Set([
        ...(user.householdId ? [user.householdId] : []),
        ...rows.map((m) => m.householdId),
      ]),
    ];
    const refs: MyHouseholdRefDto[] = [];
    for (const householdId of ids) {
      const place = await this.org.householdPlace(householdId);
      if (!place) continue;
      const role = rows.find((m) => m.householdId === householdId)?.role ?? null;
      refs.push({
        householdId,
        roomLabel: place.roomLabel,
        communityName: place.communityName,
        role,
        active: householdId === user.householdId,
      });
    }
    return refs.sort(
      (a, b) =>
        a.communityName.localeCompare(b.communityName, 'zh') ||
        a.roomLabel.localeCompare(b.roomLabel, 'zh'),
    );
  }

  /** Makes one of the caller's rooms the active one (tickets, 我的房屋… follow it). Not theirs: 403, nothing said. */
  async switchTo(user: AuthUser, householdId: string): Promise<UserProfileDto> {
    const member = await this.members.findOne({
      where: { userId: user.id, householdId, removedAt: IsNull() },
    });
    if (!member && user.householdId !== householdId) throw new AppException(ErrorCode.FORBIDDEN);
    const place = await this.org.householdPlace(householdId);
    if (!place) throw new AppException(ErrorCode.FORBIDDEN);
    await this.users.update({ id: user.id }, { householdId, communityId: place.communityId });
    return this.org.profile({ ...user, householdId, communityId: place.communityId });
  }

  /** A removed member's account leaves the room: another room of theirs becomes active, or none. */
  private async leave(db: EntityManager, userId: string, householdId: string): Promise<void> {
    const user = await db.findOne(User, { where: { id: userId } });
    if (!user || user.householdId !== householdId) return;
    const other = await db.findOne(HouseholdMember, {
      where: { userId, removedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const place = other ? await this.org.householdPlace(other.householdId) : null;
    await db.update(
      User,
      { id: userId },
      {
        householdId: place?.householdId ?? null,
        communityId: place?.communityId ?? user.communityId,
      },
    );
  }
}
