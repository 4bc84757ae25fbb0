import { AudienceSegment, MemberRole } from '@linli/contracts';
import {
  ageOn,
  birthDateFromId,
  birthdayWithin,
  selectAudience,
  type AudienceHousehold,
  type AudienceMember,
} from './audience';

/** A valid resident ID number born on `birth` ('YYYY-MM-DD'), with its check character. */
function idFor(birth: string): string {
  const body = `110105${birth.replace(/-/g, '')}123`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const m = (
  role: MemberRole,
  birth: string | null,
  moveInDate: string | null = '2020-01-01',
): AudienceMember => ({
  role,
  idNumber: birth ? idFor(birth) : null,
  moveInDate,
});
const hh = (
  householdId: string,
  buildingId: string,
  ...members: AudienceMember[]
): AudienceHousehold => ({ householdId, buildingId, members });

const TODAY = '2026-09-25';
const HOUSEHOLDS = [
  hh('elder-alone', 'b1', m(MemberRole.Owner, '1950-03-01')),
  hh('elder-family', 'b1', m(MemberRole.Owner, '1980-05-05'), m(MemberRole.Family, '1955-12-01')),
  hh(
    'young-family',
    'b2',
    m(MemberRole.Tenant, '1990-09-27'),
    m(MemberRole.Tenant, '2019-06-01', '2026-08-01'),
  ),
  hh('new-owner', 'b2', m(MemberRole.Owner, null, '2026-07-15')),
  hh('turning-60', 'b2', m(MemberRole.Owner, '1966-09-26')),
  hh('empty', 'b1'),
];
const ids = (spec: Parameters<typeof selectAudience>[1]) =>
  selectAudience(HOUSEHOLDS, spec, TODAY).map((h) => h.householdId);

describe('birth dates from ID numbers', () => {
  it.each([
    [idFor('1950-03-01'), '1950-03-01'],
    ['110105195003011230', null], // wrong check character
    ['abc', null],
    [null, null],
  ])('%s → %s', (id, birth) => expect(birthDateFromId(id)).toBe(birth));

  it.each([
    ['1966-09-26', '2026-09-25', 59],
    ['1966-09-25', '2026-09-25', 60],
    ['2000-02-29', '2026-02-28', 25],
  ])('born %s is %i on %s', (birth, today, age) => expect(ageOn(birth, today)).toBe(age));

  it.each([
    ['1990-09-27', '2026-09-25', 7, true],
    ['1990-10-03', '2026-09-25', 7, false],
    ['1990-01-02', '2026-12-28', 7, true], // the window crosses the new year
    ['2000-02-29', '2027-02-25', 3, true], // 28 Feb in a common year
  ])('birthday of %s within %s + %i days: %s', (birth, from, days, expected) =>
    expect(birthdayWithin(birth, from, days)).toBe(expected),
  );
});

describe('selectAudience', () => {
  it.each<[string, Parameters<typeof selectAudience>[1], string[]]>([
    [
      'whole community (never an empty household)',
      { buildingIds: [], segments: [] },
      ['elder-alone', 'elder-family', 'young-family', 'new-owner', 'turning-60'],
    ],
    ['chosen building', { buildingIds: ['b1'], segments: [] }, ['elder-alone', 'elder-family']],
    [
      'elderly (60+ by ID)',
      { buildingIds: [], segments: [AudienceSegment.Elderly] },
      ['elder-alone', 'elder-family'],
    ],
    [
      'elderly from 59',
      { buildingIds: [], segments: [AudienceSegment.Elderly], elderlyAge: 59 },
      ['elder-alone', 'elder-family', 'turning-60'],
    ],
    [
      'elderly living alone',
      { buildingIds: [], segments: [AudienceSegment.ElderlyAlone] },
      ['elder-alone'],
    ],
    [
      'with children',
      { buildingIds: [], segments: [AudienceSegment.WithChildren] },
      ['young-family'],
    ],
    [
      'new residents (90 days)',
      { buildingIds: [], segments: [AudienceSegment.NewResidents] },
      ['new-owner'],
    ],
    [
      'new residents (30 days)',
      { buildingIds: [], segments: [AudienceSegment.NewResidents], newResidentDays: 30 },
      [],
    ],
    [
      'birthdays within 7 days',
      { buildingIds: [], segments: [AudienceSegment.BirthdayInWindow] },
      ['young-family', 'turning-60'],
    ],
    [
      'birthdays within 1 day',
      { buildingIds: [], segments: [AudienceSegment.BirthdayInWindow], birthdayWindowDays: 1 },
      ['turning-60'],
    ],
    [
      'owners only',
      { buildingIds: [], segments: [AudienceSegment.OwnersOnly] },
      ['elder-alone', 'elder-family', 'new-owner', 'turning-60'],
    ],
    [
      'elderly AND owners in b2',
      { buildingIds: ['b2'], segments: [AudienceSegment.Elderly, AudienceSegment.OwnersOnly] },
      [],
    ],
  ])('%s', (_name, spec, expected) => expect(ids(spec)).toEqual(expected));
});
