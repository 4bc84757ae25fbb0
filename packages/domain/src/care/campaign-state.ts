import { CampaignAction, CampaignStatus, GiftAction, GiftStatus } from '@linli/contracts';

/**
 * Campaign and gift states as transition tables (the shape of tickets/ticket-state-machine.ts). The
 * server is the authority; the supervisor plans (draft → scheduled), the fan-out sends (scheduled →
 * sending → sent), the assistant hands gifts over.
 */
export interface CampaignTransition {
  action: CampaignAction;
  from: readonly CampaignStatus[];
  to: CampaignStatus;
  /** Taken by the fan-out job, not by a person. */
  system?: boolean;
}

const C = CampaignStatus;

export const CAMPAIGN_TRANSITIONS: readonly CampaignTransition[] = [
  { action: CampaignAction.Schedule, from: [C.Draft], to: C.Scheduled },
  { action: CampaignAction.Reopen, from: [C.Scheduled], to: C.Draft },
  { action: CampaignAction.Start, from: [C.Scheduled], to: C.Sending, system: true },
  { action: CampaignAction.Finish, from: [C.Sending], to: C.Sent, system: true },
  // Skipped households sent later put a finished campaign back to sending until they are through.
  { action: CampaignAction.Start, from: [C.Sent], to: C.Sending, system: true },
  { action: CampaignAction.Cancel, from: [C.Draft, C.Scheduled], to: C.Cancelled },
];

/** Where `action` leads from `status`, or null when it does not apply (or a person tries a system action). */
export function campaignTransition(
  status: CampaignStatus,
  action: CampaignAction,
  bySystem = false,
): CampaignStatus | null {
  const rule = CAMPAIGN_TRANSITIONS.find((r) => r.action === action && r.from.includes(status));
  if (!rule || (rule.system ?? false) !== bySystem) return null;
  return rule.to;
}

/** Whether a campaign's content and audience may still be edited. */
export const campaignEditable = (status: CampaignStatus): boolean =>
  status === C.Draft || status === C.Scheduled;

export const GIFT_TRANSITIONS: readonly {
  action: GiftAction;
  from: readonly GiftStatus[];
  to: GiftStatus;
}[] = [
  { action: GiftAction.Deliver, from: [GiftStatus.Prepared], to: GiftStatus.Delivered },
  { action: GiftAction.PickUp, from: [GiftStatus.Prepared], to: GiftStatus.PickedUp },
  { action: GiftAction.Decline, from: [GiftStatus.Prepared], to: GiftStatus.Declined },
];

export function giftTransition(status: GiftStatus, action: GiftAction): GiftStatus | null {
  return GIFT_TRANSITIONS.find((r) => r.action === action && r.from.includes(status))?.to ?? null;
}

/** A gift handed over in person needs a photo or the resident's signature as proof. */
export const giftNeedsProof = (action: GiftAction): boolean => action === GiftAction.Deliver;

/** Coverage: households reached over households targeted (docs/domain-rules.md §10: 98% is a good result). */
export const COVERAGE_TARGET = 0.98;

export function coverage(reached: number, targeted: number): number {
  return targeted === 0 ? 0 : reached / targeted;
}
