import { Injectable } from '@nestjs/common';
import { CompanyDashboardDto } from '@linli/contracts';
import { chinaMonthOf } from '@linli/domain';
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
    const rows: CompanyDashboardDto['communities'] = [];
    for (const c of communities) {
      const { targets } = await this.targets.forCompany(c.companyId);
      const r = await this.figures.of({ communityId: c.id, department: null }, month, now, targets);
      rows.push({ communityId: c.id, communityName: c.name, received: r.received, headline: headlineDtos(r) });
    }
    return { month, asOf: now.toISOString(), communities: rows };
  }
}
