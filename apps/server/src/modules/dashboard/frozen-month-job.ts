import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaMonthOf, monthsEndingWith } from '@linli/domain';
import { DataSource } from 'typeorm';
import { JobLoop } from '../../common/jobs/job-loop';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { Community } from '../org/entities/community.entity';
import { IndicatorTargetsService } from './indicator-targets.service';
import { MonthFigures } from './month-figures';

/**
 * Stores every community's most recently frozen month (docs/dashboard.md, "Frozen months") ahead of its
 * first reader, on the scheduled reports' sweep (LINLI_REPORTS_SWEEP_SECONDS), so nobody waits for it
 * to be computed. The snapshot's unique key is the claim: with several instances each month is stored
 * once, whichever insert wins. A department's share is still stored by its first reader.
 */
@Injectable()
export class FrozenMonthJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FrozenMonths');
  private readonly loop = new JobLoop(this.logger, 'freezing the last month failed');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly figures: MonthFigures,
    private readonly targets: IndicatorTargetsService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.reportsSweepSeconds;
    if (seconds <= 0) return;
    this.loop.every(seconds * 1000, () => this.run());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop(this.config.shutdownTimeoutMs / 2);
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
    const communities = await this.ds.getRepository(Community).find({ select: { id: true, companyId: true }, order: { createdAt: 'ASC' } });
    let stored = 0;
    for (const c of communities) {
      const { targets } = await this.targets.forCompany(c.companyId);
      if ((await this.figures.store({ communityId: c.id, department: null }, month, targets)).created) stored += 1;
    }
    if (stored > 0) this.logger.log(`froze ${month} for ${stored} communit${stored === 1 ? 'y' : 'ies'}`);
    return stored;
  }
}
