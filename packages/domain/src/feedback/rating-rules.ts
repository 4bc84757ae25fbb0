import { CallbackOutcome, Satisfaction, TicketAction } from '@linli/contracts';

/** Stars for speed, attitude and quality: whole numbers 1–5. */
export function isValidStars(stars: number): boolean {
  return Number.isInteger(stars) && stars >= 1 && stars <= 5;
}

/**
 * What a rating does to the resolved ticket (domain brief §8): 满意 and 基本满意 close it through the
 * resident's confirm; 不满意 sends it back through the reopen path (a rectification round) and the
 * supervisor gets a callback task.
 */
export function ratingEffect(overall: Satisfaction): {
  action: TicketAction;
  supervisorCallback: boolean;
} {
  switch (overall) {
    case Satisfaction.Satisfied:
    case Satisfaction.Basic:
      return { action: TicketAction.Confirm, supervisorCallback: false };
    case Satisfaction.Dissatisfied:
      return { action: TicketAction.Reopen, supervisorCallback: true };
    default: {
      const unknown: never = overall;
      throw new RangeError(`unknown satisfaction ${String(unknown)}`);
    }
  }
}

/**
 * How a closed ticket stands in the satisfaction figures: the latest rating's verdict, or
 * 'not_rated' when nobody rated it (an auto-closed ticket is never counted as satisfied).
 */
export function closedVerdict(latestRating: Satisfaction | null): Satisfaction | 'not_rated' {
  return latestRating ?? 'not_rated';
}

/** A callback outcome that reached the resident, as a satisfaction verdict; null for unreachable. */
export function outcomeSatisfaction(outcome: CallbackOutcome): Satisfaction | null {
  switch (outcome) {
    case CallbackOutcome.Satisfied:
      return Satisfaction.Satisfied;
    case CallbackOutcome.Basic:
      return Satisfaction.Basic;
    case CallbackOutcome.Dissatisfied:
      return Satisfaction.Dissatisfied;
    case CallbackOutcome.Unreachable:
      return null;
    default: {
      const unknown: never = outcome;
      throw new RangeError(`unknown outcome ${String(unknown)}`);
    }
  }
}
