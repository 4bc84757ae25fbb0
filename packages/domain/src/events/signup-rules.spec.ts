import { SignupStatus } from '@linli/contracts';
import {
  CHECK_IN_ALPHABET,
  checkInCode,
  newSignupStatus,
  signupTransition,
  type SignupAction,
} from './signup-rules';

const ALLOWED: Record<string, SignupStatus> = {
  'confirmed:cancel': SignupStatus.Cancelled,
  'waitlisted:cancel': SignupStatus.Cancelled,
  'waitlisted:promote': SignupStatus.Confirmed,
  'confirmed:check_in': SignupStatus.Attended,
};
const ACTIONS: SignupAction[] = ['cancel', 'promote', 'check_in'];

describe('sign-up transitions', () => {
  it.each(Object.values(SignupStatus).flatMap((s) => ACTIONS.map((a) => [s, a] as const)))(
    '%s --%s',
    (status, action) => {
      expect(signupTransition(status, action)).toBe(ALLOWED[`${status}:${action}`] ?? null);
    },
  );
});

describe('newSignupStatus', () => {
  it.each([
    [0, 2, SignupStatus.Confirmed],
    [1, 2, SignupStatus.Confirmed],
    [2, 2, SignupStatus.Waitlisted],
    [0, 0, SignupStatus.Waitlisted],
  ])('%i of %i seats taken → %s', (confirmed, capacity, expected) =>
    expect(newSignupStatus(confirmed, capacity)).toBe(expected),
  );
});

describe('checkInCode', () => {
  it('is 6 characters of the unambiguous alphabet', () => {
    expect(checkInCode(() => 0)).toBe('222222');
    expect(checkInCode(() => 0.999)).toBe('ZZZZZZ');
    expect([...checkInCode(Math.random)].every((c) => CHECK_IN_ALPHABET.includes(c))).toBe(true);
  });
});
