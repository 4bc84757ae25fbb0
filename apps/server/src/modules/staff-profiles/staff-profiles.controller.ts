import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, StaffProfileDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { UpdateStaffProfileDto } from './dto/staff-profile.dto';
import { StaffProfiles } from './staff-profiles.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('me/staff-profile')
export class StaffProfilesController {
  constructor(private readonly profiles: StaffProfiles) {}

  @Implements(Endpoints.api.myStaffProfile)
  @Get()
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({
    summary:
      'The caller’s own card as residents see it (photo, specialities, service phone, introduction)',
  })
  mine(@CurrentUser() user: AuthUser): Promise<StaffProfileDto> {
    return this.profiles.mine(user);
  }

  @Implements(Endpoints.api.updateStaffProfile)
  @Put()
  @Roles(Role.Assistant, Role.Supervisor)
  @ApiOperation({ summary: 'Change the caller’s own card; fields left out stay as they are' })
  update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateStaffProfileDto,
  ): Promise<StaffProfileDto> {
    return this.profiles.update(user, body);
  }
}
