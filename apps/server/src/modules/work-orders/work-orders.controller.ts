import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, Role, WorkOrderDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CompleteWorkOrderDto, IssueWorkOrderDto } from './dto/work-order.dto';
import { WorkOrders } from './work-orders.service';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrders) {}

  @Implements(Endpoints.api.workOrders)
  @Get()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Department heads: their department’s work orders; supervisors: the community’s; open ones first by due time, then finished ones newest first, a page at a time (?cursor=&limit=)',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<WorkOrderDto>> {
    return this.orders.list(user, pageRequest(query));
  }

  @Implements(Endpoints.api.issueWorkOrder)
  @Post()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The community’s supervisor: issue a work order (工作安排通知单) to a department, about a ticket or on their own initiative',
  })
  issue(@CurrentUser() user: AuthUser, @Body() body: IssueWorkOrderDto): Promise<WorkOrderDto> {
    return this.orders.issue(user, body);
  }

  @Implements(Endpoints.api.acceptWorkOrder)
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The head of the named department: take the work order on' })
  accept(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<WorkOrderDto> {
    return this.orders.accept(user, id);
  }

  @Implements(Endpoints.api.completeWorkOrder)
  @Post(':id/done')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'The head of the named department: report it done with the result (on the ticket’s timeline)',
  })
  done(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CompleteWorkOrderDto,
  ): Promise<WorkOrderDto> {
    return this.orders.complete(user, id, body);
  }
}
