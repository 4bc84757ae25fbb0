import { MemberRole, Role, STAFF_ROLES, TicketKind } from '@linli/contracts';

/**
 * Who may see and act on what (issue #10): the one policy. Every module of the server asks the access
 * service, which builds a Principal and calls these pure functions; nothing else decides reach.
 *
 *  - a resident reaches their own household (tickets within it: see `residentSeesTicket`);
 *  - an assistant reaches the buildings they serve;
 *  - a supervisor (and a department head, who is a supervisor with a department) reaches their community;
 *  - a company's admin reaches their company's communities; the platform's admin (an admin bound to no
 *    community) reaches every company;
 *  - the gate guard reaches their community's gate only (release slips), and no service data.
 * docs/access.md has the table.
 */
export interface Principal {
  role: Role;
  userId: string;
  /** A resident's active household. */
  householdId: string | null;
  /** The community a staff member or guard works in (null for the platform's admin). */
  communityId: string | null;
  /** The company of that community (null for the platform's admin, and for residents). */
  companyId: string | null;
  /** The buildings an assistant serves. */
  buildingIds: readonly string[];
}

/** Where something is: a company, a community in it, and (for what belongs to a home) a building. */
export interface Place {
  companyId: string;
  communityId: string;
  buildingId?: string | null;
}

/** How far a principal's reach goes, as a level: what lists are filtered by. */
export type ReachLevel = 'none' | 'buildings' | 'community' | 'company' | 'platform';

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** The level of a principal's reach over places (a resident's household is not a place here). */
export function reachLevel(p: Principal): ReachLevel {
  switch (p.role) {
    case Role.Assistant:
      return 'buildings';
    case Role.Supervisor:
      return p.communityId ? 'community' : 'none';
    case Role.Admin:
      return p.communityId === null ? 'platform' : p.companyId ? 'company' : 'none';
    default:
      return 'none';
  }
}

/**
 * Whether a member of staff works where `place` is. A place without a building (a community's list, its
 * structure) is reached by supervisors and admins only: an assistant's reach is their buildings.
 */
export function staffReaches(p: Principal, place: Place): boolean {
  switch (reachLevel(p)) {
    case 'platform':
      return true;
    case 'company':
      return p.companyId === place.companyId;
    case 'community':
      return p.communityId === place.communityId;
    case 'buildings':
      return !!place.buildingId && p.buildingIds.includes(place.buildingId);
    default:
      return false;
  }
}

/** Whether a guard stands at this community's gate (release slips are checked there). */
export function guardsGateOf(p: Principal, place: Place): boolean {
  return p.role === Role.Guard && p.communityId !== null && p.communityId === place.communityId;
}

/** Kinds that concern the home itself, shared with the household; every other kind is the reporter's own. */
export const HOUSEHOLD_SHARED_KINDS: readonly TicketKind[] = [
  TicketKind.RepairHome,
  TicketKind.RepairCommon,
];

/** A resident's membership of the ticket's household: their role there and since when they live there. */
export interface Residence {
  householdId: string;
  memberRole: MemberRole | null;
  /** When they joined the household (their member record was made); null when unknown. */
  since: Date | null;
}

export interface TicketFacts extends Place {
  householdId: string;
  reporterId: string;
  assigneeId: string | null;
  kind: TicketKind;
  createdAt: Date;
}

/**
 * Who in a household sees which tickets (issue #9, item 1):
 *  - the reporter always sees their own ticket;
 *  - complaints, inquiries, suggestions and praise are the reporter's own: nobody else in the household sees them;
 *  - repairs (of the home or of common parts reported from it) are shared with the members living there
 *    from the day they joined; the owner sees all of the household's repairs, earlier ones too.
 * Nobody acts on a ticket they may not see (the state machine's resident relation is this rule).
 */
export function residentSeesTicket(
  p: Principal,
  residence: Residence | null,
  t: TicketFacts,
): boolean {
  if (p.role !== Role.Resident) return false;
  if (t.reporterId === p.userId) return true;
  if (!residence || residence.householdId !== t.householdId || p.householdId !== t.householdId)
    return false;
  if (!HOUSEHOLD_SHARED_KINDS.includes(t.kind)) return false;
  if (residence.memberRole === MemberRole.Owner) return true;
  return residence.since !== null && t.createdAt.getTime() >= residence.since.getTime();
}

/** How a principal relates to a ticket, in the terms of the ticket state machine, and whether they may see it. */
export interface TicketReach {
  ownHousehold: boolean;
  assignee: boolean;
  servesBuilding: boolean;
  supervisesCommunity: boolean;
  /** An admin of the ticket's company (or the platform's admin). */
  adminsCompany: boolean;
  canView: boolean;
}

export function ticketReach(
  p: Principal,
  residence: Residence | null,
  t: TicketFacts,
): TicketReach {
  const staff = isStaff(p.role);
  const ownHousehold = residentSeesTicket(p, residence, t);
  // An assignee who left the ticket's company (moved, re-roled) keeps nothing: assignment counts within reach.
  const assignee = staff && t.assigneeId === p.userId;
  const servesBuilding = p.role === Role.Assistant && staffReaches(p, t);
  const supervisesCommunity = p.role === Role.Supervisor && staffReaches(p, t);
  const adminsCompany = p.role === Role.Admin && staffReaches(p, t);
  return {
    ownHousehold,
    assignee,
    servesBuilding,
    supervisesCommunity,
    adminsCompany,
    canView: ownHousehold || assignee || servesBuilding || supervisesCommunity || adminsCompany,
  };
}
