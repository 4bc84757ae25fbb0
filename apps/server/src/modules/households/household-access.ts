import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, Role, STAFF_ROLES } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Building } from '../org/entities/building.entity';
import { Access } from '../org/access.service';
import { HouseholdPlace, OrgDirectory } from '../org/org-directory.service';

/**
 * Who of the staff may work on a household file: the assistants of its building, the supervisors of
 * its community, admins of its company (the platform's admin: all). Anyone else gets "not found", so a foreign id reveals nothing.
 */
@Injectable()
export class HouseholdAccess {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    private readonly org: OrgDirectory,
    private readonly access: Access,
  ) {}

  /** The one policy (Access): assistants their buildings, supervisors their community, admins their company. */
  mayWorkIn(user: AuthUser, building: Pick<Building, 'id' | 'communityId'>): Promise<boolean> {
    return this.access.reaches(user, {
      communityId: building.communityId,
      buildingId: building.id,
    });
  }

  /** The household, if the caller is staff of its building (assistants) or community (supervisors); else HOUSEHOLD_NOT_FOUND. */
  async staff(
    user: AuthUser,
    householdId: string,
    roles: readonly Role[] = STAFF_ROLES,
  ): Promise<{ place: HouseholdPlace; buildingName: string }> {
    const place = roles.includes(user.role) ? await this.org.householdPlace(householdId) : null;
    const building = place
      ? await this.buildings.findOne({ where: { id: place.buildingId } })
      : null;
    if (!place || !building || !(await this.mayWorkIn(user, building)))
      throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    return { place, buildingName: building.name };
  }

  /** The buildings whose files the caller works on: an assistant's own, a supervisor's community's, every one for admins. */
  buildingIdsOf(user: AuthUser): Promise<string[]> {
    return this.access.buildingIds(user);
  }
}
