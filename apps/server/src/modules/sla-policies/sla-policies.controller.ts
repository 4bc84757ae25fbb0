import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, SlaPolicyDto, STAFF_ROLES } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { UpdateSlaPolicyDto } from './dto/update-sla-policy.dto';
import { SlaPoliciesAdmin } from './sla-policies-admin.service';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('admin/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly admin: SlaPoliciesAdmin) {}

  @Implements(Endpoints.api.slaPolicies)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff: every time-limit policy of docs/domain-rules.md §6 with its default and the company’s own numbers',
  })
  list(@CurrentUser() user: AuthUser): Promise<SlaPolicyDto[]> {
    return this.admin.list(user);
  }

  @Implements(Endpoints.api.setSlaPolicy)
  @Put(':code')
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Company admins only: set the company’s numbers for a policy (tickets reported from now on)',
  })
  set(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyDto> {
    return this.admin.set(user, code, body);
  }

  @Implements(Endpoints.api.resetSlaPolicy)
  @Delete(':code')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Company admins only: back to the default numbers' })
  reset(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<void> {
    return this.admin.reset(user, code);
  }
}
