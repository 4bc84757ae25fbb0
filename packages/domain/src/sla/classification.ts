/**
 * Urgency and severity (docs/domain-rules.md §6): some cases have one limit when urgent and another when not, or
 * when serious and when ordinary. A category lists the ordinary variant; the ticket's classification
 * picks the one that applies. Urgent is the ticket's emergency flag.
 */
export interface TicketClassification {
  urgent: boolean;
  serious: boolean;
}

/** [not urgent, urgent] */
const BY_URGENCY: readonly (readonly [string, string])[] = [['reply_not_urgent', 'reply_urgent']];
/**
 * [ordinary, serious]. A general complaint staff judge serious is a complex one (docs/domain-rules.md §6: resolved
 * within 72 h instead of 24 h, the resident told why if late): complexity is the complaint's severity.
 */
const BY_SEVERITY: readonly (readonly [string, string])[] = [
  ['complaint_attitude', 'complaint_attitude_serious'],
  ['complaint_general', 'complaint_complex'],
];

/** The policy codes that time a ticket of this classification, in the category's order, without repeats. */
export function policiesFor(codes: readonly string[], c: TicketClassification): string[] {
  const chosen: string[] = [];
  for (const code of codes) {
    let pick = code;
    for (const [normal, urgent] of BY_URGENCY)
      if (code === normal || code === urgent) pick = c.urgent ? urgent : normal;
    for (const [ordinary, serious] of BY_SEVERITY)
      if (code === ordinary || code === serious) pick = c.serious ? serious : ordinary;
    if (!chosen.includes(pick)) chosen.push(pick);
  }
  return chosen;
}
