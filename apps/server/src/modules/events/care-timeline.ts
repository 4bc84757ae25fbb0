import { GIFT_STATUS_LABELS, GiftStatus, SignupStatus, TimelineKind } from '@linli/contracts';
import { EntityManager, In, Not, IsNull } from 'typeorm';
import { CareRecipient } from '../care/entities/care-recipient.entity';
import { EventSignup } from './entities/event-signup.entity';

/** A household's care history for its timeline: events attended, festival gifts handed over (or declined). */
export async function careTimeline(db: EntityManager, householdId: string, take: number): Promise<{ time: number; kind: TimelineKind; title: string; refId: string | null }[]> {
  const [attended, gifts] = await Promise.all([
    db.find(EventSignup, { where: { householdId, status: SignupStatus.Attended }, relations: { event: true }, order: { checkedInAt: 'DESC' }, take }),
    db.find(CareRecipient, { where: { householdId, giftStatus: In([GiftStatus.Delivered, GiftStatus.PickedUp, GiftStatus.Declined]), giftAt: Not(IsNull()) }, relations: { campaign: true }, order: { giftAt: 'DESC' }, take }),
  ]);
  return [
    ...attended.map((s) => ({ time: (s.checkedInAt ?? s.createdAt).getTime(), kind: TimelineKind.Care, title: `参加活动：${s.event?.title ?? ''}（已签到）`, refId: s.eventId })),
    ...gifts.map((g) => ({ time: g.giftAt!.getTime(), kind: TimelineKind.Care, title: `${g.campaign?.title ?? ''}关怀礼品：${g.campaign?.giftName ?? ''}（${GIFT_STATUS_LABELS[g.giftStatus!]}）`, refId: g.campaignId })),
  ];
}
