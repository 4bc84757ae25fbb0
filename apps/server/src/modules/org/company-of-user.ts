import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@linli/contracts';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Community } from './entities/community.entity';
import { Company } from './entities/company.entity';

/**
 * The property company a staff member acts for: their community's. A company admin without a
 * community acts for the one company on file; with several companies and no community, refused.
 * A module that provides it lists Community and Company in its TypeOrmModule.forFeature.
 */
@Injectable()
export class CompanyOfUser {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Company) private readonly companies: Repository<Company>,
  ) {}

  async of(user: AuthUser): Promise<string> {
    if (user.communityId) {
      const community = await this.communities.findOne({
        where: { id: user.communityId },
        select: { id: true, companyId: true },
      });
      if (community) return community.companyId;
    }
    const companies = await this.companies.find({ select: { id: true }, take: 2 });
    if (companies.length !== 1)
      throw new AppException(ErrorCode.FORBIDDEN, '无法确定您所属的物业公司');
    return companies[0].id;
  }
}
