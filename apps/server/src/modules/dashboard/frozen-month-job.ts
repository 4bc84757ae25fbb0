import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { chinaMonthOf, monthsEndingWith } from '@linli/domain';
import { In, Not, Repository } from 'typeorm';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { Community } from '../org/entities/community.entity';
import { IndicatorProvisional } from './entities/indicator-provisional.entity';
import { IndicatorTargetsService } from './indicator-targets.service';
import { MonthFigures } from './month-figures';

/**
 * Stores every community's most recently frozen month (docs/dashboard.md, "Frozen months") ahead of its
 * first reader, on the scheduled reports' sweep (LINLI_REPORTS_SWEEP_SECONDS), so nobody waits for it
 * to be computed. The snapshot's unique key is the claim: with several instances each month is stored
 * once, whichever insert wins. A department's share is still stored by its first reader.
 *
 * It also keeps the open months' provisional snapshots (docs/dashboard.md, "Provisional snapshots"):
 * every LINLI_DASHBOARD_REFRESH_MINUTES a round stores each community's months not yet frozen as of the
 * round's start (MonthFigures.refresh: once per round across instances), on its own job,
 * OpenMonthsRefreshJob, which looks every half minute (at most every interval) so a round is stored
 * soon after it starts; both jobs run only while this one does (LINLI_REPORTS_SWEEP_SECONDS > 0).
 */
@Injectable()
export class FrozenMonthJob extends ScheduledJob<number> {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(IndicatorProvisional)
    private readonly provisional: Repository<IndicatorProvisional>,
    private readonly figures: MonthFigures,
    private readonly targets: IndicatorTargetsService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('FrozenMonths', 'freezing the last month failed', () =>
      jobTiming(config.reportsSweepSeconds * 1000, config),
    );
  }

  protected round(): Promise<number> {
    return this.run();
  }

  /** The latest month frozen at `now` (the freeze is at most 366 days after a month's close). */
  lastFrozenMonth(now: Date): string {
    return monthsEndingWith(chinaMonthOf(now), 15)
      .reverse()
      .find((m) => this.figures.freezesAt(m).getTime() <= now.getTime())!;
  }

  /** Stores the last frozen month of every community that has none yet; returns how many this instance stored. */
  async run(): Promise<number> {
    const month = this.lastFrozenMonth(this.clock.now());
    const communities = await this.communities.find({
      select: { id: true, companyId: true },
      order: { createdAt: 'ASC' },
    });
    let stored = 0;
    for (const c of communities) {
      const { targets } = await this.targets.forCompany(c.companyId);
      if (
        (await this.figures.store({ communityId: c.id, department: null }, month, targets)).created
      )
        stored += 1;
    }
    if (stored > 0)
      this.logger.log(`froze ${month} for ${stored} communit${stored === 1 ? 'y' : 'ies'}`);
    return stored;
  }

  /** The months not yet frozen at `at`, oldest first (the month running and those closed less than the freeze days ago). */
  openMonths(at: Date): string[] {
    return monthsEndingWith(chinaMonthOf(at), 15).filter(
      (m) => this.figures.freezesAt(m).getTime() > at.getTime(),
    );
  }

  /**
   * One refresh round: the provisional snapshot of every community's open months as of the current round's
   * start, where none is stored for it yet; drops those of months that have frozen since. Returns how many
   * this instance stored. `stopping` (shutdown began) ends the round at the next community.
   */
  async refresh(stopping: () => boolean = () => false): Promise<number> {
    if (this.figures.refreshMs <= 0) return 0;
    const round = this.figures.roundStart(this.clock.now());
    const months = this.openMonths(round);
    await this.provisional.delete({ month: Not(In(months)) });
    const communities = await this.communities.find({
      select: { id: true, companyId: true },
      order: { createdAt: 'ASC' },
    });
    let stored = 0;
    for (const c of communities) {
      if (stopping()) break;
      const { targets } = await this.targets.forCompany(c.companyId);
      for (const month of months)
        if (await this.figures.refresh(c.id, month, round, targets)) stored += 1;
    }
    if (stored > 0)
      this.logger.log(
        `refreshed ${stored} open month${stored === 1 ? '' : 's'} as of ${round.toISOString()}`,
      );
    return stored;
  }
}
