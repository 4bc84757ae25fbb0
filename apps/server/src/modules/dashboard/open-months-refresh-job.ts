import { Inject, Injectable } from '@nestjs/common';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { FrozenMonthJob } from './frozen-month-job';
import { MonthFigures } from './month-figures';

/**
 * The open months' provisional snapshots (FrozenMonthJob.refresh) on their own timer: every half minute
 * (at most every LINLI_DASHBOARD_REFRESH_MINUTES), and only while the frozen-month job runs
 * (LINLI_REPORTS_SWEEP_SECONDS > 0).
 */
@Injectable()
export class OpenMonthsRefreshJob extends ScheduledJob<number> {
  constructor(
    private readonly frozen: FrozenMonthJob,
    figures: MonthFigures,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super('FrozenMonths', 'refreshing the open months failed', () =>
      jobTiming(
        config.reportsSweepSeconds > 0 && figures.refreshMs > 0
          ? Math.min(30_000, figures.refreshMs)
          : 0,
        config,
      ),
    );
  }

  protected round(): Promise<number> {
    return this.frozen.refresh(() => this.stopping);
  }
}
