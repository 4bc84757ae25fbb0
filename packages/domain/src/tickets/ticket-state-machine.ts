import { Role, TicketAction, TicketKind, TicketStatus } from '@linli/contracts';

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
  /** The actor is an admin of the ticket's company, or the platform's admin (access/reach.ts). */
  adminsCompany: boolean;
}

type Relation = keyof Omit<TicketActor, 'role'>;

/** The target of an action that is recorded on the ticket but leaves its status as it was (催办, 督办). */
export const STAYS = 'stays' as const;

/** One row of the transition table: who may do `action` from which statuses, and where it leads. */
export interface TransitionRule {
  action: TicketAction;
  from: readonly TicketStatus[];
  to: TicketStatus | typeof STAYS;
  /** Each entry: a role, and the relations of which at least one must hold (empty: none needed). */
  allowed: readonly { role: Role; anyOf: readonly Relation[] }[];
  /** Only tickets of these kinds (e.g. only a complaint can be judged invalid); all kinds when absent. */
  kinds?: readonly TicketKind[];
}

const S = TicketStatus;
const A = TicketAction;

const resident = (...anyOf: Relation[]) => ({ role: Role.Resident, anyOf });
const assistant = (...anyOf: Relation[]) => ({ role: Role.Assistant, anyOf });
const supervisor = { role: Role.Supervisor, anyOf: ['supervisesCommunity'] as Relation[] };
const admin = { role: Role.Admin, anyOf: ['adminsCompany'] as Relation[] };

/** The transition table. The server is its authority; nothing else decides what may happen to a ticket. */
export const TICKET_TRANSITIONS: readonly TransitionRule[] = [
  // Dispatch, and the supervisor's reassignment of work already under way.
  {
    action: A.Assign,
    from: [S.Submitted, S.Assigned, S.Accepted, S.OnHold, S.Forwarded, S.Invalid],
    to: S.Assigned,
    allowed: [supervisor, admin],
  },
  {
    action: A.Accept,
    from: [S.Submitted, S.Assigned],
    to: S.Accepted,
    allowed: [assistant('assignee', 'servesBuilding')],
  },
  {
    action: A.Transfer,
    from: [S.Assigned, S.Accepted],
    to: S.Assigned,
    allowed: [assistant('assignee')],
  },
  { action: A.Arrive, from: [S.Accepted], to: S.OnSite, allowed: [assistant('assignee')] },
  {
    action: A.Hold,
    from: [S.Accepted, S.OnSite],
    to: S.OnHold,
    allowed: [assistant('assignee'), supervisor],
  },
  {
    action: A.Resume,
    from: [S.OnHold, S.Forwarded],
    to: S.Accepted,
    allowed: [assistant('assignee'), supervisor],
  },
  // Resolved by the company, or (forwarded) by the developer or agency it was handed to.
  {
    action: A.Resolve,
    from: [S.Accepted, S.OnSite, S.Forwarded],
    to: S.Resolved,
    allowed: [assistant('assignee')],
  },
  { action: A.Confirm, from: [S.Resolved], to: S.Closed, allowed: [resident('ownHousehold')] },
  { action: A.Reopen, from: [S.Resolved], to: S.Accepted, allowed: [resident('ownHousehold')] },
  // Complaints outside the company's remit (docs/domain-rules.md §5): judged invalid, then explained to the resident.
  {
    action: A.MarkInvalid,
    from: [S.Submitted, S.Assigned, S.Accepted, S.OnSite],
    to: S.Invalid,
    allowed: [assistant('assignee'), supervisor],
    kinds: [TicketKind.Complaint],
  },
  {
    action: A.Reply,
    from: [S.Invalid],
    to: S.Closed,
    allowed: [assistant('assignee'), supervisor],
  },
  // Developer-caused issues (or an outside agency's) are handed over and followed until closed.
  {
    action: A.Forward,
    from: [S.Accepted, S.OnSite, S.OnHold],
    to: S.Forwarded,
    allowed: [assistant('assignee'), supervisor],
  },
  {
    action: A.FollowUp,
    from: [S.Forwarded],
    to: S.Forwarded,
    allowed: [assistant('assignee'), supervisor],
  },
  {
    action: A.Cancel,
    from: [S.Submitted, S.Assigned],
    to: S.Cancelled,
    allowed: [resident('ownHousehold'), supervisor, admin],
  },
  // Nudges, recorded on the timeline without moving the ticket: the resident chases (催办) work still to
  // be done (only when late or close to it: chase-rules.ts), the supervisor urges (督办) the handler.
  {
    action: A.Chase,
    from: [S.Submitted, S.Assigned, S.Accepted, S.OnSite, S.OnHold, S.Forwarded],
    to: STAYS,
    allowed: [resident('ownHousehold')],
  },
  {
    action: A.Urge,
    from: [S.Assigned, S.Accepted, S.OnSite, S.OnHold, S.Forwarded, S.Invalid],
    to: STAYS,
    allowed: [supervisor, admin],
  },
];

/** Transitions the system makes on its own (no person is asked): closing a resolved ticket nobody confirmed, or a report of a planned cut that has ended. */
export const SYSTEM_TRANSITIONS: readonly (Pick<TransitionRule, 'action' | 'from'> & {
  to: TicketStatus;
})[] = [
  { action: A.AutoClose, from: [S.Resolved], to: S.Closed },
  // A report of a planned cut waits, undispatched, for the notice to close (supply back).
  { action: A.OutageClose, from: [S.Submitted], to: S.Closed },
];

/** Where a system action leads from `status`, or null when it does not apply. */
export function systemTransition(status: TicketStatus, action: TicketAction): TicketStatus | null {
  return SYSTEM_TRANSITIONS.find((r) => r.action === action && r.from.includes(status))?.to ?? null;
}

/**
 * Actions that need a written note: the resident's dissatisfaction, a pause of the clock, why a
 * complaint is invalid, the explanation to the resident, to whom a ticket is handed, a follow-up.
 */
export const REASON_REQUIRED: readonly TicketAction[] = [
  A.Reopen,
  A.Hold,
  A.MarkInvalid,
  A.Reply,
  A.Forward,
  A.FollowUp,
  A.Urge,
];

/** What the note of each note-requiring action must say: shown by the mini-program and returned by the server. */
export const NOTE_PROMPTS: Readonly<Record<string, string>> = {
  [A.Reopen]: '请在备注中说明哪里不满意',
  [A.Hold]: '请在备注中写明挂起原因',
  [A.MarkInvalid]: '请在备注中写明判定无效的原因（如属开发商保修、市政设施）',
  [A.Reply]: '请在备注中写下给住户的答复',
  [A.Forward]: '请在备注中写明转交给哪个单位、什么问题',
  [A.FollowUp]: '请在备注中写下跟进情况',
  [A.Urge]: '请在备注中写明督办要求（如今天 18:00 前上门）',
};

/** Actions that name the assistant who gets the ticket. */
export const NAMES_ASSIGNEE: readonly TicketAction[] = [A.Assign, A.Transfer];

export type TransitionDecision =
  | { allowed: true; to: TicketStatus }
  | { allowed: false; reason: 'status' | 'role' | 'relation' | 'kind' };

/**
 * Decide whether `actor` may do `action` to a ticket in `status` (of `kind`, for rules limited to
 * some kinds). Pure; the server enforces the result.
 */
export function decideTransition(
  status: TicketStatus,
  action: TicketAction,
  actor: TicketActor,
  kind?: TicketKind,
): TransitionDecision {
  const rule = TICKET_TRANSITIONS.find((r) => r.action === action && r.from.includes(status));
  if (!rule) return { allowed: false, reason: 'status' };
  if (rule.kinds && (kind === undefined || !rule.kinds.includes(kind)))
    return { allowed: false, reason: 'kind' };
  const forRole = rule.allowed.filter((a) => a.role === actor.role);
  if (forRole.length === 0) return { allowed: false, reason: 'role' };
  const related = forRole.some((a) => a.anyOf.length === 0 || a.anyOf.some((rel) => actor[rel]));
  if (!related) return { allowed: false, reason: 'relation' };
  return { allowed: true, to: rule.to === STAYS ? status : rule.to };
}

/** The actions `actor` may take now, in table order (for buttons in the mini-program). */
export function allowedActions(
  status: TicketStatus,
  actor: TicketActor,
  kind?: TicketKind,
): TicketAction[] {
  const actions: TicketAction[] = [];
  for (const rule of TICKET_TRANSITIONS) {
    if (actions.includes(rule.action)) continue;
    if (decideTransition(status, rule.action, actor, kind).allowed) actions.push(rule.action);
  }
  return actions;
}

/** Statuses in which a ticket still needs work (counts toward an assistant's queue). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  S.Submitted,
  S.Assigned,
  S.Accepted,
  S.OnSite,
  S.OnHold,
  S.Invalid,
  S.Forwarded,
];

/** Statuses in which the company's clock stands still: waiting on the resident or parts, or on the outside party a ticket was handed to. */
export const PAUSED_STATUSES: readonly TicketStatus[] = [S.OnHold, S.Forwarded];

/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly TicketStatus[] = [S.Closed, S.Cancelled];

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
