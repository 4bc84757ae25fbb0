import { GIFT_STATUS_LABELS, GiftStatus, SignupStatus, TimelineKind } from '@linli/contracts';
import type { CursorKey } from '@linli/domain';
import { EntityManager, In, Not, IsNull } from 'typeorm';
import { afterMergedCursor } from '../../common/paging/paging';
import { CareRecipient } from '../care/entities/care-recipient.entity';
import { EventSignup } from './entities/event-signup.entity';

/** One entry of a household's timeline with its position (for the cursor). */
export interface KeyedTimelineEntry {
  key: CursorKey;
  kind: TimelineKind;
  title: string;
  refId: string | null;
}

/**
 * A household's care history for its timeline, newest first after `cursor`: events attended (at check-in),
 * festival gifts handed over (or declined). Sources 'e' and 'g' of the merged timeline.
 */
export async function careTimeline(
  db: EntityManager,
  householdId: string,
  take: number,
  cursor: CursorKey | null = null,
): Promise<KeyedTimelineEntry[]> {
  const [attended, gifts] = await Promise.all([
    db.find(EventSignup, {
      where: afterMergedCursor<EventSignup>(
        { householdId, status: SignupStatus.Attended, checkedInAt: Not(IsNull()) },
        cursor,
        'e',
        'checkedInAt',
      ),
      relations: { event: true },
      order: { checkedInAt: 'DESC', id: 'DESC' },
      take,
    }),
    db.find(CareRecipient, {
      where: afterMergedCursor<CareRecipient>(
        {
          householdId,
          giftStatus: In([GiftStatus.Delivered, GiftStatus.PickedUp, GiftStatus.Declined]),
          giftAt: Not(IsNull()),
        },
        cursor,
        'g',
        'giftAt',
      ),
      relations: { campaign: true },
      order: { giftAt: 'DESC', id: 'DESC' },
      take,
    }),
  ]);
  return [
    ...attended.map((s) => ({
      key: { at: s.checkedInAt!, id: `e${s.id}` },
      kind: TimelineKind.Care,
      title: `参加活动：${s.event?.title ?? ''}（已签到）`,
      refId: s.eventId,
    })),
    ...gifts.map((g) => ({
      key: { at: g.giftAt!, id: `g${g.id}` },
      kind: TimelineKind.Care,
      title: `${g.campaign?.title ?? ''}关怀礼品：${g.campaign?.giftName ?? ''}（${GIFT_STATUS_LABELS[g.giftStatus!]}）`,
      refId: g.campaignId,
    })),
  ];
}
