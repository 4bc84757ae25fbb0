import { EntityManager, In } from 'typeorm';
import { Household } from './entities/household.entity';
import { Room } from './entities/room.entity';

/** Each household's room label ('' when its room is gone), read in two queries. */
export async function roomLabelsOf(
  db: EntityManager,
  householdIds: string[],
): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const households = await db.getRepository(Household).find({ where: { id: In(householdIds) } });
  const rooms = await db
    .getRepository(Room)
    .find({ where: { id: In(households.map((h) => h.roomId)) } });
  return new Map(households.map((h) => [h.id, rooms.find((r) => r.id === h.roomId)?.label ?? '']));
}
