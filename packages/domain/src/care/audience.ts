import { AudienceSegment, MemberRole } from '@linli/contracts';
import { isValidResidentId } from '../households/identity';
import { addDays } from './dates';

/**
 * Campaign audiences (docs/domain-rules.md §10) as pure functions over the household files: the server loads
 * the members, these decide who is in.
 */
export interface AudienceMember {
  role: MemberRole;
  idNumber: string | null;
  /** 'YYYY-MM-DD' the member moved in, when known. */
  moveInDate: string | null;
}

export interface AudienceHousehold {
  householdId: string;
  buildingId: string;
  /** Current members only (removed members are not passed). */
  members: readonly AudienceMember[];
}

export interface AudienceSpec {
  buildingIds: readonly string[];
  segments: readonly AudienceSegment[];
  elderlyAge?: number;
  newResidentDays?: number;
  birthdayWindowDays?: number;
}

export const AUDIENCE_DEFAULTS = {
  elderlyAge: 60,
  childAge: 18,
  newResidentDays: 90,
  birthdayWindowDays: 7,
} as const;

export const AUDIENCE_SEGMENT_LABELS: Record<AudienceSegment, string> = {
  [AudienceSegment.Elderly]: '有老人的住户',
  [AudienceSegment.ElderlyAlone]: '独居老人',
  [AudienceSegment.WithChildren]: '有儿童的住户',
  [AudienceSegment.NewResidents]: '新入住住户',
  [AudienceSegment.BirthdayInWindow]: '近期过生日的住户',
  [AudienceSegment.OwnersOnly]: '仅业主',
};

/** 'YYYY-MM-DD' birth date from an 18-character resident ID number; null when the number is not valid. */
export function birthDateFromId(idNumber: string | null): string | null {
  if (!idNumber || !isValidResidentId(idNumber)) return null;
  const v = idNumber.trim();
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}

/** Whole years of age on `today` ('YYYY-MM-DD') of someone born on `birth`. */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** Whether the birthday of `birth` falls within [from, from + days] (a 29 Feb birthday counts on 28 Feb in common years). */
export function birthdayWithin(birth: string, from: string, days: number): boolean {
  const to = addDays(from, days);
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    let md = birth.slice(5);
    if (md === '02-29' && !isLeap(y)) md = '02-28';
    const day = `${y}-${md}`;
    if (day >= from && day <= to) return true;
  }
  return false;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function ages(h: AudienceHousehold, today: string): number[] {
  return h.members
    .map((m) => birthDateFromId(m.idNumber))
    .filter((b): b is string => b !== null)
    .map((b) => ageOn(b, today));
}

/**
 * Whether a household is in one segment on China day `today` (the occasion's date for birthdays).
 * Members without a valid ID number have no known age: they make no household elderly or "with
 * children", and an elderly person lives alone only when they are the household's only member.
 */
export function inSegment(
  h: AudienceHousehold,
  segment: AudienceSegment,
  spec: AudienceSpec,
  today: string,
): boolean {
  const elderlyAge = spec.elderlyAge ?? AUDIENCE_DEFAULTS.elderlyAge;
  switch (segment) {
    case AudienceSegment.Elderly:
      return ages(h, today).some((a) => a >= elderlyAge);
    case AudienceSegment.ElderlyAlone:
      return h.members.length === 1 && ages(h, today).some((a) => a >= elderlyAge);
    case AudienceSegment.WithChildren:
      return ages(h, today).some((a) => a < AUDIENCE_DEFAULTS.childAge);
    case AudienceSegment.NewResidents: {
      const since = addDays(today, -(spec.newResidentDays ?? AUDIENCE_DEFAULTS.newResidentDays));
      const dates = h.members.map((m) => m.moveInDate).filter((d): d is string => !!d);
      // The household is new when its earliest current member moved in within the window.
      return dates.length > 0 && dates.sort()[0] >= since && dates[0] <= today;
    }
    case AudienceSegment.BirthdayInWindow: {
      const days = spec.birthdayWindowDays ?? AUDIENCE_DEFAULTS.birthdayWindowDays;
      return h.members.some((m) => {
        const b = birthDateFromId(m.idNumber);
        return b !== null && birthdayWithin(b, today, days);
      });
    }
    case AudienceSegment.OwnersOnly:
      return h.members.some((m) => m.role === MemberRole.Owner);
  }
}

/** The households a campaign targets: in the chosen buildings (all when none chosen), with members, in every segment. */
export function selectAudience<H extends AudienceHousehold>(
  households: readonly H[],
  spec: AudienceSpec,
  today: string,
): H[] {
  return households.filter(
    (h) =>
      h.members.length > 0 &&
      (spec.buildingIds.length === 0 || spec.buildingIds.includes(h.buildingId)) &&
      spec.segments.every((s) => inSegment(h, s, spec, today)),
  );
}
