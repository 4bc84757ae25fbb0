import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommunityStructureDto,
  CreatedRoomsDto,
  Role,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureCommunityDto,
  StructureRoomDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  CreateBuildingDto,
  CreateRoomDto,
  CreateRoomRangeDto,
  UpdateBuildingDto,
  UpdateRoomDto,
} from './dto/structure.dto';
import { AssistantAssignments } from './use-cases/assistant-assignments';
import { BuildingEdits } from './use-cases/building-edits';
import { RoomEdits } from './use-cases/room-edits';
import { StructureView } from './use-cases/structure-view';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

/**
 * Structure management (楼栋 · 单元 · 房屋): for the community's supervisors and the admins who reach it;
 * anyone else gets 403 (other roles) or 404 (another community's ids).
 */
@ApiTags('structure')
@ApiBearerAuth()
@Controller('structure')
export class StructureController {
  constructor(
    private readonly view: StructureView,
    private readonly buildings: BuildingEdits,
    private readonly rooms: RoomEdits,
    private readonly assistants: AssistantAssignments,
  ) {}

  @Implements(Endpoints.api.structureCommunities)
  @Get('communities')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The communities the caller manages' })
  communities(@CurrentUser() user: AuthUser): Promise<StructureCommunityDto[]> {
    return this.view.communities(user);
  }

  @Implements(Endpoints.api.communityStructure)
  @Get('communities/:communityId')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      "A community's buildings → units → rooms (with whether each is in use), each building's assistants, and the community's assistants",
  })
  community(
    @CurrentUser() user: AuthUser,
    @Param('communityId') communityId: string,
  ): Promise<CommunityStructureDto> {
    return this.view.structure(user, communityId);
  }

  @Implements(Endpoints.api.addBuilding)
  @Post('communities/:communityId/buildings')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Add a building (409 BUILDING_NAME_TAKEN when the community has one of that name)',
  })
  addBuilding(
    @CurrentUser() user: AuthUser,
    @Param('communityId') communityId: string,
    @Body() body: CreateBuildingDto,
  ): Promise<StructureBuildingDto> {
    return this.buildings.addBuilding(user, communityId, body);
  }

  @Implements(Endpoints.api.updateBuilding)
  @Put('buildings/:buildingId')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: "Rename a building (its rooms' labels follow) and/or change its sort order",
  })
  updateBuilding(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
    @Body() body: UpdateBuildingDto,
  ): Promise<StructureBuildingDto> {
    return this.buildings.updateBuilding(user, buildingId, body);
  }

  @Implements(Endpoints.api.deleteBuilding)
  @Delete('buildings/:buildingId')
  @HttpCode(204)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Delete a building with its empty rooms (409 BUILDING_IN_USE when any room has members, tickets or history)',
  })
  deleteBuilding(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
  ): Promise<void> {
    return this.buildings.deleteBuilding(user, buildingId);
  }

  @Implements(Endpoints.api.addRoom)
  @Post('buildings/:buildingId/rooms')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Add one room (409 ROOM_NUMBER_TAKEN when the building has that unit and number)',
  })
  addRoom(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
    @Body() body: CreateRoomDto,
  ): Promise<StructureRoomDto> {
    return this.rooms.addRoom(user, buildingId, body);
  }

  @Implements(Endpoints.api.addRoomRange)
  @Post('buildings/:buildingId/room-range')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Add units × floors × rooms per floor (1单元101 … 2单元1802): all of them or, if any exists, none',
  })
  addRoomRange(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
    @Body() body: CreateRoomRangeDto,
  ): Promise<CreatedRoomsDto> {
    return this.rooms.addRoomRange(user, buildingId, body);
  }

  @Implements(Endpoints.api.updateRoom)
  @Put('rooms/:roomId')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: "Change a room's unit and number (its label follows; the household file stays)",
  })
  updateRoom(
    @CurrentUser() user: AuthUser,
    @Param('roomId') roomId: string,
    @Body() body: UpdateRoomDto,
  ): Promise<StructureRoomDto> {
    return this.rooms.updateRoom(user, roomId, body);
  }

  @Implements(Endpoints.api.deleteRoom)
  @Delete('rooms/:roomId')
  @HttpCode(204)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Delete a room (409 ROOM_IN_USE when it has members, tickets or history on its file)',
  })
  deleteRoom(@CurrentUser() user: AuthUser, @Param('roomId') roomId: string): Promise<void> {
    return this.rooms.deleteRoom(user, roomId);
  }

  @Implements(Endpoints.api.assignAssistant)
  @Put('buildings/:buildingId/assistants/:userId')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      "Make one of the community's assistants serve the building; answers the building's assistants",
  })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
    @Param('userId') userId: string,
  ): Promise<StructureAssistantDto[]> {
    return this.assistants.assignAssistant(user, buildingId, userId);
  }

  @Implements(Endpoints.api.unassignAssistant)
  @Delete('buildings/:buildingId/assistants/:userId')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: "The assistant no longer serves the building; answers the building's assistants",
  })
  unassign(
    @CurrentUser() user: AuthUser,
    @Param('buildingId') buildingId: string,
    @Param('userId') userId: string,
  ): Promise<StructureAssistantDto[]> {
    return this.assistants.unassignAssistant(user, buildingId, userId);
  }
}
