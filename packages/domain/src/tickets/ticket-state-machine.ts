import { Role, TicketAction, TicketStatus } from '@linli/contracts';

/**
 * How the actor relates to the ticket. The server computes it from the database;
 * the mini-program gets the resulting allowed actions from the server.
 */
export interface TicketActor {
  role: Role;
  /** The actor is a member of the household that reported the ticket. */
  ownHousehold: boolean;
  /** The actor is the ticket's current assignee. */
  assignee: boolean;
  /** The actor is an assistant serving the ticket's building. */
  servesBuilding: boolean;
  /** The actor supervises the ticket's community. */
  supervisesCommunity: boolean;
}

type Relation = keyof Omit<TicketActor, 'role'>;

/** One row of the transition table: who may do `action` from which statuses, and where it leads. */
export interface TransitionRule {
  action: TicketAction;
  from: readonly TicketStatus[];
  to: TicketStatus;
  /** Each entry: a role, and the relations of which at least one must hold (empty: none needed). */
  allowed: readonly { role: Role; anyOf: readonly Relation[] }[];
}

const S = TicketStatus;
const A = TicketAction;

const resident = (...anyOf: Relation[]) => ({ role: Role.Resident, anyOf });
const assistant = (...anyOf: Relation[]) => ({ role: Role.Assistant, anyOf });
const supervisor = { role: Role.Supervisor, anyOf: ['supervisesCommunity'] as Relation[] };
const admin = { role: Role.Admin, anyOf: [] as Relation[] };

/** The transition table. The server is its authority; nothing else decides what may happen to a ticket. */
export const TICKET_TRANSITIONS: readonly TransitionRule[] = [
  { action: A.Assign, from: [S.Submitted, S.Assigned], to: S.Assigned, allowed: [supervisor, admin] },
  {
    action: A.Accept,
    from: [S.Submitted, S.Assigned],
    to: S.Accepted,
    allowed: [assistant('assignee', 'servesBuilding')],
  },
  { action: A.Arrive, from: [S.Accepted], to: S.OnSite, allowed: [assistant('assignee')] },
  { action: A.Resolve, from: [S.Accepted, S.OnSite], to: S.Resolved, allowed: [assistant('assignee')] },
  { action: A.Confirm, from: [S.Resolved], to: S.Closed, allowed: [resident('ownHousehold')] },
  { action: A.Reopen, from: [S.Resolved], to: S.Accepted, allowed: [resident('ownHousehold')] },
  {
    action: A.Cancel,
    from: [S.Submitted, S.Assigned],
    to: S.Cancelled,
    allowed: [resident('ownHousehold'), supervisor, admin],
  },
];

export type TransitionDecision =
  | { allowed: true; to: TicketStatus }
  | { allowed: false; reason: 'status' | 'role' | 'relation' };

/** Decide whether `actor` may do `action` to a ticket in `status`. Pure; the server enforces the result. */
export function decideTransition(status: TicketStatus, action: TicketAction, actor: TicketActor): TransitionDecision {
  const rule = TICKET_TRANSITIONS.find((r) => r.action === action && r.from.includes(status));
  if (!rule) return { allowed: false, reason: 'status' };
  const forRole = rule.allowed.filter((a) => a.role === actor.role);
  if (forRole.length === 0) return { allowed: false, reason: 'role' };
  const related = forRole.some((a) => a.anyOf.length === 0 || a.anyOf.some((rel) => actor[rel]));
  return related ? { allowed: true, to: rule.to } : { allowed: false, reason: 'relation' };
}

/** The actions `actor` may take now, in table order (for buttons in the mini-program). */
export function allowedActions(status: TicketStatus, actor: TicketActor): TicketAction[] {
  const actions: TicketAction[] = [];
  for (const rule of TICKET_TRANSITIONS) {
    if (actions.includes(rule.action)) continue;
    if (decideTransition(status, rule.action, actor).allowed) actions.push(rule.action);
  }
  return actions;
}

/** Statuses in which a ticket still needs work (counts toward an assistant's queue). */
export const OPEN_STATUSES: readonly TicketStatus[] = [S.Submitted, S.Assigned, S.Accepted, S.OnSite];

/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly TicketStatus[] = [S.Closed, S.Cancelled];

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
