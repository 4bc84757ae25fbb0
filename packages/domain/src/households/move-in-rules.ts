import {
  MemberRole,
  MoveInConsent,
  MoveInMissing,
  MoveInPaper,
  RELEASE_SLIP_ALPHABET,
  RESIDENCE_PASS_CODE_LENGTH,
} from '@linli/contracts';

/**
 * Move-in registration (入住登记, docs/domain-rules.md §3–§4). The papers each person shows at the counter: an owner
 * the deed and their ID; family their ID; a tenant their ID and the lease; a relative living in their ID
 * and a notarised proof of relation.
 */
export const MOVE_IN_PAPERS: Record<MemberRole, readonly MoveInPaper[]> = {
  [MemberRole.Owner]: [MoveInPaper.IdDocument, MoveInPaper.PropertyDeed],
  [MemberRole.Family]: [MoveInPaper.IdDocument],
  [MemberRole.Tenant]: [MoveInPaper.IdDocument, MoveInPaper.Lease],
  [MemberRole.Relative]: [MoveInPaper.IdDocument, MoveInPaper.NotarisedRelation],
};

/**
 * The owner's consent each role needs: none for an owner; family and tenants the owner's consent (the
 * owner registering them, agreeing in the mini-program, or a written consent the office holds);
 * relatives living in the owner's written consent, which only the office can record.
 */
export const MOVE_IN_CONSENT: Record<MemberRole, MoveInConsent | null> = {
  [MemberRole.Owner]: null,
  [MemberRole.Family]: MoveInConsent.OwnerConsent,
  [MemberRole.Tenant]: MoveInConsent.OwnerConsent,
  [MemberRole.Relative]: MoveInConsent.WrittenConsent,
};

/** The owner's consents on record for a registration. */
export interface MoveInConsents {
  /** The owner registered the people, or agreed in the mini-program. */
  owner: boolean;
  /** The office holds the owner's written consent. */
  written: boolean;
}

/** What one person still lacks before the office may approve: unchecked papers first, then the consent. */
export function missingForMoveIn(
  role: MemberRole,
  papers: readonly MoveInPaper[],
  consents: MoveInConsents,
): MoveInMissing[] {
  const missing: MoveInMissing[] = MOVE_IN_PAPERS[role].filter((p) => !papers.includes(p));
  const need = MOVE_IN_CONSENT[role];
  // A written consent is also a consent; an agreement in the mini-program is not a written one.
  if (need === MoveInConsent.OwnerConsent && !consents.owner && !consents.written)
    missing.push(need);
  if (need === MoveInConsent.WrittenConsent && !consents.written) missing.push(need);
  return missing;
}

/** Whether the owner's agreement (in the mini-program) is still wanted by someone of the registration. */
export function moveInAwaitsOwner(roles: readonly MemberRole[], consents: MoveInConsents): boolean {
  return (
    !consents.owner &&
    !consents.written &&
    roles.some((r) => MOVE_IN_CONSENT[r] === MoveInConsent.OwnerConsent)
  );
}

/** The papers a role may show, in checklist order; anything else ticked is dropped. */
export function moveInPapersFor(role: MemberRole, ticked: readonly MoveInPaper[]): MoveInPaper[] {
  return MOVE_IN_PAPERS[role].filter((p) => ticked.includes(p));
}

/** Why a move-in date is not acceptable (Chinese), or null: a real date, at most `maxAheadDays` after today (China dates, `today` 'YYYY-MM-DD'). */
export function moveInDateProblem(
  moveInDate: string,
  today: string,
  maxAheadDays = 90,
): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(moveInDate);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m || !t) return '入住日期格式应为 2026-11-01';
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(day);
  if (
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  )
    return '入住日期不存在';
  const ahead = (day - Date.UTC(Number(t[1]), Number(t[2]) - 1, Number(t[3]))) / 86_400_000;
  if (ahead > maxAheadDays) return `入住日期最多可提前 ${maxAheadDays} 天登记`;
  return null;
}

/** A fresh residence pass number from a random source (`randomIndex(n)` returns 0..n-1). */
export function newResidencePassCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < RESIDENCE_PASS_CODE_LENGTH; i++)
    code += RELEASE_SLIP_ALPHABET[randomIndex(RELEASE_SLIP_ALPHABET.length)];
  return code;
}
