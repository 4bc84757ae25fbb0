import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MyHouseholdRefDto,
  Role,
  STAFF_ROLES,
  UserProfileDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  CreateJoinRequestDto,
  RejectJoinRequestDto,
  RemoveMemberDto,
  SwitchHouseholdDto,
} from './dto/join-request.dto';
import { JoinRequests } from './join-requests.service';
import { MemberRooms } from './member-rooms';
import { JoinPicker } from './room-files';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('join-requests')
@ApiBearerAuth()
@Controller()
export class JoinRequestsController {
  constructor(
    private readonly joins: JoinRequests,
    private readonly picker: JoinPicker,
    private readonly memberRooms: MemberRooms,
  ) {}

  @Implements(Endpoints.api.joinCommunities)
  @Get('join-requests/communities')
  @Roles(Role.Resident)
  @ApiOperation({ summary: 'Communities a resident may ask to join a room in' })
  communities(): Promise<JoinCommunityDto[]> {
    return this.picker.communityList();
  }

  @Implements(Endpoints.api.joinBuildings)
  @Get('join-requests/communities/:id/buildings')
  @Roles(Role.Resident)
  @ApiOperation({ summary: "A community's buildings with their room labels (nobody's data)" })
  buildings(@Param('id') id: string): Promise<JoinBuildingDto[]> {
    return this.picker.buildingsOf(id);
  }

  @Implements(Endpoints.api.askToJoin)
  @Post('join-requests')
  @RateLimit('joinRequest')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'Ask to join a room as family, tenant or relative; approved by the owner and/or the office (joinApprovers)',
  })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateJoinRequestDto,
  ): Promise<JoinRequestDto> {
    return this.joins.create(user, body);
  }

  @Implements(Endpoints.api.myJoinRequests)
  @Get('join-requests/mine')
  @Roles(Role.Resident)
  @ApiOperation({ summary: "The caller's own join requests, newest first" })
  mine(@CurrentUser() user: AuthUser): Promise<JoinRequestDto[]> {
    return this.joins.mine(user);
  }

  @Implements(Endpoints.api.pendingJoinRequests)
  @Get('join-requests/pending')
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Requests waiting for the caller: an owner's households; the office's buildings or community",
  })
  pending(@CurrentUser() user: AuthUser): Promise<JoinRequestDto[]> {
    return this.joins.pending(user);
  }

  @Implements(Endpoints.api.approveJoinRequest)
  @Post('join-requests/:id/approve')
  @HttpCode(200)
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary: 'Approve as owner or office; the last approval makes the requester a member',
  })
  approve(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<JoinRequestDto> {
    return this.joins.approve(user, id);
  }

  @Implements(Endpoints.api.rejectJoinRequest)
  @Post('join-requests/:id/reject')
  @HttpCode(200)
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({ summary: 'Reject, with the reason the requester reads' })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: RejectJoinRequestDto,
  ): Promise<JoinRequestDto> {
    return this.joins.reject(user, id, body.reason);
  }

  @Implements(Endpoints.api.cancelJoinRequest)
  @Post('join-requests/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({ summary: 'The requester withdraws a pending request' })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<JoinRequestDto> {
    return this.joins.cancel(user, id);
  }

  @Implements(Endpoints.api.removeMember)
  @Post('households/:id/members/:memberId/remove')
  @HttpCode(204)
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Remove a member (owners: not an owner; or the building's office); kept on file with who and when",
  })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('memberId') memberId: string,
    @Body() body: RemoveMemberDto,
  ): Promise<void> {
    return this.memberRooms.removeMember(user, id, memberId, body.reason);
  }

  @Implements(Endpoints.api.myHouseholds)
  @Get('me/households')
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'Every room the caller belongs to; the active one is what tickets and 我的房屋 use',
  })
  myHouseholds(@CurrentUser() user: AuthUser): Promise<MyHouseholdRefDto[]> {
    return this.memberRooms.myHouseholds(user);
  }

  @Implements(Endpoints.api.switchHousehold)
  @Post('me/active-household')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary: 'Switch the active room to another of the caller’s rooms (403 for any other)',
  })
  switchHousehold(
    @CurrentUser() user: AuthUser,
    @Body() body: SwitchHouseholdDto,
  ): Promise<UserProfileDto> {
    return this.memberRooms.switchTo(user, body.householdId);
  }
}
