import { EntityManager, In } from 'typeorm';
import {
  ErrorCode,
  Role,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureRoomDto,
} from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { User } from '../org/entities/user.entity';
import { inUseReason, roomUsage, RoomUsage } from './structure-usage';

/** How many clashing rooms a refusal names before "…". */
const NAMED = 5;

export const natural = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function sortBuildings(buildings: Building[]): Building[] {
  return [...buildings].sort((a, b) => a.sortOrder - b.sortOrder || natural(a.name, b.name));
}

export function present(
  building: Building,
  rooms: Room[],
  householdOf: Map<string, string>,
  usage: Map<string, RoomUsage>,
  assistants: StructureAssistantDto[],
): StructureBuildingDto {
  const units = [...new Set(rooms.map((r) => r.unit))].sort(natural);
  return {
    id: building.id,
    name: building.name,
    sortOrder: building.sortOrder,
    roomCount: rooms.length,
    units: units.map((unit) => ({
      unit,
      rooms: rooms
        .filter((r) => r.unit === unit)
        .sort((a, b) => natural(a.number, b.number))
        .map((r) => presentRoom(r, householdOf.get(r.id) ?? null, usage.get(r.id))),
    })),
    assistants: [...assistants].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  };
}

export function presentRoom(
  room: Room,
  householdId: string | null,
  usage: RoomUsage | undefined,
): StructureRoomDto {
  return {
    id: room.id,
    unit: room.unit,
    number: room.number,
    label: room.label,
    householdId,
    memberCount: usage?.members ?? 0,
    inUse: inUseReason(usage) !== null,
  };
}

export function buildingNameTaken(name: string): AppException {
  return new AppException(ErrorCode.BUILDING_NAME_TAKEN, `本小区已有楼栋“${name}”，请换一个名称`);
}

export function roomNumberTaken(labels: string[], range = false): AppException {
  const named =
    labels.slice(0, NAMED).join('、') + (labels.length > NAMED ? ` 等 ${labels.length} 户` : '');
  return new AppException(
    ErrorCode.ROOM_NUMBER_TAKEN,
    range ? `${named}已存在，本次未添加任何房屋` : `${named}已存在`,
  );
}

/** A building as the structure screen shows it, read inside the transaction that changed it. */
export async function buildingDto(
  db: EntityManager,
  building: Building,
): Promise<StructureBuildingDto> {
  const rooms = await db.find(Room, { where: { buildingId: building.id } });
  const households = rooms.length
    ? await db.find(Household, {
        where: { roomId: In(rooms.map((r) => r.id)) },
        select: { id: true, roomId: true },
      })
    : [];
  const usage = await roomUsage(db, { buildingId: building.id });
  return present(
    building,
    rooms,
    new Map(households.map((h) => [h.roomId, h.id])),
    usage,
    await buildingAssistants(db, building.id),
  );
}

/** The building's assistants, by name. */
export async function buildingAssistants(
  db: EntityManager,
  buildingId: string,
): Promise<StructureAssistantDto[]> {
  const links = await db.find(AssistantBuilding, {
    where: { buildingId },
    relations: { user: true },
  });
  return links
    .map((l) => ({ id: l.userId, name: l.user!.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** The community's assistants, by name: who may be assigned to its buildings. */
export async function assistantsOf(
  db: EntityManager,
  communityId: string,
): Promise<StructureAssistantDto[]> {
  const rows = await db.find(User, {
    where: { communityId, role: Role.Assistant },
    select: { id: true, name: true },
  });
  return rows
    .map((r) => ({ id: r.id, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}
