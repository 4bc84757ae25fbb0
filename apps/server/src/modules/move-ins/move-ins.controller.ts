import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MoveInDto, Role, STAFF_ROLES } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  CreateMoveInDto,
  MoveInDecisionDto,
  MoveInOwnerConsentDto,
  MoveInPapersDto,
  MoveInWrittenConsentDto,
} from './dto/move-in.dto';
import { MoveIns } from './move-ins.service';
import { RegisterMoveIn } from './register-move-in';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/** Move-in registration (入住登记) and residence passes (居住证), docs/domain-rules.md §4. */
@ApiTags('move-ins')
@ApiBearerAuth()
@Controller('move-ins')
export class MoveInsController {
  constructor(
    private readonly moveIns: MoveIns,
    private readonly register: RegisterMoveIn,
  ) {}

  @Implements(Endpoints.api.registerMoveIn)
  @Post()
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Register people moving in: a member of the household for their own household, or the office of its building at the counter',
  })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMoveInDto): Promise<MoveInDto> {
    return this.register.run(user, body);
  }

  @Implements(Endpoints.api.myMoveIns)
  @Get('mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'The caller’s household’s registrations (an owner: all of them; anyone else: their own), with the passes issued',
  })
  mine(@CurrentUser() user: AuthUser): Promise<MoveInDto[]> {
    return this.moveIns.mine(user);
  }

  @Implements(Endpoints.api.officeMoveIns)
  @Get('office')
  @Roles(...STAFF_ROLES)
  @ApiQuery({
    name: 'householdId',
    required: false,
    description: 'all registrations of this household instead of the pending ones',
  })
  @ApiOperation({
    summary:
      'Pending registrations in the caller’s buildings (assistant), community (supervisor) or companies (admin)',
  })
  office(
    @CurrentUser() user: AuthUser,
    @Query('householdId') householdId?: string,
  ): Promise<MoveInDto[]> {
    return this.moveIns.office(user, householdId || undefined);
  }

  @Implements(Endpoints.api.moveIn)
  @Get(':id')
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary:
      'One registration: the household’s owner or its registrant, or the office of its building',
  })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MoveInDto> {
    return this.moveIns.get(user, id);
  }

  @Implements(Endpoints.api.moveInOwnerConsent)
  @Post(':id/owner-consent')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'The household’s owner agrees to (or refuses) the registration of family or tenants',
  })
  ownerConsent(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MoveInOwnerConsentDto,
  ): Promise<MoveInDto> {
    return this.moveIns.ownerConsent(user, id, body.approve, body.reason);
  }

  @Implements(Endpoints.api.moveInWrittenConsent)
  @Post(':id/written-consent')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The office records the owner’s written consent it holds (required for relatives living in)',
  })
  writtenConsent(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MoveInWrittenConsentDto,
  ): Promise<MoveInDto> {
    return this.moveIns.recordWrittenConsent(user, id, body.note);
  }

  @Implements(Endpoints.api.checkMoveInPapers)
  @Post(':id/papers')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The office records the papers it checked for each person (ID, deed, lease, notarised proof of relation)',
  })
  papers(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MoveInPapersDto,
  ): Promise<MoveInDto> {
    return this.moveIns.checkPapers(user, id, body.people);
  }

  @Implements(Endpoints.api.decideMoveIn)
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The office approves (members added to the file, a residence pass each) once nothing is missing, or rejects with the reason',
  })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MoveInDecisionDto,
  ): Promise<MoveInDto> {
    return this.moveIns.decide(user, id, body.approve, body.reason);
  }

  @Implements(Endpoints.api.cancelMoveIn)
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'The registrant or the household’s owner withdraws a pending registration',
  })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MoveInDto> {
    return this.moveIns.cancel(user, id);
  }
}
