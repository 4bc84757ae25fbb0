import { ALL_ROLES, Role, TicketAction, TicketStatus } from '@linli/contracts';
import { decideEdit, mayEdit, TICKET_EDITS } from './ticket-edits';
import { OPEN_STATUSES, TicketActor } from './ticket-state-machine';

const A = TicketAction;
const none: Omit<TicketActor, 'role'> = {
  ownHousehold: false,
  assignee: false,
  servesBuilding: false,
  supervisesCommunity: false,
  adminsCompany: false,
};
const actor = (role: Role, ...relations: (keyof typeof none)[]): TicketActor => ({
  role,
  ...none,
  ...Object.fromEntries(relations.map((r) => [r, true])),
});

/** Who may make each edit on an open ticket; on a finished one nobody may. */
const EXPECTED: [string, TicketActor, { reclassify: boolean; slip: boolean }][] = [
  [
    'the assigned assistant',
    actor(Role.Assistant, 'assignee', 'servesBuilding'),
    { reclassify: true, slip: true },
  ],
  [
    'an assistant of the building, not assigned',
    actor(Role.Assistant, 'servesBuilding'),
    { reclassify: false, slip: false },
  ],
  [
    'the community supervisor',
    actor(Role.Supervisor, 'supervisesCommunity'),
    { reclassify: true, slip: false },
  ],
  ['a supervisor of another community', actor(Role.Supervisor), { reclassify: false, slip: false }],
  ['the company admin', actor(Role.Admin, 'adminsCompany'), { reclassify: true, slip: false }],
  ['an admin of another company', actor(Role.Admin), { reclassify: false, slip: false }],
  [
    'the reporting resident',
    actor(Role.Resident, 'ownHousehold'),
    { reclassify: false, slip: false },
  ],
  [
    'a gate guard, whatever it relates to',
    actor(Role.Guard, 'assignee', 'supervisesCommunity', 'adminsCompany'),
    { reclassify: false, slip: false },
  ],
];

describe('ticket edits that keep the status (调整紧急程度, 工作传签单)', () => {
  it('covers every role', () => {
    expect(new Set(EXPECTED.map(([, a]) => a.role))).toEqual(new Set(ALL_ROLES));
  });

  describe.each(EXPECTED)('%s', (_, who, expected) => {
    it.each(Object.values(TicketStatus))('in status %s', (status) => {
      const open = OPEN_STATUSES.includes(status);
      expect([mayEdit(status, A.Reclassify, who), mayEdit(status, A.EscalationSlip, who)]).toEqual([
        open && expected.reclassify,
        open && expected.slip,
      ]);
    });
  });

  it('tells who may never make an edit so, before looking at the status', () => {
    const resident = actor(Role.Resident, 'ownHousehold');
    expect(decideEdit(TicketStatus.Closed, A.Reclassify, resident)).toEqual({
      allowed: false,
      reason: 'who',
    });
    expect(
      decideEdit(TicketStatus.Closed, A.Reclassify, actor(Role.Supervisor, 'supervisesCommunity')),
    ).toEqual({ allowed: false, reason: 'status' });
  });

  it('has one rule per edit', () => {
    expect(TICKET_EDITS.map((r) => r.edit).sort()).toEqual([A.EscalationSlip, A.Reclassify].sort());
  });
});
