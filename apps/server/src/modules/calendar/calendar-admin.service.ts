import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CalendarDayDto,
  CalendarOverrideDto,
  CalendarYearDto,
  ErrorCode,
  Role,
} from '@linli/contracts';
import { chinaDateKey } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { In, MoreThan, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { CompanyOfUser } from '../org/company-of-user';
import { Community } from '../org/entities/community.entity';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { CalendarOverrideRequestDto } from './dto/calendar-override.dto';
import { CalendarOverride } from './entities/calendar-override.entity';
import { WorkingCalendars } from './working-calendars.service';

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written 'YYYY-MM-DD', or null. */
export function parseDateKey(value: string): string | null {
  const m = DATE_KEY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return null;
  return y >= 2000 && y <= 2100 ? value : null;
}

/** The company's working-calendar adjustments: read by staff, changed by company admins. */
@Injectable()
export class CalendarAdmin {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly companyOfUser: CompanyOfUser,
    @InjectRepository(CalendarOverride)
    private readonly calendarOverrides: Repository<CalendarOverride>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly calendars: WorkingCalendars,
    private readonly clock: ClockService,
  ) {}

  async year(user: AuthUser, year: number | undefined): Promise<CalendarYearDto> {
    const companyId = await this.companyOfUser.of(user);
    const thisYear = Number(chinaDateKey(this.clock.now()).slice(0, 4));
    const shown = year ?? thisYear;
    const calendar = this.calendars.forCompany(companyId);
    const rows = await this.calendarOverrides.find({
      where: { companyId },
      relations: { updatedBy: true },
      order: { date: 'ASC' },
    });
    const specialDays: CalendarDayDto[] = [];
    for (let t = Date.UTC(shown, 0, 1); new Date(t).getUTCFullYear() === shown; t += 86_400_000) {
      const info = calendar.dayInfo(new Date(t).toISOString().slice(0, 10));
      if (info.source === 'override' || info.source === 'published')
        specialDays.push({
          date: info.date,
          working: info.working,
          source: info.source,
          note: info.note ?? null,
        });
    }
    const warnings = calendar.yearsWithoutData(thisYear, thisYear + 1).map((y) => {
      const added = rows.filter((r) => r.date.startsWith(`${y}-`)).length;
      return `${y} 年的法定节假日安排尚未收录，该年暂按周末休息计算工作日${added > 0 ? `（已补充 ${added} 天）` : ''}。国务院公布安排后，请逐日补充放假和调休上班的日期。`;
    });
    return {
      year: shown,
      published: calendar.hasPublishedSchedule(shown),
      warnings,
      specialDays,
      overrides: rows.filter((r) => r.date.startsWith(`${shown}-`)).map(toDto),
      canEdit: user.role === Role.Admin,
    };
  }

  async set(
    user: AuthUser,
    date: string,
    body: CalendarOverrideRequestDto,
  ): Promise<CalendarOverrideDto> {
    const day = this.validDate(date);
    const companyId = await this.companyOfUser.of(user);
    const now = this.clock.now();
    const repo = this.calendarOverrides;
    const note = body.note?.trim() || null;
    await this.unitOfWork.run(async (db) => {
      const existing = await db.findOne(CalendarOverride, { where: { companyId, date: day } });
      if (existing)
        await db.update(
          CalendarOverride,
          { id: existing.id },
          { working: body.working, note, updatedById: user.id, updatedAt: now },
        );
      else
        await db.insert(CalendarOverride, {
          id: randomUUID(),
          companyId,
          date: day,
          working: body.working,
          note,
          updatedById: user.id,
          updatedAt: now,
        });
    });
    await this.applied(companyId);
    return toDto(
      await repo.findOneOrFail({ where: { companyId, date: day }, relations: { updatedBy: true } }),
    );
  }

  async remove(user: AuthUser, date: string): Promise<void> {
    const day = this.validDate(date);
    const companyId = await this.companyOfUser.of(user);
    const result = await this.calendarOverrides.delete({ companyId, date: day });
    if (!result.affected) throw new AppException(ErrorCode.NOT_FOUND, `${day} 没有调整记录`);
    await this.applied(companyId);
  }

  /**
   * After a change: every instance's calendars reload (this one now, the others on their next sweep),
   * and the company's open tickets are looked at again by the sweep, since deadlines counted in working
   * days may have moved. Deadlines themselves are never stored, so nothing else goes stale.
   */
  private async applied(companyId: string): Promise<void> {
    await this.calendars.reload();
    const communities = await this.communities.find({ where: { companyId }, select: { id: true } });
    if (communities.length === 0) return;
    const now = this.clock.now();
    await this.tickets.update(
      { communityId: In(communities.map((c) => c.id)), nextCheckAt: MoreThan(now) },
      { nextCheckAt: now },
    );
  }

  private validDate(date: string): string {
    const day = parseDateKey(date);
    const message = '日期格式应为 YYYY-MM-DD，且是真实存在的日期';
    if (!day)
      throw new AppException(ErrorCode.VALIDATION_FAILED, message, [{ field: 'date', message }]);
    return day;
  }
}

function toDto(row: CalendarOverride & { updatedBy?: User | null }): CalendarOverrideDto {
  return {
    date: row.date,
    working: row.working,
    note: row.note,
    updatedByName: row.updatedBy?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
