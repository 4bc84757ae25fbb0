import { MAX_DESCRIPTION_LENGTH, MAX_TICKET_PHOTOS } from '@linli/contracts';
import { chinaDateKey } from '@linli/domain';

/** What the report form holds before it is sent. */
export interface ReportDraft {
  categoryCode: string | null;
  description: string;
  photoIds: string[];
  /** Photos still uploading: the form waits for them rather than dropping them. */
  uploading: number;
}

/**
 * The first thing wrong with a draft, as the Chinese hint shown to the resident, or null when it can be
 * sent. The server checks the same rules; this only saves a round trip.
 */
export function reportDraftProblem(draft: ReportDraft): string | null {
  if (!draft.categoryCode) return '请选择报事类别';
  const text = draft.description.trim();
  if (text.length === 0) return '请描述遇到的问题';
  if (text.length > MAX_DESCRIPTION_LENGTH)
    return `问题描述不能超过 ${MAX_DESCRIPTION_LENGTH} 个字`;
  if (draft.photoIds.length > MAX_TICKET_PHOTOS) return `最多只能上传 ${MAX_TICKET_PHOTOS} 张图片`;
  if (draft.uploading > 0) return '图片还在上传，请稍候';
  return null;
}

/** How many more photos may be chosen now. */
export function photoSlotsLeft(draft: Pick<ReportDraft, 'photoIds' | 'uploading'>): number {
  return Math.max(0, MAX_TICKET_PHOTOS - draft.photoIds.length - draft.uploading);
}

/** A key unique to one report form: resubmitting after a timeout returns the same ticket, never a duplicate. */
export function newIdempotencyKey(
  random: () => number = Math.random,
  now: () => number = Date.now,
): string {
  const part = () =>
    Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0');
  return `r-${now().toString(36)}-${part()}${part()}`;
}

/** How far ahead a resident may ask for a visit: the picker offers these days only, not years to 2999. */
export const VISIT_DAYS_AHEAD = 30;

/** The China-time dates the visit-date picker offers: today to VISIT_DAYS_AHEAD days on. */
export function visitDateRange(now: Date): { start: string; end: string } {
  return {
    start: chinaDateKey(now),
    end: chinaDateKey(new Date(now.getTime() + VISIT_DAYS_AHEAD * 24 * 60 * 60 * 1000)),
  };
}
