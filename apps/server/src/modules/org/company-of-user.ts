import { ErrorCode } from '@linli/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Community } from './entities/community.entity';
import { Company } from './entities/company.entity';

/**
 * The property company a staff member acts for: their community's. A company admin without a
 * community acts for the one company on file; with several companies and no community, refused.
 */
export async function companyOfUser(ds: DataSource, user: AuthUser): Promise<string> {
  if (user.communityId) {
    const community = await ds
      .getRepository(Community)
      .findOne({ where: { id: user.communityId }, select: { id: true, companyId: true } });
    if (community) return community.companyId;
  }
  const companies = await ds.getRepository(Company).find({ select: { id: true }, take: 2 });
  if (companies.length !== 1)
    throw new AppException(ErrorCode.FORBIDDEN, '无法确定您所属的物业公司');
  return companies[0].id;
}
