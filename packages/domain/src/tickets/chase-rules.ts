import type { SlaState } from '@linli/contracts';

/**
 * When a resident may chase (催办) a ticket. A chase reaches the handler (and is recorded on the
 * ticket), so it is kept for when it helps: the ticket is late, or its limit is nearly used up
 * (the sweep's warning), or it was already escalated; and at most once per `minGapMinutes`, so a
 * tap repeated in frustration does not flood the handler.
 */
export interface ChasePolicy {
  /** Minutes that must pass between two chases of the same ticket. */
  minGapMinutes: number;
}

export const DEFAULT_CHASE_POLICY: ChasePolicy = { minGapMinutes: 60 };

export type ChaseRefusal = 'not_due' | 'too_soon';

export interface ChaseContext {
  /** The live state of the ticket's nearest limit, or null when none runs (paused, none applies). */
  slaState: SlaState | null;
  /** 0 none; 1 or 2 once escalated for a breached limit. */
  escalationLevel: number;
  /** When this ticket was last chased, or null. */
  lastChasedAt: Date | null;
}

/** Why the resident may not chase now, or null when they may. Pure. */
export function chaseRefusal(
  ctx: ChaseContext,
  now: Date,
  policy: ChasePolicy = DEFAULT_CHASE_POLICY,
): ChaseRefusal | null {
  const due = ctx.slaState === 'warning' || ctx.slaState === 'breached' || ctx.escalationLevel > 0;
  if (!due) return 'not_due';
  if (
    ctx.lastChasedAt &&
    now.getTime() - ctx.lastChasedAt.getTime() < policy.minGapMinutes * 60_000
  )
    return 'too_soon';
  return null;
}

/** When the next chase becomes possible after one at `lastChasedAt`. */
export function nextChaseAt(lastChasedAt: Date, policy: ChasePolicy = DEFAULT_CHASE_POLICY): Date {
  return new Date(lastChasedAt.getTime() + policy.minGapMinutes * 60_000);
}
