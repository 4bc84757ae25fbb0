import { Role, TicketAction, TicketStatus } from '@linli/contracts';
import { OPEN_STATUSES, TicketActor } from './ticket-state-machine';

/**
 * Changes to a ticket that keep its status: re-grading its urgency and severity (which moves its time
 * limits) and the handler's escalation slip (工作传签单). They are recorded on the timeline like any
 * transition, but each has its own form and effects, so they are not actions of the generic action route;
 * who may make them, and when, is this table, in the transition table's shape.
 */
export type TicketEdit = TicketAction.Reclassify | TicketAction.EscalationSlip;

type Relation = keyof Omit<TicketActor, 'role'>;

export interface EditRule {
  edit: TicketEdit;
  from: readonly TicketStatus[];
  /** Each entry: a role, and the relations of which at least one must hold. */
  allowed: readonly { role: Role; anyOf: readonly Relation[] }[];
}

export const TICKET_EDITS: readonly EditRule[] = [
  // The handler, the community's supervisor or the company's admin re-grade a ticket still being worked.
  {
    edit: TicketAction.Reclassify,
    from: OPEN_STATUSES,
    allowed: [
      { role: Role.Assistant, anyOf: ['assignee'] },
      { role: Role.Supervisor, anyOf: ['supervisesCommunity'] },
      { role: Role.Admin, anyOf: ['adminsCompany'] },
    ],
  },
  // Only the handler sends a ticket up with a slip (the supervisor issues work orders instead).
  {
    edit: TicketAction.EscalationSlip,
    from: OPEN_STATUSES,
    allowed: [{ role: Role.Assistant, anyOf: ['assignee'] }],
  },
];

export type EditDecision = { allowed: true } | { allowed: false; reason: 'who' | 'status' };

/**
 * May `actor` make `edit` to a ticket in `status`? Who is asked first (someone who may never make it is
 * told so whatever the status), then when.
 */
export function decideEdit(
  status: TicketStatus,
  edit: TicketEdit,
  actor: TicketActor,
): EditDecision {
  const rule = TICKET_EDITS.find((r) => r.edit === edit);
  const who = rule?.allowed.some((a) => a.role === actor.role && a.anyOf.some((rel) => actor[rel]));
  if (!rule || !who) return { allowed: false, reason: 'who' };
  if (!rule.from.includes(status)) return { allowed: false, reason: 'status' };
  return { allowed: true };
}

/** Whether the edit's button shows (the mini-program's `canClassify`, `canEscalate`). */
export const mayEdit = (status: TicketStatus, edit: TicketEdit, actor: TicketActor): boolean =>
  decideEdit(status, edit, actor).allowed;
