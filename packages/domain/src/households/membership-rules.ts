import { MemberRole } from '@linli/contracts';

/** Who must approve a WeChat user's request to join a household (issue: joining from WeChat). */
export function joinApprovers(role: MemberRole): readonly ('owner' | 'office')[] {
  switch (role) {
    case MemberRole.Owner:
      return ['office'];
    case MemberRole.Family:
      return ['owner'];
    case MemberRole.Tenant:
    case MemberRole.Relative:
      return ['owner', 'office'];
  }
}

/** Household files are reviewed every quarter (docs/domain-rules.md §3). Calendar months, clamped to month end. */
export function nextReviewDate(lastReviewKey: string, months = 3): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lastReviewKey);
  if (!m) throw new RangeError(`not a date: ${lastReviewKey}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${targetYear}-${String(targetMonth + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
