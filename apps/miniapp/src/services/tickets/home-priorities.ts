import { TicketStatus, TicketSummaryDto } from '@linli/contracts';

const FINISHED = new Set<TicketStatus>([TicketStatus.Closed, TicketStatus.Cancelled]);

/**
 * The resident's home, most pressing first: tickets waiting for their confirmation, then emergencies still
 * running, then the rest of the latest ones (each ticket once).
 */
export function residentPriorities(
  tickets: TicketSummaryDto[],
  recent = 3,
): { toConfirm: TicketSummaryDto[]; emergencies: TicketSummaryDto[]; others: TicketSummaryDto[] } {
  const toConfirm = tickets.filter((t) => t.status === TicketStatus.Resolved);
  const emergencies = tickets.filter(
    (t) =>
      t.emergency &&
      t.status !== TicketStatus.Resolved &&
      !FINISHED.has(t.status) &&
      t.status !== TicketStatus.Invalid,
  );
  const shown = new Set([...toConfirm, ...emergencies].map((t) => t.id));
  return {
    toConfirm,
    emergencies,
    others: tickets.filter((t) => !shown.has(t.id)).slice(0, recent),
  };
}

/** The supervisor's (or admin's) list on the home page: what needs them first (escalated and late before warnings), then the rest. */
export function staffPriorities(tickets: TicketSummaryDto[]): TicketSummaryDto[] {
  const rank = (t: TicketSummaryDto) =>
    t.escalationLevel > 0
      ? 0
      : t.sla?.state === 'breached'
        ? 1
        : t.sla?.state === 'warning'
          ? 2
          : 3;
  return tickets
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}
