import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarAdmin } from './calendar-admin.service';
import { CalendarController } from './calendar.controller';
import { CalendarOverride } from './entities/calendar-override.entity';
import { WorkingCalendars } from './working-calendars.service';

/** The working calendar: published Chinese schedule plus each company's overrides. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarOverride])],
  controllers: [CalendarController],
  providers: [WorkingCalendars, CalendarAdmin],
  exports: [WorkingCalendars],
})
export class CalendarModule {}
