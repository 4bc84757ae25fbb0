import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { JoinApprover, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { User } from '../org/entities/user.entity';
import { HouseholdJoinRequest } from './entities/household-join-request.entity';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';
import { HouseholdMember } from './entities/household-member.entity';

/* What a join request writes besides its own row: the membership history, and the member on admission. */

export async function recordJoinStep(
  db: EntityManager,
  r: Pick<HouseholdJoinRequest, 'id' | 'householdId' | 'name' | 'role'> & {
    memberId?: string | null;
  },
  e: {
    action: HouseholdMemberEvent['action'];
    as: JoinApprover | null;
    actor: AuthUser | null;
    actorName: string | null;
    at: Date;
    note?: string | null;
    memberId?: string;
  },
): Promise<void> {
  await db.insert(HouseholdMemberEvent, {
    id: randomUUID(),
    householdId: r.householdId,
    requestId: r.id,
    memberId: e.memberId ?? r.memberId ?? null,
    action: e.action,
    actingAs: e.as,
    actorId: e.actor?.id ?? null,
    actorName: e.actorName?.slice(0, 50) ?? null,
    subjectName: r.name,
    subjectRole: r.role,
    note: e.note ?? null,
    at: e.at,
  });
}

/** On the last approval: a member row linked to the requester (an unbound one with their phone, if on file), bound if they had no room. */
export async function admitRequester(
  db: EntityManager,
  r: HouseholdJoinRequest,
  now: Date,
): Promise<void> {
  const existing =
    (await db.findOne(HouseholdMember, {
      where: { householdId: r.householdId, userId: r.userId, removedAt: IsNull() },
    })) ??
    (await db.findOne(HouseholdMember, {
      where: {
        householdId: r.householdId,
        phone: r.phone,
        userId: IsNull(),
        removedAt: IsNull(),
      },
    }));
  let memberId: string;
  if (existing) {
    memberId = existing.id;
    if (existing.userId === null)
      await db.update(HouseholdMember, { id: existing.id }, { userId: r.userId });
  } else {
    memberId = randomUUID();
    await db.insert(HouseholdMember, {
      id: memberId,
      householdId: r.householdId,
      name: r.name,
      role: r.role,
      relationship: r.relationship,
      phone: r.phone,
      idNumber: null,
      moveInDate: null,
      userId: r.userId,
      createdAt: now,
      removedAt: null,
      removedById: null,
    });
  }

  await db.update(HouseholdJoinRequest, { id: r.id }, { memberId });
  await db
    .createQueryBuilder()
    .update(User)
    .set({ householdId: r.householdId, communityId: r.communityId })
    .where('id = :id AND householdId IS NULL', { id: r.userId })
    .execute();
  await recordJoinStep(
    db,
    { ...r, memberId },
    { action: 'joined', as: null, actor: null, actorName: null, at: now, memberId },
  );
}

/** The history note when the office approves for an owner who does not use the mini-program. */
export function onBehalfNote(user: AuthUser, as: JoinApprover): string | null {
  return as === 'owner' && user.role !== Role.Resident
    ? '业主未使用小程序，由物业核实业主书面同意后代为确认'
    : null;
}

/** The room a request is for, as loaded with its household (visible() loads the relations). */
export function roomOf(r: HouseholdJoinRequest): string {
  return r.household?.room?.label ?? '房屋';
}
