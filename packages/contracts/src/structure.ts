/**
 * Structure management (issue #4): a community's buildings (栋), unit entrances (单元) and rooms (房号),
 * and the assistants serving each building. For the community's supervisors and the admins who reach it.
 */

/** A community the caller may manage. */
export interface StructureCommunityDto {
  id: string;
  name: string;
}

export interface StructureRoomDto {
  id: string;
  unit: string;
  number: string;
  /** As people say it: 1栋1单元101室. */
  label: string;
  householdId: string | null;
  /** Current members on the household file. */
  memberCount: number;
  /** Something hangs off the room (members, tickets, history on its file): it cannot be deleted. */
  inUse: boolean;
}

export interface StructureUnitDto {
  unit: string;
  rooms: StructureRoomDto[];
}

export interface StructureAssistantDto {
  id: string;
  name: string;
}

export interface StructureBuildingDto {
  id: string;
  name: string;
  sortOrder: number;
  roomCount: number;
  units: StructureUnitDto[];
  /** The concierge assistants (礼宾助理) serving this building. */
  assistants: StructureAssistantDto[];
}

/** GET /api/structure/communities/:communityId */
export interface CommunityStructureDto {
  community: StructureCommunityDto;
  buildings: StructureBuildingDto[];
  /** The community's assistants, who may be assigned to its buildings. */
  assistants: StructureAssistantDto[];
}

export interface CreateBuildingRequest {
  name: string;
  /** Where the building is listed; after the others when left out. */
  sortOrder?: number;
}

export interface UpdateBuildingRequest {
  name?: string;
  sortOrder?: number;
}

/** One room; a bare number as unit means the Nth entrance ('1' → '1单元'). */
export interface CreateRoomRequest {
  unit: string;
  number: string;
}

/** Units unitFrom–unitTo × floors floorFrom–floorTo × perFloor rooms a floor, numbered floor + two digits (1802). */
export interface CreateRoomRangeRequest {
  unitFrom: number;
  unitTo: number;
  floorFrom: number;
  floorTo: number;
  perFloor: number;
}

export interface UpdateRoomRequest {
  unit: string;
  number: string;
}

export interface CreatedRoomsDto {
  created: number;
  rooms: StructureRoomDto[];
}
