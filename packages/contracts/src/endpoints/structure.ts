import type {
  CommunityStructureDto,
  CreateBuildingRequest,
  CreateRoomRangeRequest,
  CreateRoomRequest,
  CreatedRoomsDto,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureCommunityDto,
  StructureRoomDto,
  UpdateBuildingRequest,
  UpdateRoomRequest,
} from '..';
import { del, get, post, put } from './endpoint';

/** structure: the routes its controllers declare. */
export const structureEndpoints = {
  structureCommunities: get('/api/structure/communities')<void, StructureCommunityDto[]>(),
  communityStructure: get('/api/structure/communities/:communityId')<void, CommunityStructureDto>(),
  addBuilding: post('/api/structure/communities/:communityId/buildings')<
    CreateBuildingRequest,
    StructureBuildingDto
  >(),
  updateBuilding: put('/api/structure/buildings/:buildingId')<
    UpdateBuildingRequest,
    StructureBuildingDto
  >(),
  deleteBuilding: del('/api/structure/buildings/:buildingId')(),
  addRoom: post('/api/structure/buildings/:buildingId/rooms')<
    CreateRoomRequest,
    StructureRoomDto
  >(),
  addRoomRange: post('/api/structure/buildings/:buildingId/room-range')<
    CreateRoomRangeRequest,
    CreatedRoomsDto
  >(),
  updateRoom: put('/api/structure/rooms/:roomId')<UpdateRoomRequest, StructureRoomDto>(),
  deleteRoom: del('/api/structure/rooms/:roomId')(),
  assignAssistant: put('/api/structure/buildings/:buildingId/assistants/:userId')<
    void,
    StructureAssistantDto[]
  >(),
  unassignAssistant: del('/api/structure/buildings/:buildingId/assistants/:userId')<
    void,
    StructureAssistantDto[]
  >(),
};
