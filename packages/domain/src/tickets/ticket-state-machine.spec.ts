import { ALL_ROLES, Role, SYSTEM_ACTIONS, TicketAction, TicketStatus } from '@linli/contracts';
import { allowedActions, decideTransition, systemTransition, TicketActor } from './ticket-state-machine';

const S = TicketStatus;
const A = TicketAction;

/** Actors with the relation that makes each role eligible, and the same roles without it. */
const related: Record<Role, TicketActor> = {
  [Role.Resident]: { role: Role.Resident, ownHousehold: true, assignee: false, servesBuilding: false, supervisesCommunity: false },
  [Role.Assistant]: { role: Role.Assistant, ownHousehold: false, assignee: true, servesBuilding: true, supervisesCommunity: false },
  [Role.Supervisor]: { role: Role.Supervisor, ownHousehold: false, assignee: false, servesBuilding: false, supervisesCommunity: true },
  [Role.Admin]: { role: Role.Admin, ownHousehold: false, assignee: false, servesBuilding: false, supervisesCommunity: false },
};
const stranger = (role: Role): TicketActor => ({ role, ownHousehold: false, assignee: false, servesBuilding: false, supervisesCommunity: false });

/**
 * The expected table, written out by hand (independently of TICKET_TRANSITIONS):
 * status → action → [target status, roles allowed when related].
 */
const EXPECTED: Partial<Record<TicketStatus, Partial<Record<TicketAction, [TicketStatus, Role[]]>>>> = {
  [S.Submitted]: {
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Accept]: [S.Accepted, [Role.Assistant]],
    [A.Cancel]: [S.Cancelled, [Role.Resident, Role.Supervisor, Role.Admin]],
  },
  [S.Assigned]: {
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Accept]: [S.Accepted, [Role.Assistant]],
    [A.Transfer]: [S.Assigned, [Role.Assistant]],
    [A.Cancel]: [S.Cancelled, [Role.Resident, Role.Supervisor, Role.Admin]],
  },
  [S.Accepted]: {
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Transfer]: [S.Assigned, [Role.Assistant]],
    [A.Arrive]: [S.OnSite, [Role.Assistant]],
    [A.Hold]: [S.OnHold, [Role.Assistant, Role.Supervisor]],
    [A.Resolve]: [S.Resolved, [Role.Assistant]],
  },
  [S.OnSite]: {
    [A.Hold]: [S.OnHold, [Role.Assistant, Role.Supervisor]],
    [A.Resolve]: [S.Resolved, [Role.Assistant]],
  },
  [S.OnHold]: {
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Resume]: [S.Accepted, [Role.Assistant, Role.Supervisor]],
  },
  [S.Resolved]: {
    [A.Confirm]: [S.Closed, [Role.Resident]],
    [A.Reopen]: [S.Accepted, [Role.Resident]],
  },
};

const cases = Object.values(S).flatMap((status) =>
  Object.values(A).flatMap((action) => ALL_ROLES.map((role) => [status, action, role] as const)),
);

describe('ticket state machine', () => {
  it.each(cases)('%s × %s × %s', (status, action, role) => {
    const expected = EXPECTED[status]?.[action];
    const decision = decideTransition(status, action, related[role]);
    if (expected && expected[1].includes(role)) {
      expect(decision).toEqual({ allowed: true, to: expected[0] });
    } else {
      expect(decision.allowed).toBe(false);
    }
  });

  it.each(cases.filter(([status, action, role]) => EXPECTED[status]?.[action]?.[1].includes(role) && role !== Role.Admin))(
    '%s × %s × %s is refused without the relation',
    (status, action, role) => {
      expect(decideTransition(status, action, stranger(role))).toEqual({ allowed: false, reason: 'relation' });
    },
  );

  it('system actions are refused to every person, and the system closes only resolved tickets', () => {
    for (const action of SYSTEM_ACTIONS) {
      for (const status of Object.values(S)) for (const role of ALL_ROLES) expect(decideTransition(status, action, related[role]).allowed).toBe(false);
    }
    expect(Object.values(S).map((status) => [status, systemTransition(status, A.AutoClose)])).toEqual(
      Object.values(S).map((status) => [status, status === S.Resolved ? S.Closed : null]),
    );
    expect(systemTransition(S.Accepted, A.Escalate)).toBeNull();
  });

  it('an assistant of the building who is not the assignee may accept but not resolve', () => {
    const colleague: TicketActor = { ...stranger(Role.Assistant), servesBuilding: true };
    expect(decideTransition(S.Assigned, A.Accept, colleague)).toEqual({ allowed: true, to: S.Accepted });
    expect(decideTransition(S.Accepted, A.Resolve, colleague)).toEqual({ allowed: false, reason: 'relation' });
  });

  it('reports why a transition is refused', () => {
    expect(decideTransition(S.Closed, A.Accept, related[Role.Assistant])).toEqual({ allowed: false, reason: 'status' });
    expect(decideTransition(S.Assigned, A.Accept, related[Role.Resident])).toEqual({ allowed: false, reason: 'role' });
  });

  it.each([
    [S.Assigned, Role.Resident, [A.Cancel]],
    [S.Assigned, Role.Assistant, [A.Accept, A.Transfer]],
    [S.Accepted, Role.Assistant, [A.Transfer, A.Arrive, A.Hold, A.Resolve]],
    [S.OnHold, Role.Assistant, [A.Resume]],
    [S.OnHold, Role.Supervisor, [A.Assign, A.Resume]],
    [S.Resolved, Role.Resident, [A.Confirm, A.Reopen]],
    [S.Closed, Role.Resident, []],
    [S.Cancelled, Role.Supervisor, []],
  ])('allowed actions in %s for %s', (status, role, actions) => {
    expect(allowedActions(status, related[role])).toEqual(actions);
  });
});
