import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IndicatorTargetsDto, Role } from '@linli/contracts';
import { DEFAULT_INDICATOR_TARGETS, IndicatorTargets } from '@linli/domain';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { DashboardScopes } from './dashboard-scope';
import { UpdateIndicatorTargetsDto } from './dto/dashboard.dto';
import { IndicatorTargetsRow } from './entities/indicator-targets.entity';

/** A company's targets: the brief's seed numbers, with the company's own where it set them. */
@Injectable()
export class IndicatorTargetsService {
  constructor(
    @InjectRepository(IndicatorTargetsRow)
    private readonly indicatorTargets: Repository<IndicatorTargetsRow>,
    private readonly scopes: DashboardScopes,
    private readonly clock: ClockService,
  ) {}

  async forCompany(companyId: string): Promise<{ targets: IndicatorTargets; customised: boolean }> {
    const row = await this.indicatorTargets.findOne({ where: { companyId } });
    const own = row?.targets ?? {};
    const targets = { ...DEFAULT_INDICATOR_TARGETS };
    for (const key of Object.keys(targets) as (keyof IndicatorTargets)[])
      if (typeof own[key] === 'number') targets[key] = own[key];
    return { targets, customised: Object.keys(own).length > 0 };
  }

  async read(user: AuthUser, communityId?: string): Promise<IndicatorTargetsDto> {
    const scope = await this.scopes.resolve(user, communityId);
    const { targets, customised } = await this.forCompany(scope.companyId);
    return { ...targets, customised, canEdit: user.role === Role.Admin };
  }

  async update(user: AuthUser, dto: UpdateIndicatorTargetsDto): Promise<IndicatorTargetsDto> {
    const scope = await this.scopes.resolve(user, dto.communityId);
    const row = await this.indicatorTargets.findOne({ where: { companyId: scope.companyId } });
    const next: Record<string, number> = { ...(row?.targets ?? {}) };
    for (const key of Object.keys(DEFAULT_INDICATOR_TARGETS) as (keyof IndicatorTargets)[]) {
      const value = dto[key];
      if (value === undefined) continue;
      if (value === DEFAULT_INDICATOR_TARGETS[key]) delete next[key];
      else next[key] = value;
    }
    await this.indicatorTargets.save({
      companyId: scope.companyId,
      targets: next,
      updatedById: user.id,
      updatedAt: this.clock.now(),
    });
    return this.read(user, scope.communityId);
  }
}
