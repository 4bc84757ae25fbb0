import { Injectable } from '@nestjs/common';
import { CompanyDashboardDto } from '@linli/contracts';
import { chinaMonthOf, computeIndicators, periodWindow } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { ClockService } from '../clock/clock.service';
import { DashboardScopes } from './dashboard-scope';
import { DashboardQueryDto } from './dto/dashboard.dto';
import { headlineDtos } from './indicator-presenter';
import { IndicatorSource } from './indicator-source';
import { IndicatorTargetsService } from './indicator-targets.service';

/** The company admin's view: the month's headline figures of every community they reach, side by side. */
@Injectable()
export class ReadCompanyDashboard {
  constructor(
    private readonly scopes: DashboardScopes,
    private readonly source: IndicatorSource,
    private readonly targets: IndicatorTargetsService,
    private readonly calendars: WorkingCalendars,
    private readonly clock: ClockService,
  ) {}

  async run(user: AuthUser, query: DashboardQueryDto): Promise<CompanyDashboardDto> {
    const now = this.clock.now();
    const month = query.month ?? chinaMonthOf(now);
    const window = periodWindow('monthly', month)!;
    const communities = await this.scopes.communitiesOf(user);
    const rows: CompanyDashboardDto['communities'] = [];
    for (const c of communities) {
      const { targets } = await this.targets.forCompany(c.companyId);
      const tickets = await this.source.cohort(c.id, window.from, window.to, now);
      const feedback = await this.source.feedbackOf(tickets, now);
      const survey = await this.source.surveyResponse(c.id, window.from, window.to, now);
      const r = computeIndicators({ tickets, from: window.from, to: window.to, asOf: now, calendar: this.calendars.forCommunity(c.id), targets, ...feedback, survey });
      rows.push({ communityId: c.id, communityName: c.name, received: r.received, headline: headlineDtos(r) });
    }
    return { month, asOf: now.toISOString(), communities: rows };
  }
}
