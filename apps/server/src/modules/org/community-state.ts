import { Role } from '@linli/contracts';
import { EntityManager } from 'typeorm';
import { Community } from './entities/community.entity';
import { Household } from './entities/household.entity';
import { User } from './entities/user.entity';

/**
 * Locks the community row until the transaction ends, on MySQL/MariaDB (SQLite's UnitOfWork already runs
 * transactions one at a time): structure edits and household-sheet imports into one community take turns.
 */
export async function lockCommunity(db: EntityManager, communityId: string): Promise<void> {
  if (db.connection.options.type === 'better-sqlite3') return;
  await db
    .createQueryBuilder(Community, 'c')
    .setLock('pessimistic_write')
    .where('c.id = :communityId', { communityId })
    .getOne();
}

/** The community's household files, id and room only (one query, joined through rooms and buildings). */
export function communityHouseholds(
  db: EntityManager,
  communityId: string,
): Promise<Pick<Household, 'id' | 'roomId'>[]> {
  return db
    .createQueryBuilder(Household, 'h')
    .innerJoin('h.room', 'r')
    .innerJoin('r.building', 'b')
    .where('b.communityId = :communityId', { communityId })
    .select(['h.id', 'h.roomId'])
    .getMany();
}

/** The resident accounts bound to a household of the community; only those of `buildingIds` when any are given. */
export async function communityResidents(
  db: EntityManager,
  communityId: string,
  buildingIds: readonly string[] = [],
): Promise<string[]> {
  const q = db
    .createQueryBuilder(User, 'u')
    .select('u.id', 'id')
    .innerJoin('household', 'h', 'h.id = u.householdId')
    .innerJoin('room', 'r', 'r.id = h.roomId')
    .innerJoin('building', 'b', 'b.id = r.buildingId')
    .where('u.role = :role AND b.communityId = :communityId', {
      role: Role.Resident,
      communityId,
    });
  if (buildingIds.length > 0) q.andWhere('b.id IN (:...buildingIds)', { buildingIds });
  return ((await q.getRawMany()) as { id: string }[]).map((r) => r.id);
}
