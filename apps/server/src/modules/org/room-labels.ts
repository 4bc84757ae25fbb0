import { In, Repository } from 'typeorm';
import { Household } from './entities/household.entity';
import { Room } from './entities/room.entity';

/** Each household's room label ('' when its room is gone), read in two queries. */
export async function roomLabelsOf(
  repos: { households: Repository<Household>; rooms: Repository<Room> },
  householdIds: string[],
): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const households = await repos.households.find({ where: { id: In(householdIds) } });
  const rooms = await repos.rooms.find({ where: { id: In(households.map((h) => h.roomId)) } });
  return new Map(households.map((h) => [h.id, rooms.find((r) => r.id === h.roomId)?.label ?? '']));
}
