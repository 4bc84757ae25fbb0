import {
  MemberRole,
  MoveOutDto,
  MoveOutScope,
  MoveOutStatus,
  MoveOutGoods,
  ReleaseSlipDto,
  Role,
} from '@linli/contracts';
import { MoveOutFact, MoveOutRelation, moveOutActions, WorkflowFacts } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { User } from '../org/entities/user.entity';
import { MoveOut } from './entities/move-out.entity';

export const RELATIONS = {
  household: { room: true },
  community: true,
  ownerAuthorisedBy: true,
  feesSettledBy: true,
  decidedBy: true,
  deregisteredBy: true,
} as const;

const stamp = (by: User | null | undefined, at: Date | null, fallback = '') =>
  at ? { name: by?.name ?? fallback, at: at.toISOString() } : null;

/** Who the viewer is to the application, and what holds of it: the workflow table's inputs. */
export function moveOutFacts(
  row: MoveOut,
  viewer: AuthUser,
  member?: HouseholdMember,
): WorkflowFacts<MoveOutRelation, MoveOutFact> {
  const resident = viewer.role === Role.Resident;
  return {
    owner: resident && member?.role === MemberRole.Owner && member.householdId === row.householdId,
    applicant: resident && row.applicantId === viewer.id,
    staff:
      viewer.role === Role.Assistant ||
      viewer.role === Role.Supervisor ||
      viewer.role === Role.Admin,
    guard: viewer.role === Role.Guard,
    feesUnsettled: row.feesSettledAt === null,
    feesClearForApproval: row.scope !== MoveOutScope.Whole || row.feesSettledAt !== null,
    notDeregistered: row.deregisteredAt === null,
  };
}

/** What goes out, when, and who carries it, as the application and its slip both show it. */
function goodsOf(row: MoveOut): MoveOutGoods {
  return {
    scope: row.scope,
    moveDate: row.moveDate,
    items: row.items.split('\n'),
    carrierName: row.carrierName,
    carrierPhone: row.carrierPhone,
    vehiclePlate: row.vehiclePlate,
  };
}

/** The release slip of an approved application, as the resident shows it and the guard checks it. */
export function slipOf(row: MoveOut): ReleaseSlipDto | null {
  if (!row.slipCode || !row.decidedAt || !row.slipValidUntil) return null;
  return {
    code: row.slipCode,
    roomLabel: row.household?.room?.label ?? '',
    communityName: row.community?.name ?? '',
    ...goodsOf(row),
    issuedAt: row.decidedAt.toISOString(),
    validUntil: row.slipValidUntil.toISOString(),
    approvedBy: row.decidedBy?.name ?? '',
    used: row.usedAt ? { name: row.usedByName ?? '', at: row.usedAt.toISOString() } : null,
  };
}

/** The application as the viewer sees it, with the workflow table's `can` flags. `departed`: the names deregistered with it. */
export function presentMoveOut(
  row: MoveOut,
  viewer: AuthUser,
  member: HouseholdMember | undefined,
  departed: string[],
): MoveOutDto {
  return {
    id: row.id,
    householdId: row.householdId,
    roomLabel: row.household?.room?.label ?? '',
    status: row.status,
    ...goodsOf(row),
    applicant: { name: row.applicantName, role: row.applicantRole },
    createdAt: row.createdAt.toISOString(),
    ownerAuthorisation: row.ownerAuthorisation,
    ownerAuthorised: stamp(row.ownerAuthorisedBy, row.ownerAuthorisedAt),
    writtenAuthorisationNote: row.writtenAuthorisationNote,
    feesSettled: stamp(row.feesSettledBy, row.feesSettledAt),
    decided: stamp(row.decidedBy, row.decidedAt),
    rejectReason: row.rejectReason,
    slip:
      row.status === MoveOutStatus.Approved || row.status === MoveOutStatus.Used
        ? slipOf(row)
        : null,
    deregistered: row.deregisteredAt
      ? { ...stamp(row.deregisteredBy, row.deregisteredAt)!, members: departed }
      : null,
    can: moveOutActions(row.status, moveOutFacts(row, viewer, member)),
  };
}
