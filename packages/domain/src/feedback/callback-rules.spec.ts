import {
  CallbackChannel,
  CallbackOutcome,
  CallbackStatus,
  Role,
  Satisfaction,
  TicketAction,
} from '@linli/contracts';
import {
  decideCallback,
  DEFAULT_CALLBACK_POLICY,
  mayCallBack,
  pickCallbackAssignee,
  signatureRequired,
} from './callback-rules';
import { closedVerdict, isValidStars, ratingEffect } from './rating-rules';
import { careCallbackDue, nextCareDate } from './care-schedule';

const now = new Date('2026-12-04T02:00:00.000Z');
const S = CallbackStatus;
const O = CallbackOutcome;

describe('callback transitions and the retry schedule (3 attempts on different days)', () => {
  it.each([
    [S.Due, O.Satisfied, 0, S.Done, 1, null],
    [S.Due, O.Dissatisfied, 0, S.Done, 1, null],
    [S.Retrying, O.Basic, 1, S.Done, 2, null],
    [S.Due, O.Unreachable, 0, S.Retrying, 1, '2026-12-05T02:00:00.000Z'],
    [S.Retrying, O.Unreachable, 1, S.Retrying, 2, '2026-12-05T02:00:00.000Z'],
    [S.Retrying, O.Unreachable, 2, S.Unreachable, 3, null],
  ])(
    '%s + %s after %i attempts → %s (%i attempts, next %s)',
    (from, outcome, before, to, attempts, next) => {
      expect(decideCallback(from, outcome, before, now, DEFAULT_CALLBACK_POLICY)).toEqual({
        allowed: true,
        to,
        attempts,
        nextAttemptAt: next ? new Date(next) : null,
      });
    },
  );
  it.each([S.Done, S.Unreachable])('nothing more happens once %s', (from) => {
    for (const outcome of Object.values(O))
      expect(decideCallback(from, outcome, 1, now, DEFAULT_CALLBACK_POLICY)).toEqual({
        allowed: false,
        reason: 'final',
      });
  });
  it('never schedules two attempts on the same day', () => {
    const d = decideCallback(S.Due, O.Unreachable, 0, now, { maxAttempts: 3, retryAfterDays: 0 });
    expect(d.allowed && d.nextAttemptAt?.getTime()).toBe(now.getTime() + 86_400_000);
  });
});

describe('who may call back', () => {
  const base = { handler: false, servesBuilding: false, supervisesCommunity: false };
  it.each([
    [Role.Assistant, { servesBuilding: true }, false, true],
    [Role.Assistant, { servesBuilding: true, handler: true }, false, false],
    [Role.Assistant, { servesBuilding: true, handler: true }, true, true],
    [Role.Assistant, {}, false, false],
    [Role.Supervisor, { supervisesCommunity: true }, false, true],
    [Role.Supervisor, {}, false, false],
    [Role.Resident, { servesBuilding: true }, true, false],
    [Role.Admin, {}, true, false],
    [Role.Guard, {}, true, false],
  ])('%s %p (handler allowed: %p) → %p', (role, rel, handlerAllowed, allowed) => {
    expect(mayCallBack({ role, ...base, ...rel }, handlerAllowed).allowed).toBe(allowed);
  });
  it('says why the handler is refused', () => {
    expect(
      mayCallBack(
        { role: Role.Assistant, handler: true, servesBuilding: true, supervisesCommunity: false },
        false,
      ),
    ).toEqual({ allowed: false, reason: 'handler' });
  });
  it.each([
    [['a1', 'a2'], 'a1', 'sup', false, 'a2'],
    [['a1'], 'a1', 'sup', false, 'sup'],
    [['a1'], 'a1', null, false, null],
    [['a1'], 'a1', null, true, 'a1'],
    [[], null, 'sup', false, 'sup'],
  ])(
    'assistants %p, handler %p, supervisor %p → %p',
    (assistants, handler, sup, allowHandler, expected) => {
      expect(pickCallbackAssignee(assistants, handler, sup, allowHandler)).toBe(expected);
    },
  );
});

describe('signatures', () => {
  it.each([
    [CallbackChannel.InPerson, O.Satisfied, false, true],
    [CallbackChannel.Phone, O.Satisfied, true, true],
    [CallbackChannel.Phone, O.Satisfied, false, false],
    [CallbackChannel.InPerson, O.Unreachable, true, false],
  ])('%s %s (in person required %p) → signature %p', (channel, outcome, required, expected) => {
    expect(signatureRequired(channel, outcome, required)).toBe(expected);
  });
});

describe('ratings', () => {
  it.each([
    [Satisfaction.Satisfied, TicketAction.Confirm, false],
    [Satisfaction.Basic, TicketAction.Confirm, false],
    [Satisfaction.Dissatisfied, TicketAction.Reopen, true],
  ])('%s → %s, supervisor callback %p', (overall, action, cb) => {
    expect(ratingEffect(overall)).toEqual({ action, supervisorCallback: cb });
  });
  it.each([
    [0, false],
    [1, true],
    [5, true],
    [6, false],
    [2.5, false],
  ])('%p stars valid: %p', (n, ok) => expect(isValidStars(n)).toBe(ok));
  it('an unrated closed ticket is not rated, never satisfied', () => {
    expect(closedVerdict(null)).toBe('not_rated');
    expect(closedVerdict(Satisfaction.Basic)).toBe(Satisfaction.Basic);
  });
});

describe('care callbacks', () => {
  it.each([
    ['2026-01-31', null, '2026-02-28'],
    ['2026-03-10', null, '2026-04-10'],
    ['2026-03-10', '2026-04-12', '2026-10-12'],
  ])('moved in %s, last care %p → next %s', (movedIn, last, next) => {
    expect(nextCareDate(movedIn, last)).toBe(next);
  });
  it.each([
    ['2026-04-09', false, { due: false }],
    ['2026-04-10', false, { due: true, on: '2026-04-10' }],
    ['2026-05-01', false, { due: true, on: '2026-04-10' }],
    ['2026-04-10', true, { due: false, postponed: true, on: '2026-04-10' }],
  ])('today %s, open complaint %p → %p', (today, open, expected) => {
    expect(careCallbackDue('2026-03-10', null, open, today)).toEqual(expected);
  });
});
