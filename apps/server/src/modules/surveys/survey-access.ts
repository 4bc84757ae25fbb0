import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Role } from '@linli/contracts';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Community } from '../org/entities/community.entity';
import { Company } from '../org/entities/company.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { SurveyRound } from './entities/survey-round.entity';

/**
 * Who runs a community's surveys: its supervisors and the admins who reach it. Anyone else gets "not
 * found" for a round, so a foreign id reveals nothing.
 */
@Injectable()
export class SurveyAccess {
  constructor(
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    private readonly org: OrgDirectory,
  ) {}

  async runs(user: AuthUser, communityId: string): Promise<boolean> {
    if (user.role === Role.Supervisor) return user.communityId === communityId;
    if (user.role === Role.Admin) return this.org.adminReaches(user, communityId);
    return false;
  }

  /** The round, if the caller runs its community; else SURVEY_NOT_FOUND. `db`: inside a transaction. */
  async roundFor(user: AuthUser, roundId: string, db?: EntityManager): Promise<SurveyRound> {
    const rounds = db?.getRepository(SurveyRound) ?? this.surveyRounds;
    const round = await rounds.findOne({ where: { id: roundId } });
    if (!round || !(await this.runs(user, round.communityId)))
      throw new AppException(ErrorCode.SURVEY_NOT_FOUND);
    return round;
  }

  /** The community a supervisor runs, or the one an admin names (and reaches). */
  async communityFor(user: AuthUser, requested?: string): Promise<string> {
    const communityId =
      user.role === Role.Supervisor
        ? user.communityId
        : (requested ?? user.communityId ?? (await this.onlyCommunity()));
    if (!communityId || !(await this.runs(user, communityId)))
      throw new AppException(ErrorCode.FORBIDDEN, '请选择您管理的小区');
    return communityId;
  }

  /** The company whose templates the caller uses: that of their community, else (the platform admin) the only company. */
  async companyOf(user: AuthUser): Promise<string> {
    if (user.communityId) {
      const c = await this.communities.findOne({ where: { id: user.communityId } });
      if (c) return c.companyId;
    }
    const companies = await this.companies.find({ take: 2 });
    if (companies.length !== 1)
      throw new AppException(ErrorCode.FORBIDDEN, '请以物业公司管理员身份操作');
    return companies[0].id;
  }

  async companyOfCommunity(communityId: string): Promise<string> {
    return (await this.communities.findOneOrFail({ where: { id: communityId } })).companyId;
  }

  private async onlyCommunity(): Promise<string | null> {
    const rows = await this.communities.find({ take: 2 });
    return rows.length === 1 ? rows[0].id : null;
  }
}
