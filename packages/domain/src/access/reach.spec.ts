import { MemberRole, Role, TicketKind } from '@linli/contracts';
import {
  Principal,
  reachLevel,
  Residence,
  residentSeesTicket,
  staffReaches,
  ticketReach,
  TicketFacts,
} from './reach';

const HOME = { companyId: 'c1', communityId: 'm1', buildingId: 'b1' };
const NEXT_DOOR = { companyId: 'c1', communityId: 'm1', buildingId: 'b2' };
const SISTER = { companyId: 'c1', communityId: 'm2', buildingId: 'b3' };
const FOREIGN = { companyId: 'c2', communityId: 'm9', buildingId: 'b9' };

const who = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  role,
  userId: 'u',
  householdId: null,
  communityId: 'm1',
  companyId: 'c1',
  buildingIds: [],
  ...extra,
});
const P = {
  resident: who(Role.Resident, { communityId: null, companyId: null, householdId: 'h1' }),
  assistant: who(Role.Assistant, { buildingIds: ['b1'] }),
  supervisor: who(Role.Supervisor),
  departmentHead: who(Role.Supervisor),
  companyAdmin: who(Role.Admin),
  platformAdmin: who(Role.Admin, { communityId: null, companyId: null }),
  guard: who(Role.Guard),
};

describe('staffReaches', () => {
  it.each([
    // who, place, reached
    ['assistant', HOME, true],
    ['assistant', NEXT_DOOR, false],
    ['assistant', { companyId: 'c1', communityId: 'm1' }, false],
    ['assistant', FOREIGN, false],
    ['supervisor', HOME, true],
    ['supervisor', NEXT_DOOR, true],
    ['supervisor', SISTER, false],
    ['supervisor', FOREIGN, false],
    ['departmentHead', FOREIGN, false],
    ['companyAdmin', HOME, true],
    ['companyAdmin', SISTER, true],
    ['companyAdmin', FOREIGN, false],
    ['platformAdmin', FOREIGN, true],
    ['resident', HOME, false],
    ['guard', HOME, false],
  ] as const)('%s → %j: %s', (name, place, reached) => {
    expect(staffReaches(P[name], place)).toBe(reached);
  });

  it.each([
    ['resident', 'none'],
    ['assistant', 'buildings'],
    ['supervisor', 'community'],
    ['companyAdmin', 'company'],
    ['platformAdmin', 'platform'],
    ['guard', 'none'],
  ] as const)('%s reaches at level %s', (name, level) => {
    expect(reachLevel(P[name])).toBe(level);
  });

  it('an admin whose community belongs to no known company reaches nothing', () => {
    expect(staffReaches(who(Role.Admin, { companyId: null }), HOME)).toBe(false);
  });
});

describe('tickets within a household (issue #9, item 1)', () => {
  const joined = new Date('2026-06-01T00:00:00Z');
  const before = new Date('2026-05-01T00:00:00Z');
  const after = new Date('2026-07-01T00:00:00Z');
  const ticket = (kind: TicketKind, createdAt: Date, reporterId = 'landlord'): TicketFacts => ({
    ...HOME,
    householdId: 'h1',
    reporterId,
    assigneeId: null,
    kind,
    createdAt,
  });
  const member = (role: MemberRole, since: Date | null = joined): Residence => ({
    householdId: 'h1',
    memberRole: role,
    since,
  });
  const me = { ...P.resident, userId: 'me' };

  it.each([
    // kind, created, my role there, seen
    [TicketKind.RepairHome, after, MemberRole.Tenant, true],
    [TicketKind.RepairHome, before, MemberRole.Tenant, false],
    [TicketKind.RepairCommon, after, MemberRole.Family, true],
    [TicketKind.RepairCommon, before, MemberRole.Relative, false],
    [TicketKind.RepairHome, before, MemberRole.Owner, true],
    [TicketKind.Complaint, after, MemberRole.Tenant, false],
    [TicketKind.Complaint, after, MemberRole.Owner, false],
    [TicketKind.Inquiry, after, MemberRole.Family, false],
    [TicketKind.Suggestion, after, MemberRole.Owner, false],
    [TicketKind.Praise, after, MemberRole.Family, false],
  ])('%s of %s, seen by a %s living there since June: %s', (kind, createdAt, role, seen) => {
    expect(residentSeesTicket(me, member(role), ticket(kind, createdAt))).toBe(seen);
    expect(ticketReach(me, member(role), ticket(kind, createdAt))).toMatchObject({
      ownHousehold: seen,
      canView: seen,
    });
  });

  it.each(Object.values(TicketKind))(
    'the reporter always sees their own %s, even before joining',
    (kind) => {
      expect(residentSeesTicket(me, member(MemberRole.Tenant), ticket(kind, before, 'me'))).toBe(
        true,
      );
    },
  );

  it('a member of another household, or someone who has moved to another, sees nothing', () => {
    expect(
      residentSeesTicket(
        { ...me, householdId: 'h2' },
        member(MemberRole.Owner),
        ticket(TicketKind.RepairHome, after),
      ),
    ).toBe(false);
    expect(
      residentSeesTicket(
        me,
        { ...member(MemberRole.Owner), householdId: 'h2' },
        ticket(TicketKind.RepairHome, after),
      ),
    ).toBe(false);
    expect(residentSeesTicket(me, null, ticket(TicketKind.RepairHome, after))).toBe(false);
    expect(
      residentSeesTicket(me, member(MemberRole.Tenant, null), ticket(TicketKind.RepairHome, after)),
    ).toBe(false);
  });
});

describe('ticketReach for staff', () => {
  const t = (place: typeof HOME, assigneeId: string | null = null): TicketFacts => ({
    ...place,
    householdId: 'h1',
    reporterId: 'r',
    assigneeId,
    kind: TicketKind.Complaint,
    createdAt: new Date(0),
  });

  it.each([
    ['assistant', HOME, { servesBuilding: true, canView: true }],
    ['assistant', NEXT_DOOR, { servesBuilding: false, canView: false }],
    ['supervisor', HOME, { supervisesCommunity: true, canView: true }],
    ['supervisor', SISTER, { supervisesCommunity: false, canView: false }],
    ['companyAdmin', SISTER, { adminsCompany: true, canView: true }],
    ['companyAdmin', FOREIGN, { adminsCompany: false, canView: false }],
    ['platformAdmin', FOREIGN, { adminsCompany: true, canView: true }],
    ['guard', HOME, { canView: false }],
  ] as const)('%s on a ticket at %j', (name, place, expected) => {
    expect(ticketReach(P[name], null, t(place))).toMatchObject(expected);
  });

  it('the assignee sees the ticket they hold; a guard or resident named assignee does not', () => {
    expect(ticketReach({ ...P.assistant, buildingIds: [] }, null, t(NEXT_DOOR, 'u'))).toMatchObject(
      { assignee: true, canView: true },
    );
    expect(ticketReach(P.guard, null, t(HOME, 'u')).canView).toBe(false);
  });
});
