import { NoticeTargetDto, Role } from '@linli/contracts';
import { noticeReaches } from '@linli/domain';
import { EntityManager, Repository } from 'typeorm';
import { Household } from '../org/entities/household.entity';
import { User } from '../org/entities/user.entity';

export interface NoticeHousehold {
  householdId: string;
  buildingId: string;
  unit: string;
  label: string;
}

/**
 * The community's households a target reaches (a household exists once someone lives there), in room
 * order; `households` is the injected repository, or inside a transaction `db.getRepository(Household)`.
 */
export async function householdsReached(
  households: Repository<Household>,
  communityId: string,
  target: NoticeTargetDto,
): Promise<NoticeHousehold[]> {
  const rows = await households
    .createQueryBuilder('h')
    .innerJoin('h.room', 'r')
    .innerJoin('r.building', 'b')
    .select([
      'h.id AS householdId',
      'r.buildingId AS buildingId',
      'r.unit AS unit',
      'r.label AS label',
    ])
    .where('b.communityId = :communityId', { communityId })
    .orderBy('b.sortOrder', 'ASC')
    .addOrderBy('r.label', 'ASC')
    .getRawMany<NoticeHousehold>();
  return rows.filter((h) => noticeReaches(target, h));
}

/** The residents (mini-program users) of those households, to tell in the inbox. */
export async function residentsOf(
  db: EntityManager,
  householdIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    const chunk = householdIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const users = await db
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .where('u.role = :role AND u.householdId IN (:...chunk)', { role: Role.Resident, chunk })
      .getRawMany<{ id: string }>();
    ids.push(...users.map((u) => u.id));
  }
  return ids;
}
