import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MoveOutDto, Role, STAFF_ROLES, VerifyReleaseSlipResultDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  CreateMoveOutDto,
  DeregisterMembersDto,
  MoveOutDecisionDto,
  OwnerDecisionDto,
  VerifyReleaseSlipDto,
  WrittenAuthorisationDto,
} from './dto/move-out.dto';
import { MoveOutOffice } from './move-out-office';
import { MoveOuts } from './move-outs.service';
import { VerifyReleaseSlip } from './verify-release-slip';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/** Moving belongings out (搬出) and the release slip (放行条), docs/domain-rules.md §4. */
@ApiTags('move-outs')
@ApiBearerAuth()
@Controller()
export class MoveOutsController {
  constructor(
    private readonly moveOuts: MoveOuts,
    private readonly moveOutOffice: MoveOutOffice,
    private readonly verifySlip: VerifyReleaseSlip,
  ) {}

  @Implements(Endpoints.api.applyMoveOut)
  @Post('move-outs')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'A member of the household applies to move belongings out (anyone but the owner then needs the owner’s authorisation)',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMoveOutDto): Promise<MoveOutDto> {
    return this.moveOuts.create(user, body);
  }

  @Implements(Endpoints.api.myMoveOuts)
  @Get('move-outs/mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'The caller’s household’s applications (an owner: all of them; anyone else: their own), with release slips',
  })
  mine(@CurrentUser() user: AuthUser): Promise<MoveOutDto[]> {
    return this.moveOuts.mine(user);
  }

  @Implements(Endpoints.api.officeMoveOuts)
  @Get('move-outs/office')
  @Roles(...STAFF_ROLES)
  @ApiQuery({
    name: 'householdId',
    required: false,
    description: 'all applications of this household instead of the open ones',
  })
  @ApiOperation({
    summary:
      'Applications the office has to act on, in the caller’s buildings (assistant) or community (supervisor)',
  })
  office(
    @CurrentUser() user: AuthUser,
    @Query('householdId') householdId?: string,
  ): Promise<MoveOutDto[]> {
    return this.moveOutOffice.office(user, householdId || undefined);
  }

  @Implements(Endpoints.api.moveOut)
  @Get('move-outs/:id')
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary:
      'One application: the household’s owner or its applicant, the building’s assistant, the community’s supervisor',
  })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MoveOutDto> {
    return this.moveOuts.get(user, id);
  }

  @Implements(Endpoints.api.moveOutOwnerDecision)
  @Post('move-outs/:id/owner-decision')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'The household’s owner authorises (or refuses) a tenant’s or an agent’s application',
  })
  ownerDecision(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: OwnerDecisionDto,
  ): Promise<MoveOutDto> {
    return this.moveOuts.ownerDecision(user, id, body.approve, body.reason);
  }

  @Implements(Endpoints.api.cancelMoveOut)
  @Post('move-outs/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'The applicant or the owner withdraws an application whose slip is unused',
  })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MoveOutDto> {
    return this.moveOuts.cancel(user, id);
  }

  @Implements(Endpoints.api.recordWrittenAuthorisation)
  @Post('move-outs/:id/written-authorisation')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The office records the owner’s written authorisation (copy of the owner’s ID, owner’s phone)',
  })
  writtenAuthorisation(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: WrittenAuthorisationDto,
  ): Promise<MoveOutDto> {
    return this.moveOutOffice.recordWrittenAuthorisation(user, id, body.note);
  }

  @Implements(Endpoints.api.markFeesSettled)
  @Post('move-outs/:id/fees-settled')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Staff record that management and utility fees are settled (who, when); required before a whole move-out is approved',
  })
  feesSettled(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MoveOutDto> {
    return this.moveOutOffice.markFeesSettled(user, id);
  }

  @Implements(Endpoints.api.decideMoveOut)
  @Post('move-outs/:id/decision')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The office approves (a release slip with a short code is issued) or rejects with the reason',
  })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MoveOutDecisionDto,
  ): Promise<MoveOutDto> {
    return this.moveOutOffice.decide(user, id, body.approve, body.reason);
  }

  @Implements(Endpoints.api.deregisterMembers)
  @Post('move-outs/:id/deregister')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'After the slip was used: deregister the members who left for good (kept in history)',
  })
  deregister(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: DeregisterMembersDto,
  ): Promise<MoveOutDto> {
    return this.moveOutOffice.deregister(user, id, body.memberIds);
  }

  @Implements(Endpoints.api.verifySlip)
  @Post('release-slips/verify')
  @RateLimit('slipVerify')
  @HttpCode(200)
  @Roles(Role.Guard)
  @ApiOperation({
    summary:
      'The gate guard checks a release slip code: shows the slip and marks it used; a used, expired or unknown slip is refused',
  })
  verify(
    @CurrentUser() user: AuthUser,
    @Body() body: VerifyReleaseSlipDto,
  ): Promise<VerifyReleaseSlipResultDto> {
    return this.verifySlip.run(user, body.code);
  }
}
