import { CallTaskPurpose, TicketStatus } from '@linli/contracts';

/** What a phone task asked for, and whom. */
export interface CallTaskAsk {
  purpose: CallTaskPurpose;
  /** The person to call (for AcceptTicket: the assistant the emergency was dispatched to). */
  calleeId: string | null;
}

/** The ticket as it stands after a change. */
export interface CallTaskTicket {
  status: TicketStatus;
  assigneeId: string | null;
}

/**
 * Why a phone task has ended by itself, in words shown on the task, or null while it is still needed.
 * - Asking an assistant to accept an emergency: ended once the ticket is accepted (or further along),
 *   dispatched to someone else, or finished.
 * - Telling a resident of progress: ended once the ticket is finished (the resident confirmed it, or it
 *   was cancelled or closed): there is nothing left to tell them or to ask them to do.
 */
export function callTaskEnding(task: CallTaskAsk, ticket: CallTaskTicket): string | null {
  if (ticket.status === TicketStatus.Cancelled) return '工单已取消，无需再拨打';
  if (ticket.status === TicketStatus.Closed) return '工单已完成，无需再拨打';
  if (task.purpose === CallTaskPurpose.AcceptTicket) {
    if (ticket.status !== TicketStatus.Submitted && ticket.status !== TicketStatus.Assigned)
      return '工单已受理，无需再拨打';
    if (ticket.assigneeId !== task.calleeId) return '工单已改派他人，无需再拨打';
  }
  return null;
}
