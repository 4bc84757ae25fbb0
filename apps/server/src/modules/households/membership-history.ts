import { JoinRequestStatus, MembershipEventDto } from '@linli/contracts';
import { HouseholdMemberEvent } from './entities/household-member-event.entity';

/** How many history entries a household's file and the owner's page show (newest first). */
export const HISTORY_LIMIT = 100;

export const PENDING: JoinRequestStatus = 'pending';

export function presentEvent(e: HouseholdMemberEvent): MembershipEventDto {
  return {
    id: e.id,
    action: e.action,
    as: e.actingAs,
    actorName: e.actorName,
    subjectName: e.subjectName,
    subjectRole: e.subjectRole,
    note: e.note,
    at: e.at.toISOString(),
  };
}
