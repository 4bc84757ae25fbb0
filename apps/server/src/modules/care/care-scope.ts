import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { OrgDirectory } from '../org/org-directory.service';
import { CareCampaign } from './entities/care-campaign.entity';

/**
 * Who plans a community's care: its supervisors, and the admins whose company runs it. Anyone else is
 * told the community is not theirs (a body naming it) or that the campaign does not exist (a path id).
 */
@Injectable()
export class CareScope {
  constructor(
    @InjectRepository(CareCampaign) private readonly campaigns: Repository<CareCampaign>,
    private readonly org: OrgDirectory,
  ) {}

  async plans(user: AuthUser, communityId: string): Promise<boolean> {
    if (user.role === Role.Supervisor) return user.communityId === communityId;
    if (user.role === Role.Admin) return this.org.adminReaches(user, communityId);
    return false;
  }

  async community(user: AuthUser, communityId: string): Promise<void> {
    if (!(await this.plans(user, communityId)))
      throw new AppException(ErrorCode.FORBIDDEN, '只能安排本小区的关怀活动');
  }

  async campaign(user: AuthUser, id: string): Promise<CareCampaign> {
    const campaign = await this.campaigns.findOne({ where: { id }, relations: { owner: true } });
    if (!campaign || !(await this.plans(user, campaign.communityId)))
      throw new AppException(ErrorCode.CAMPAIGN_NOT_FOUND);
    return campaign;
  }
}
