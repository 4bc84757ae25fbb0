import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEPARTMENT_NAMES, DepartmentName, ErrorCode, Role } from '@linli/contracts';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Community } from '../org/entities/community.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';

/** Whose figures a caller reads: one community, all of it or one department's share. */
export interface DashboardScope {
  communityId: string;
  communityName: string;
  companyId: string;
  department: DepartmentName | null;
  departmentLabel: string | null;
  /** The communities the caller may switch between. */
  communities: { id: string; name: string }[];
}

/**
 * Reach for the figures: a supervisor reads their own community; a department head (a supervisor with
 * a department) only their department's tickets in it; a company admin any community of their company.
 * Anything else is answered as if it did not exist.
 */
@Injectable()
export class DashboardScopes {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly org: OrgDirectory,
  ) {}

  async communitiesOf(user: AuthUser): Promise<{ id: string; name: string; companyId: string }[]> {
    const select = { id: true, name: true, companyId: true } as const;
    if (user.role === Role.Supervisor)
      return user.communityId
        ? this.communities.find({ where: { id: user.communityId }, select })
        : [];
    if (user.role !== Role.Admin) return [];
    const reach = await this.org.communitiesOfAdmin(user);
    const rows =
      reach === 'all'
        ? await this.communities.find({ select })
        : reach.length
          ? await this.communities.find({ where: { id: In(reach) }, select })
          : [];
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  }

  async resolve(user: AuthUser, communityId?: string): Promise<DashboardScope> {
    const communities = await this.communitiesOf(user);
    const chosen = communityId ? communities.find((c) => c.id === communityId) : communities[0];
    if (!chosen)
      throw new AppException(
        communityId ? ErrorCode.NOT_FOUND : ErrorCode.FORBIDDEN,
        communityId ? '小区不存在或不在您的管理范围内' : '您没有可查看的小区',
      );
    const department =
      user.role === Role.Supervisor
        ? ((
            await this.users.findOne({
              where: { id: user.id },
              select: { id: true, department: true },
            })
          )?.department ?? null)
        : null;
    return {
      communityId: chosen.id,
      communityName: chosen.name,
      companyId: chosen.companyId,
      department,
      departmentLabel: department ? DEPARTMENT_NAMES[department] : null,
      communities: communities.map(({ id, name }) => ({ id, name })),
    };
  }
}
