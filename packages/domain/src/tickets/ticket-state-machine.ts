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
  // Dispatch, and the supervisor's reassignment of work already under way.
  { action: A.Assign, from: [S.Submitted, S.Assigned, S.Accepted, S.OnHold], to: S.Assigned, allowed: [supervisor, admin] },
  {
    action: A.Accept,
    from: [S.Submitted, S.Assigned],
    to: S.Accepted,
    allowed: [assistant('assignee', 'servesBuilding')],
  },
  { action: A.Transfer, from: [S.Assigned, S.Accepted], to: S.Assigned, allowed: [assistant('assignee')] },
  { action: A.Arrive, from: [S.Accepted], to: S.OnSite, allowed: [assistant('assignee')] },
  { action: A.Hold, from: [S.Accepted, S.OnSite], to: S.OnHold, allowed: [assistant('assignee'), supervisor] },
  { action: A.Resume, from: [S.OnHold], to: S.Accepted, allowed: [assistant('assignee'), supervisor] },
  { action: A.Resolve, from: [S.Accepted, S.OnSite], to: S.Resolved, allowed: [assistant('assignee')] },
  { action: A.Confirm, from: [S.Resolved], to: S.Closed, allowed: [resident('ownHousehold')] },
  { action: A.Reopen, from: [S.Resolved], to: S.Accepted, allowed: [resident('ownHousehold')] },
  // Taken by the system only (no role may): see SYSTEM_TRANSITIONS.
  {
    action: A.Cancel,
    from: [S.Submitted, S.Assigned],
    to: S.Cancelled,
    allowed: [resident('ownHousehold'), supervisor, admin],
  },
];

/** Transitions the system makes on its own (no person is asked): closing a resolved ticket nobody confirmed. */
export const SYSTEM_TRANSITIONS: readonly Pick<TransitionRule, 'action' | 'from' | 'to'>[] = [{ action: A.AutoClose, from: [S.Resolved], to: S.Closed }];

/** Where a system action leads from `status`, or null when it does not apply. */
export function systemTransition(status: TicketStatus, action: TicketAction): TicketStatus | null {
  return SYSTEM_TRANSITIONS.find((r) => r.action === action && r.from.includes(status))?.to ?? null;
}

/** Actions that need a written reason (the note): the resident's dissatisfaction, a pause of the clock. */
export const REASON_REQUIRED: readonly TicketAction[] = [A.Reopen, A.Hold];

/** Actions that name the assistant who gets the ticket. */
export const NAMES_ASSIGNEE: readonly TicketAction[] = [A.Assign, A.Transfer];

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
export const OPEN_STATUSES: readonly TicketStatus[] = [S.Submitted, S.Assigned, S.Accepted, S.OnSite, S.OnHold];

/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly TicketStatus[] = [S.Closed, S.Cancelled];

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
