import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CommunityTicketFilter, CommunityTicketsPage, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CommunityTicketQueries } from './community-ticket-queries.service';
import { CommunityTicketsQueryDto } from './dto/community-tickets-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets/community')
export class CommunityTicketsController {
  constructor(private readonly queries: CommunityTicketQueries) {}

  @Implements(Endpoints.api.communityTickets)
  @Get()
  @Roles(Role.Supervisor, Role.Admin)
  @ApiQuery({ name: 'filter', enum: CommunityTicketFilter, required: false })
  @ApiOperation({
    summary:
      "The supervisor's community's tickets, a page at a time (?cursor=&limit=): open ones (open, at_risk, department: nearest live deadline first, with counts of the whole list), closed ones or all (newest first)",
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: CommunityTicketsQueryDto,
  ): Promise<CommunityTicketsPage> {
    return this.queries.list(user, query.filter ?? CommunityTicketFilter.Open, pageRequest(query));
  }
}
