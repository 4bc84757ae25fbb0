import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarOverrideDto, CalendarYearDto, Role, STAFF_ROLES } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CalendarAdmin } from './calendar-admin.service';
import { CalendarOverrideRequestDto, CalendarYearQueryDto } from './dto/calendar-override.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('admin/calendar')
export class CalendarController {
  constructor(private readonly admin: CalendarAdmin) {}

  @Implements(Endpoints.api.calendar)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff: the working calendar of a year (holidays, make-up days, the company’s adjustments) and the warning for years without a published schedule',
  })
  year(
    @CurrentUser() user: AuthUser,
    @Query() query: CalendarYearQueryDto,
  ): Promise<CalendarYearDto> {
    return this.admin.year(user, query.year);
  }

  @Implements(Endpoints.api.setCalendarOverride)
  @Put('overrides/:date')
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Company admins only: make a day a working day or a day off (wins over the published schedule)',
  })
  set(
    @CurrentUser() user: AuthUser,
    @Param('date') date: string,
    @Body() body: CalendarOverrideRequestDto,
  ): Promise<CalendarOverrideDto> {
    return this.admin.set(user, date, body);
  }

  @Implements(Endpoints.api.removeCalendarOverride)
  @Delete('overrides/:date')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Company admins only: remove an adjustment; the day follows the published schedule again',
  })
  remove(@CurrentUser() user: AuthUser, @Param('date') date: string): Promise<void> {
    return this.admin.remove(user, date);
  }
}
