import { Injectable } from '@nestjs/common';
import { CompanyDashboardDto } from '@linli/contracts';
import { chinaMonthOf, IndicatorTargets } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { DashboardScopes } from './dashboard-scope';
import { DashboardQueryDto } from './dto/dashboard.dto';
import { headlineDtos } from './indicator-presenter';
import { IndicatorTargetsService } from './indicator-targets.service';
import { MonthFigures } from './month-figures';

/** The company admin's view: the month's headline figures of every community they reach, side by side. */
@Injectable()
export class ReadCompanyDashboard {
  constructor(
    private readonly scopes: DashboardScopes,
    private readonly targets: IndicatorTargetsService,
    private readonly figures: MonthFigures,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser, query: DashboardQueryDto): Promise<CompanyDashboardDto> {
    const now = this.clock.now();
    const month = query.month ?? chinaMonthOf(now);
    const communities = await this.scopes.communitiesOf(user);
    const wanted: { communityId: string; targets: IndicatorTargets }[] = [];
    const byCompany = new Map<string, IndicatorTargets>();
    for (const c of communities) {
      if (!byCompany.has(c.companyId))
        byCompany.set(c.companyId, (await this.targets.forCompany(c.companyId)).targets);
      wanted.push({ communityId: c.id, targets: byCompany.get(c.companyId)! });
    }
    // All communities' provisional (or frozen) figures at once; only those without one are computed.
    const figures = await this.figures.ofCommunities(wanted, month, now);
    const rows: CompanyDashboardDto['communities'] = communities.map((c, i) => ({
      communityId: c.id,
      communityName: c.name,
      received: figures[i].received,
      headline: headlineDtos(figures[i]),
    }));
    // The oldest figures shown: a provisional snapshot's round start, a frozen month's freeze, or now.
    const asOf = figures.reduce(
      (oldest, f) => (f.asOf < oldest ? f.asOf : oldest),
      now.toISOString(),
    );
    return { month, asOf, communities: rows };
  }
}
