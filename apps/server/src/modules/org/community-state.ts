import { EntityManager } from 'typeorm';
import { Community } from './entities/community.entity';
import { Household } from './entities/household.entity';

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
