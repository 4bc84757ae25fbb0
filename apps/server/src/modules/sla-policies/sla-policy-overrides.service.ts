import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SlaPolicyOverride } from '@linli/domain';
import { Repository } from 'typeorm';
import { WorkingCalendars } from '../calendar/working-calendars.service';
import { SlaPolicyOverrideRow } from './entities/sla-policy-override.entity';

/**
 * Each company's own time-limit numbers, held in memory like the calendars (the SLA clock plans every
 * new ticket with them) and reloaded after a change here and by the sweep each round, so other
 * instances follow within one round.
 */
@Injectable()
export class SlaPolicyOverrides implements OnApplicationBootstrap {
  private readonly logger = new Logger('SlaPolicyOverrides');
  private byCompany = new Map<string, SlaPolicyOverride[]>();

  constructor(
    @InjectRepository(SlaPolicyOverrideRow)
    private readonly slaPolicyOverrides: Repository<SlaPolicyOverrideRow>,
    private readonly calendars: WorkingCalendars,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  /** The overrides that apply to a community's tickets (its company's). */
  forCommunity(communityId: string): readonly SlaPolicyOverride[] {
    const company = this.calendars.companyOfCommunity(communityId);
    return (company && this.byCompany.get(company)) || [];
  }

  forCompany(companyId: string): readonly SlaPolicyOverride[] {
    return this.byCompany.get(companyId) ?? [];
  }

  async reload(): Promise<void> {
    try {
      const rows = await this.slaPolicyOverrides.find({
        select: { companyId: true, policyCode: true, milestones: true },
      });
      const grouped = new Map<string, SlaPolicyOverride[]>();
      for (const r of rows)
        grouped.set(r.companyId, [
          ...(grouped.get(r.companyId) ?? []),
          { code: r.policyCode, milestones: r.milestones },
        ]);
      this.byCompany = grouped;
    } catch (err) {
      // Keep the last good table: a failed read must not silently put every company back on the defaults.
      this.logger.error(`time-limit overrides reload failed: ${String(err)}`);
    }
  }
}
