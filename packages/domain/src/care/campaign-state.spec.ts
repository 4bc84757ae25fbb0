import { CampaignAction, CampaignStatus, GiftAction, GiftStatus } from '@linli/contracts';
import { campaignTransition, coverage, giftNeedsProof, giftTransition } from './campaign-state';

const C = CampaignStatus;
const A = CampaignAction;

/** Every status × action × actor (person / system); anything not listed is refused. */
const ALLOWED: Record<string, CampaignStatus> = {
  [`${C.Draft}:${A.Schedule}:person`]: C.Scheduled,
  [`${C.Draft}:${A.Cancel}:person`]: C.Cancelled,
  [`${C.Scheduled}:${A.Reopen}:person`]: C.Draft,
  [`${C.Scheduled}:${A.Cancel}:person`]: C.Cancelled,
  [`${C.Scheduled}:${A.Start}:system`]: C.Sending,
  [`${C.Sending}:${A.Finish}:system`]: C.Sent,
  [`${C.Sent}:${A.Start}:system`]: C.Sending,
};

const cases = Object.values(C).flatMap((s) =>
  Object.values(A).flatMap((a) => [[s, a, false] as const, [s, a, true] as const]),
);

describe('campaign transitions', () => {
  it.each(cases)('%s --%s (system %s)', (status, action, bySystem) => {
    expect(campaignTransition(status, action, bySystem)).toBe(
      ALLOWED[`${status}:${action}:${bySystem ? 'system' : 'person'}`] ?? null,
    );
  });
});

const GIFT_ALLOWED: Record<string, GiftStatus> = {
  [`${GiftStatus.Prepared}:${GiftAction.Deliver}`]: GiftStatus.Delivered,
  [`${GiftStatus.Prepared}:${GiftAction.PickUp}`]: GiftStatus.PickedUp,
  [`${GiftStatus.Prepared}:${GiftAction.Decline}`]: GiftStatus.Declined,
};

describe('gift transitions', () => {
  it.each(
    Object.values(GiftStatus).flatMap((s) => Object.values(GiftAction).map((a) => [s, a] as const)),
  )('%s --%s', (status, action) => {
    expect(giftTransition(status, action)).toBe(GIFT_ALLOWED[`${status}:${action}`] ?? null);
  });

  it.each([
    [GiftAction.Deliver, true],
    [GiftAction.PickUp, false],
    [GiftAction.Decline, false],
  ])('%s needs a photo or signature: %s', (action, needs) =>
    expect(giftNeedsProof(action)).toBe(needs),
  );
});

describe('coverage', () => {
  it.each([
    [98, 100, 0.98],
    [0, 0, 0],
    [5, 10, 0.5],
  ])('%i of %i → %d', (reached, targeted, expected) =>
    expect(coverage(reached, targeted)).toBeCloseTo(expected),
  );
});
