import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ErrorCode, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Building } from '../org/entities/building.entity';
import { HouseholdPlace, OrgDirectory } from '../org/org-directory.service';

const STAFF_ROLES = [Role.Assistant, Role.Supervisor, Role.Admin];

/**
 * Who of the staff may work on a household file: the assistants of its building, the supervisors of
 * its community, admins of its company (the platform's admin: all). Anyone else gets "not found", so a foreign id reveals nothing.
 */
@Injectable()
export class HouseholdAccess {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    private readonly org: OrgDirectory,
  ) {}

  async mayWorkIn(user: AuthUser, building: Pick<Building, 'id' | 'communityId'>): Promise<boolean> {
    if (user.role === Role.Admin) return this.org.adminReaches(user, building.communityId);
    if (user.role === Role.Supervisor) return user.communityId !== null && user.communityId === building.communityId;
    if (user.role === Role.Assistant) return (await this.org.buildingsServedBy(user.id)).includes(building.id);
    return false;
  }

  /** The household, if the caller is staff of its building (assistants) or community (supervisors); else HOUSEHOLD_NOT_FOUND. */
  async staff(user: AuthUser, householdId: string, roles: Role[] = STAFF_ROLES): Promise<{ place: HouseholdPlace; buildingName: string }> {
    const place = roles.includes(user.role) ? await this.org.householdPlace(householdId) : null;
    const building = place ? await this.buildings.findOne({ where: { id: place.buildingId } }) : null;
    if (!place || !building || !(await this.mayWorkIn(user, building))) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    return { place, buildingName: building.name };
  }

  /** The buildings whose files the caller works on: an assistant's own, a supervisor's community's, every one for admins. */
  async buildingIdsOf(user: AuthUser): Promise<string[]> {
    if (user.role === Role.Assistant) return this.org.buildingsServedBy(user.id);
    if (user.role === Role.Supervisor) {
      if (!user.communityId) return [];
      return (await this.buildings.find({ where: { communityId: In([user.communityId]) }, select: { id: true } })).map((b) => b.id);
    }
    if (user.role === Role.Admin) {
      // The platform's admin: every community; a company's admin: its company's communities.
      const reach = await this.org.communitiesOfAdmin(user);
      return (await this.buildings.find({ where: reach === 'all' ? {} : { communityId: In(reach) }, select: { id: true } })).map((b) => b.id);
    }
    return [];
  }
}
