import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CalendarOverride as DayOverride, WorkingCalendar } from '@linli/domain';
import { Repository } from 'typeorm';
import { Community } from '../org/entities/community.entity';
import { CalendarOverride } from './entities/calendar-override.entity';

/**
 * The working calendar of each company: the published schedule plus the company's overrides. Held in
 * memory (the SLA clock asks for it on every deadline) and reloaded after a change here, and by the
 * sweep each round so other instances and communities created since pick changes up within one round.
 * A community not yet known (created since the last reload) gets the published calendar until then.
 */
@Injectable()
export class WorkingCalendars implements OnApplicationBootstrap {
  private readonly logger = new Logger('WorkingCalendars');
  private readonly published = new WorkingCalendar();
  private byCompany = new Map<string, WorkingCalendar>();
  private companyOf = new Map<string, string>();

  constructor(
    @InjectRepository(CalendarOverride)
    private readonly calendarOverrides: Repository<CalendarOverride>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  /** The calendar that counts a community's working days. */
  forCommunity(communityId: string): WorkingCalendar {
    const company = this.companyOf.get(communityId);
    return (company && this.byCompany.get(company)) || this.published;
  }

  /** The company of a community, as of the last reload. */
  companyOfCommunity(communityId: string): string | undefined {
    return this.companyOf.get(communityId);
  }

  forCompany(companyId: string): WorkingCalendar {
    return this.byCompany.get(companyId) ?? this.published;
  }

  /** Reads every company's overrides and which company each community belongs to. */
  async reload(): Promise<void> {
    try {
      const [rows, communities] = await Promise.all([
        this.calendarOverrides.find({
          select: { companyId: true, date: true, working: true, note: true },
        }),
        this.communities.find({ select: { id: true, companyId: true } }),
      ]);
      const grouped = new Map<string, DayOverride[]>();
      for (const r of rows)
        grouped.set(r.companyId, [
          ...(grouped.get(r.companyId) ?? []),
          { date: r.date, working: r.working, note: r.note ?? undefined },
        ]);
      this.byCompany = new Map(
        [...grouped].map(([company, overrides]) => [company, new WorkingCalendar({ overrides })]),
      );
      this.companyOf = new Map(communities.map((c) => [c.id, c.companyId]));
    } catch (err) {
      // Keep the last good calendars: a failed read must not turn every deadline weekends-only.
      this.logger.error(`calendar reload failed: ${String(err)}`);
    }
  }
}
