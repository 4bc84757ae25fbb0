import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { HouseholdDocumentRecord } from '../households/entities/household-document.entity';
import { HouseholdInvite } from '../households/entities/household-invite.entity';
import { HouseholdJoinRequest } from '../households/entities/household-join-request.entity';
import { HouseholdMemberEvent } from '../households/entities/household-member-event.entity';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { HouseholdNote } from '../households/entities/household-note.entity';
import { HouseholdReview } from '../households/entities/household-review.entity';
import { MoveOut } from '../move-outs/entities/move-out.entity';
import { Building } from '../org/entities/building.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';

/** Which rooms to look at: one room, a building's, or a whole community's. */
export type UsageScope = { roomId: string } | { buildingId: string } | { communityId: string };

/** What hangs off one room. */
export interface RoomUsage {
  /** Current members on the household file. */
  members: number;
  tickets: number;
  /** Anything else on the file: former members, accounts bound to it, notes, papers, reviews, requests, move-outs, invitations. */
  history: number;
}

/** The household-file tables whose rows are history a deletion would lose (the read audit goes with an empty file). */
const FILE_HISTORY: EntityTarget<ObjectLiteral>[] = [
  User,
  HouseholdNote,
  HouseholdDocumentRecord,
  HouseholdReview,
  HouseholdJoinRequest,
  HouseholdMemberEvent,
  HouseholdInvite,
  MoveOut,
];

/**
 * What hangs off the rooms of a scope, by room id (rooms with nothing are absent). A room with any of it
 * is in use: it keeps a family's file or a ticket's place, so structure management must not delete it.
 */
export async function roomUsage(
  db: EntityManager,
  scope: UsageScope,
): Promise<Map<string, RoomUsage>> {
  const usage = new Map<string, RoomUsage>();
  const add = (rows: { roomId: string; n: string | number }[], key: keyof RoomUsage) => {
    for (const { roomId, n } of rows) {
      const u = usage.get(roomId) ?? { members: 0, tickets: 0, history: 0 };
      u[key] += Number(n);
      usage.set(roomId, u);
    }
  };
  const viaHousehold = <T extends ObjectLiteral>(entity: EntityTarget<T>) =>
    db
      .createQueryBuilder(entity, 'x')
      .innerJoin(Household, 'h', 'h.id = x.householdId')
      .innerJoin(Room, 'r', 'r.id = h.roomId');
  // One query per table, grouped by room (never a list of ids), as the import's loader does.
  add(
    await countByRoom(viaHousehold(HouseholdMember).andWhere('x.removedAt IS NULL'), scope),
    'members',
  );
  add(
    await countByRoom(viaHousehold(HouseholdMember).andWhere('x.removedAt IS NOT NULL'), scope),
    'history',
  );
  for (const entity of FILE_HISTORY) add(await countByRoom(viaHousehold(entity), scope), 'history');
  add(
    await countByRoom(
      db.createQueryBuilder(Ticket, 'x').innerJoin(Room, 'r', 'r.id = x.roomId'),
      scope,
    ),
    'tickets',
  );
  return usage;
}

function countByRoom<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: UsageScope,
): Promise<{ roomId: string; n: string | number }[]> {
  if ('roomId' in scope) qb.andWhere('r.id = :roomId', { roomId: scope.roomId });
  else if ('buildingId' in scope)
    qb.andWhere('r.buildingId = :buildingId', { buildingId: scope.buildingId });
  else
    qb.innerJoin(Building, 'b', 'b.id = r.buildingId').andWhere('b.communityId = :communityId', {
      communityId: scope.communityId,
    });
  return qb.select('r.id', 'roomId').addSelect('COUNT(*)', 'n').groupBy('r.id').getRawMany();
}

/** Why a room cannot go, in Chinese (e.g. "已登记 2 位住户、有 1 张工单"), or null when nothing hangs off it. */
export function inUseReason(u: RoomUsage | undefined): string | null {
  if (!u) return null;
  const parts: string[] = [];
  if (u.members > 0) parts.push(`已登记 ${u.members} 位住户`);
  if (u.tickets > 0) parts.push(`有 ${u.tickets} 张工单`);
  if (u.history > 0) parts.push('住户档案中有历史记录');
  return parts.length ? parts.join('、') : null;
}
