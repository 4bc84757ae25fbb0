import { MemberRole } from '@linli/contracts';

/**
 * What registering a member of each role requires (domain.md §4): owners show the deed and ID;
 * tenants show ID and are registered with the owner's consent; relatives living in need notarised
 * proof of relation plus the owner's written consent.
 */
export interface MoveInEvidence {
  idDocument: boolean;
  propertyDeed: boolean;
  ownerConsent: boolean;
  notarisedRelation: boolean;
}

export type MoveInRequirement = keyof MoveInEvidence;

export const MOVE_IN_REQUIREMENTS: Record<MemberRole, readonly MoveInRequirement[]> = {
  [MemberRole.Owner]: ['idDocument', 'propertyDeed'],
  [MemberRole.Family]: ['idDocument', 'ownerConsent'],
  [MemberRole.Tenant]: ['idDocument', 'ownerConsent'],
  [MemberRole.Relative]: ['idDocument', 'ownerConsent', 'notarisedRelation'],
};

export const MOVE_IN_REQUIREMENT_LABELS: Record<MoveInRequirement, string> = {
  idDocument: '身份证件',
  propertyDeed: '房产证明',
  ownerConsent: '业主书面同意',
  notarisedRelation: '亲属关系公证',
};

/** The requirements still missing for a move-in registration (empty when it may proceed). */
export function missingMoveInEvidence(role: MemberRole, evidence: MoveInEvidence): MoveInRequirement[] {
  return MOVE_IN_REQUIREMENTS[role].filter((r) => !evidence[r]);
}

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

/** Household files are reviewed every quarter (domain.md §3). Calendar months, clamped to month end. */
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
