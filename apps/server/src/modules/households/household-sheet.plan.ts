import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { HouseholdImportReportDto } from '@linli/contracts';
import {
  HouseholdSheetRow,
  maskIdNumber,
  maskPhone,
  roomKey,
  roomLabel,
  RowRejection,
  SHEET_ROLE_LABELS,
} from '@linli/domain';
import { communityHouseholds } from '../org/community-state';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { HouseholdMember } from './entities/household-member.entity';

/* The household-sheet import's decision: what the community holds, and what a checked sheet adds to it. */

export /** What the import reads of a community before deciding: its buildings, rooms, households and current members. */
interface CommunityState {
  buildings: Building[];
  rooms: Pick<Room, 'id' | 'buildingId' | 'unit' | 'number' | 'label'>[];
  households: Pick<Household, 'id' | 'roomId'>[];
  members: HouseholdMember[];
}

/** What the sheet adds to the community, and which rows conflict with what it already holds. */
export function planImport(
  communityId: string,
  state: CommunityState,
  rows: HouseholdSheetRow[],
  now: Date,
) {
  const rejected: RowRejection[] = [];
  const buildings = new Map<string, Building>();
  for (const b of [...state.buildings].sort((a, b) => a.sortOrder - b.sortOrder))
    if (!buildings.has(b.name.toLowerCase())) buildings.set(b.name.toLowerCase(), b);
  let sortOrder = Math.max(0, ...state.buildings.map((b) => b.sortOrder));
  const rooms = new Map(state.rooms.map((r) => [roomKey(r.buildingId, r.unit, r.number), r.id]));
  const households = new Map(state.households.map((h) => [h.roomId, h.id]));
  const members = new Map<string, HouseholdMember[]>();
  for (const m of state.members)
    members.set(m.householdId, [...(members.get(m.householdId) ?? []), m]);

  const out = {
    buildings: [] as Building[],
    rooms: [] as Room[],
    households: [] as Household[],
    members: [] as HouseholdMember[],
  };
  const existingRooms = new Set<string>();
  const createdRooms = new Set<string>();
  let existingMembers = 0;
  for (const row of rows) {
    let building = buildings.get(row.building.toLowerCase());
    if (!building) {
      building = { id: randomUUID(), communityId, name: row.building, sortOrder: ++sortOrder };
      buildings.set(row.building.toLowerCase(), building);
      out.buildings.push(building);
    }
    const key = roomKey(building.id, row.unit, row.number);
    let roomId = rooms.get(key);
    if (!roomId) {
      roomId = randomUUID();
      rooms.set(key, roomId);
      createdRooms.add(roomId);
      out.rooms.push({
        id: roomId,
        buildingId: building.id,
        unit: row.unit,
        number: row.number,
        label: roomLabel(building.name, row.unit, row.number),
      });
    } else if (!createdRooms.has(roomId)) {
      existingRooms.add(roomId);
    }
    if (!row.member) continue;
    const m = row.member;
    let householdId = households.get(roomId);
    if (!householdId) {
      householdId = randomUUID();
      households.set(roomId, householdId);
      out.households.push({ id: householdId, roomId, createdAt: now });
    }
    const current = members.get(householdId) ?? [];
    const byPhone = m.phone ? current.find((c) => c.phone === m.phone) : undefined;
    const match = byPhone ?? current.find((c) => c.name === m.name);
    if (match) {
      const problem = conflict(match, m, byPhone !== undefined);
      if (problem) rejected.push({ row: row.row, reason: problem });
      else existingMembers += 1;
      continue;
    }
    if (m.idMasked) {
      rejected.push({
        row: row.row,
        reason: '证件号是脱敏后的号码，新登记的住户请填写完整证件号或留空',
      });
      continue;
    }
    const member: HouseholdMember = {
      id: randomUUID(),
      householdId,
      name: m.name,
      role: m.role,
      relationship: m.relationship,
      phone: m.phone,
      idNumber: m.idNumber,
      moveInDate: m.moveInDate,
      userId: null,
      createdAt: now,
      removedAt: null,
      removedById: null,
    };
    members.set(householdId, [...current, member]);
    out.members.push(member);
  }

  const report: HouseholdImportReportDto = {
    rooms: { created: out.rooms.length, existing: existingRooms.size },
    households: { created: out.households.length },
    members: { created: out.members.length, existing: existingMembers },
    rejected: [],
  };
  return { ...out, rejected, report };
}

/** Reads everything the community holds, with one query per table (joins, not lists of ids). */
export async function loadCommunityState(
  db: EntityManager,
  communityId: string,
): Promise<CommunityState> {
  // One after another: inside a transaction they share one connection anyway.
  const buildings = await db.find(Building, { where: { communityId } });
  const rooms = await db
    .createQueryBuilder(Room, 'r')
    .innerJoin('r.building', 'b')
    .where('b.communityId = :communityId', { communityId })
    .select(['r.id', 'r.buildingId', 'r.unit', 'r.number', 'r.label'])
    .getMany();
  const households = await communityHouseholds(db, communityId);
  const members = await db
    .createQueryBuilder(HouseholdMember, 'm')
    .innerJoin('m.household', 'h')
    .innerJoin('h.room', 'r')
    .innerJoin('r.building', 'b')
    .where('b.communityId = :communityId AND m.removedAt IS NULL', { communityId })
    .getMany();
  return { buildings, rooms, households, members };
}

/**
 * Why a sheet row cannot be the member it matched on file, or null when it is that member. The import
 * never changes a registered member, so every value the row gives must agree with the file (values the
 * row leaves empty are not compared); otherwise the office would believe a change was made that was not.
 */
function conflict(
  existing: HouseholdMember,
  row: NonNullable<HouseholdSheetRow['member']>,
  byPhone: boolean,
): string | null {
  if (byPhone && existing.name !== row.name)
    return `该房屋已登记手机号 ${row.phone} 的住户“${existing.name}”，与表中姓名“${row.name}”不一致`;
  const differs: string[] = [];
  if (existing.role !== row.role)
    differs.push(`身份（已登记为${SHEET_ROLE_LABELS[existing.role]}）`);
  if (row.phone && existing.phone !== row.phone)
    differs.push(
      existing.phone ? `手机号（已登记为 ${maskPhone(existing.phone)}）` : '手机号（未登记）',
    );
  if (row.relationship && existing.relationship !== row.relationship)
    differs.push(`关系（已登记为${existing.relationship ?? '空'}）`);
  if (row.moveInDate && existing.moveInDate !== row.moveInDate)
    differs.push(`入住日期（已登记为${existing.moveInDate ?? '空'}）`);
  if (row.idNumber) {
    const registered = existing.idNumber?.toUpperCase() ?? null;
    const same =
      registered !== null &&
      (row.idMasked ? maskIdNumber(registered) === row.idNumber : registered === row.idNumber);
    if (!same) differs.push(registered ? '证件号' : '证件号（未登记）');
  }

  if (differs.length === 0) return null;
  return `该房屋已登记住户“${existing.name}”，表中的${differs.join('、')}与已登记信息不一致；导入不会修改已登记的住户，请在住户档案中修改或更正表格`;
}
