import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  computeIndicators,
  IndicatorTargets,
  Indicators,
  monthFreezesAt,
  periodWindow,
} from '@linli/domain';
import { createHash, randomUUID } from 'node:crypto';
import { In, LessThan, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/unit-of-work';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { ClockService } from '../clock/clock.service';
import { IndicatorProvisional } from './entities/indicator-provisional.entity';
import { IndicatorSnapshot } from './entities/indicator-snapshot.entity';
import { IndicatorSource } from './indicator-source';

/** Whose figures: a community, or one department's share of it. */
export interface FiguresScope {
  communityId: string;
  department: string | null;
}

/** A short, stable digest of the targets the figures are judged against (key order does not matter). */
export function targetsKey(targets: IndicatorTargets): string {
  const canonical = Object.keys(targets)
    .sort()
    .map((k) => `${k}=${targets[k as keyof IndicatorTargets]}`)
    .join('&');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** How much older than the refresh interval a provisional snapshot may be and still answer (a round's own run time). */
export const PROVISIONAL_SLACK_MS = 2 * 60_000;

/**
 * A month's figures for 数据看板, the tap-through and the company view, the same way everywhere:
 *
 * - until the month freezes (monthFreezesAt: its close + LINLI_DASHBOARD_FREEZE_DAYS) they are the
 *   community's provisional snapshot (indicator_provisional, stored every LINLI_DASHBOARD_REFRESH_MINUTES
 *   by FrozenMonthJob as of the round's start) while it is younger than the interval plus
 *   PROVISIONAL_SLACK_MS, else computed live from the recorded history, as of now;
 * - from then on they are the month's snapshot: computed once by the same computeIndicators, as of the
 *   freeze, stored in indicator_snapshot (lazily, by the first reader; the unique key makes a second
 *   instance that raced it read the stored one) and never recomputed, so a closed month costs one row
 *   read and does not change when today's data does (docs/dashboard.md, "Frozen months").
 */
@Injectable()
export class MonthFigures {
  constructor(
    @InjectRepository(IndicatorProvisional)
    private readonly indicatorProvisionals: Repository<IndicatorProvisional>,
    @InjectRepository(IndicatorSnapshot)
    private readonly indicatorSnapshots: Repository<IndicatorSnapshot>,
    private readonly source: IndicatorSource,
    private readonly calendars: WorkingCalendars,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The instant `month`'s figures freeze. */
  freezesAt(month: string): Date {
    const at = monthFreezesAt(month, this.config.dashboardFreezeDays);
    if (!at) throw new RangeError(`not a month: ${month}`);
    return at;
  }

  /** The month's figures as the dashboard shows them at `now`: before the freeze a fresh provisional snapshot or live, the snapshot after. */
  async of(
    scope: FiguresScope,
    month: string,
    now: Date,
    targets: IndicatorTargets,
  ): Promise<Indicators> {
    const freeze = this.freezesAt(month);
    if (now.getTime() >= freeze.getTime())
      return (await this.snapshot(scope, month, targets)).figures;
    if (scope.department === null) {
      const provisional = await this.indicatorProvisionals.findOne({
        where: {
          communityId: scope.communityId,
          scopeKey: '*',
          month,
          targetsKey: targetsKey(targets),
        },
      });
      if (provisional && this.fresh(provisional, now)) return provisional.figures;
    }
    return this.compute(scope, month, now, targets);
  }

  /**
   * `month`'s whole-community figures for several communities at `now` (the company view): a frozen month's
   * snapshots; an open month's provisional snapshots, read in one query, and live for those without a fresh one.
   */
  async ofCommunities(
    communities: { communityId: string; targets: IndicatorTargets }[],
    month: string,
    now: Date,
  ): Promise<Indicators[]> {
    const freeze = this.freezesAt(month);
    const byCommunity = new Map<string, IndicatorProvisional>();
    if (now.getTime() < freeze.getTime() && communities.length > 0) {
      const rows = await this.indicatorProvisionals.find({
        where: { communityId: In(communities.map((c) => c.communityId)), scopeKey: '*', month },
      });
      for (const c of communities) {
        const row = rows.find(
          (r) => r.communityId === c.communityId && r.targetsKey === targetsKey(c.targets),
        );
        if (row && this.fresh(row, now)) byCommunity.set(c.communityId, row);
      }
    }
    const out: Indicators[] = [];
    for (const c of communities)
      out.push(
        byCommunity.get(c.communityId)?.figures ??
          (await this.of({ communityId: c.communityId, department: null }, month, now, c.targets)),
      );
    return out;
  }

  /** The refresh interval in ms (0: provisional snapshots are neither stored nor read). */
  get refreshMs(): number {
    return this.config.dashboardRefreshMinutes * 60_000;
  }

  /** The start of the refresh round `now` falls in (rounds start at whole multiples of the interval). */
  roundStart(now: Date): Date {
    return new Date(Math.floor(now.getTime() / this.refreshMs) * this.refreshMs);
  }

  /** Whether a provisional snapshot may answer at `now`: refreshing is on and it is younger than the interval plus the slack. */
  private fresh(row: IndicatorProvisional, now: Date): boolean {
    const age = now.getTime() - row.asOf.getTime();
    return this.refreshMs > 0 && age >= 0 && age < this.refreshMs + PROVISIONAL_SLACK_MS;
  }

  /**
   * Stores the community's provisional snapshot of an open `month` as of `roundStart`, unless one as of
   * that round (or later) is stored already; true if this call stored it. Computed first, then written
   * only over an older row (or inserted, the unique key deciding a race), so of two instances running
   * the same round one stores and the other's figures (the same, as of the same instant) are dropped.
   */
  async refresh(
    communityId: string,
    month: string,
    roundStart: Date,
    targets: IndicatorTargets,
  ): Promise<boolean> {
    const key = { communityId, scopeKey: '*', month, targetsKey: targetsKey(targets) };
    const stored = await this.indicatorProvisionals.findOne({ where: key });
    if (stored && stored.asOf.getTime() >= roundStart.getTime()) return false;
    const figures = await this.compute(
      { communityId, department: null },
      month,
      roundStart,
      targets,
    );
    if (!stored) {
      try {
        await this.indicatorProvisionals.insert({
          id: randomUUID(),
          ...key,
          asOf: roundStart,
          figures,
          computedAt: this.clock.now(),
        });
        return true;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return false; // another instance stored this round first
      }
    }
    const res = await this.indicatorProvisionals.update(
      { id: stored.id, asOf: LessThan(roundStart) },
      { asOf: roundStart, figures, computedAt: this.clock.now() },
    );
    return (res.affected ?? 0) > 0;
  }

  /** The month's stored snapshot, computed and stored first if nobody has yet. Only for a frozen month. */
  async snapshot(
    scope: FiguresScope,
    month: string,
    targets: IndicatorTargets,
  ): Promise<IndicatorSnapshot> {
    return (await this.store(scope, month, targets)).row;
  }

  /** As `snapshot`, and whether this call stored it (false: it was stored already, or another reader's insert won). */
  async store(
    scope: FiguresScope,
    month: string,
    targets: IndicatorTargets,
  ): Promise<{ row: IndicatorSnapshot; created: boolean }> {
    const key = {
      communityId: scope.communityId,
      scopeKey: scope.department ?? '*',
      month,
      targetsKey: targetsKey(targets),
    };
    const stored = await this.indicatorSnapshots.findOne({ where: key });
    if (stored) return { row: stored, created: false };
    const asOf = this.freezesAt(month);
    const row: IndicatorSnapshot = {
      id: randomUUID(),
      ...key,
      asOf,
      figures: await this.compute(scope, month, asOf, targets),
      computedAt: this.clock.now(),
    };
    try {
      await this.indicatorSnapshots.insert(row);
      return { row, created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return { row: await this.indicatorSnapshots.findOneOrFail({ where: key }), created: false }; // stored meanwhile by another reader or instance
    }
  }

  /** The month's figures computed from the recorded history as of `asOf` (what a snapshot stores). */
  async compute(
    scope: FiguresScope,
    month: string,
    asOf: Date,
    targets: IndicatorTargets,
  ): Promise<Indicators> {
    const window = periodWindow('monthly', month)!;
    let tickets = await this.source.cohort(scope.communityId, window.from, window.to, asOf);
    if (scope.department) tickets = tickets.filter((t) => t.department === scope.department);
    const feedback = await this.source.feedbackOf(tickets, asOf, {
      communityId: scope.communityId,
      from: window.from,
      to: window.to,
    });
    const survey = scope.department
      ? null
      : await this.source.surveyResponse(scope.communityId, window.from, window.to, asOf);
    return computeIndicators({
      tickets,
      from: window.from,
      to: window.to,
      asOf,
      calendar: this.calendars.forCommunity(scope.communityId),
      targets,
      ...feedback,
      survey,
    });
  }
}
