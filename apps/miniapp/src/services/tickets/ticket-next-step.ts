import { TicketAction } from '@linli/contracts';

/**
 * The next step, in the order work happens: the first of these the user may take is the one primary
 * button; everything else goes to 更多. Actions that undo, hand on or dispute are never primary.
 */
const NEXT_STEP_ORDER: readonly TicketAction[] = [
  TicketAction.Accept,
  TicketAction.Arrive,
  TicketAction.Resolve,
  TicketAction.Confirm,
  TicketAction.Reply,
  TicketAction.Resume,
  TicketAction.Chase,
  TicketAction.Urge,
  TicketAction.Assign,
  TicketAction.FollowUp,
];

/** The primary action (or null) and the rest, in table order. */
export function splitActions(actions: readonly TicketAction[]): {
  primary: TicketAction | null;
  rest: TicketAction[];
} {
  const primary = NEXT_STEP_ORDER.find((a) => actions.includes(a)) ?? null;
  return { primary, rest: actions.filter((a) => a !== primary) };
}
