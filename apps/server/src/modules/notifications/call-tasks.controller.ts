import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallTaskDto, Page, STAFF_ROLES } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CallTasks } from './call-tasks.service';
import { pageRequest } from '../../common/paging/paging';
import { CallTaskDoneDto, CallTaskQueryDto } from './dto/call-task.dto';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('call-tasks')
export class CallTasksController {
  constructor(private readonly tasks: CallTasks) {}

  @Implements(Endpoints.api.callTasks)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Staff only: phone calls owed because WeChat could not carry an emergency's news (assistants: their own; supervisors: their community's); open ones in one page, the rest newest first by ?cursor=&limit=",
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: CallTaskQueryDto,
  ): Promise<Page<CallTaskDto>> {
    return this.tasks.list(user, query.status, pageRequest(query));
  }

  @Implements(Endpoints.api.callTaskDone)
  @Post(':id/done')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Staff only: record a call's outcome (the assigned caller, or the community's supervisor)",
  })
  done(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CallTaskDoneDto,
  ): Promise<CallTaskDto> {
    return this.tasks.done(user, id, body.outcome);
  }
}
