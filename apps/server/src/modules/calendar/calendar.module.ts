import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarAdmin } from './calendar-admin.service';
import { CalendarController } from './calendar.controller';
import { CalendarOverride } from './entities/calendar-override.entity';
import { WorkingCalendars } from './working-calendars.service';
import { CompanyOfUser } from '../org/company-of-user';
import { Community } from '../org/entities/community.entity';
import { Company } from '../org/entities/company.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** The working calendar: published Chinese schedule plus each company's overrides. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarOverride, Community, Company, Ticket])],
  controllers: [CalendarController],
  providers: [WorkingCalendars, CalendarAdmin, CompanyOfUser],
  exports: [WorkingCalendars],
})
export class CalendarModule {}
