import { SignupStatus } from '@linli/contracts';

/**
 * Event sign-up (docs/domain-rules.md §10) as a transition table: a sign-up is confirmed while seats are left,
 * else waitlisted; a cancellation of a confirmed seat moves the first waitlisted up; check-in at the door
 * only for a confirmed seat.
 */
export type SignupAction = 'cancel' | 'promote' | 'check_in';

export const SIGNUP_TRANSITIONS: readonly {
  action: SignupAction;
  from: readonly SignupStatus[];
  to: SignupStatus;
}[] = [
  {
    action: 'cancel',
    from: [SignupStatus.Confirmed, SignupStatus.Waitlisted],
    to: SignupStatus.Cancelled,
  },
  { action: 'promote', from: [SignupStatus.Waitlisted], to: SignupStatus.Confirmed },
  { action: 'check_in', from: [SignupStatus.Confirmed], to: SignupStatus.Attended },
];

export function signupTransition(status: SignupStatus, action: SignupAction): SignupStatus | null {
  return SIGNUP_TRANSITIONS.find((r) => r.action === action && r.from.includes(status))?.to ?? null;
}

/** Where a new sign-up lands given the seats taken. */
export function newSignupStatus(confirmed: number, capacity: number): SignupStatus {
  return confirmed < capacity ? SignupStatus.Confirmed : SignupStatus.Waitlisted;
}

/** Check-in codes: 6 characters without look-alikes (0/O, 1/I/L). */
export const CHECK_IN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function checkInCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < 6; i++)
    code += CHECK_IN_ALPHABET[Math.floor(random() * CHECK_IN_ALPHABET.length)];
  return code;
}
