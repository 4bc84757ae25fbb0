import {
  ALL_ROLES,
  Role,
  SYSTEM_ACTIONS,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import {
  allowedActions,
  decideTransition,
  systemTransition,
  TicketActor,
} from './ticket-state-machine';

const S = TicketStatus;
const A = TicketAction;

/** Actors with the relation that makes each role eligible, and the same roles without it. */
const related: Record<Role, TicketActor> = {
  [Role.Resident]: {
    role: Role.Resident,
    ownHousehold: true,
    assignee: false,
    servesBuilding: false,
    supervisesCommunity: false,
    adminsCompany: false,
  },
  [Role.Assistant]: {
    role: Role.Assistant,
    ownHousehold: false,
    assignee: true,
    servesBuilding: true,
    supervisesCommunity: false,
    adminsCompany: false,
  },
  [Role.Supervisor]: {
    role: Role.Supervisor,
    ownHousehold: false,
    assignee: false,
    servesBuilding: false,
    supervisesCommunity: true,
    adminsCompany: false,
  },
  [Role.Admin]: {
    role: Role.Admin,
    ownHousehold: false,
    assignee: false,
    servesBuilding: false,
    supervisesCommunity: false,
    adminsCompany: true,
  },
  // The gate guard is in no table row: no ticket action, whatever the ticket.
  [Role.Guard]: {
    role: Role.Guard,
    ownHousehold: true,
    assignee: true,
    servesBuilding: true,
    supervisesCommunity: true,
    adminsCompany: true,
  },
};
const stranger = (role: Role): TicketActor => ({
  role,
  ownHousehold: false,
  assignee: false,
  servesBuilding: false,
  supervisesCommunity: false,
  adminsCompany: false,
});

const COMPLAINT_ONLY = 'complaint only';

/**
 * The expected table, written out by hand (independently of TICKET_TRANSITIONS):
 * status → action → [target status, roles allowed when related, and whether only a complaint may].
 */
const EXPECTED: Partial<
  Record<
    TicketStatus,
    Partial<Record<TicketAction, [TicketStatus, Role[], typeof COMPLAINT_ONLY?]>>
  >
> = {
  [S.Submitted]: {
    [A.Chase]: [S.Submitted, [Role.Resident]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Accept]: [S.Accepted, [Role.Assistant]],
    [A.Cancel]: [S.Cancelled, [Role.Resident, Role.Supervisor, Role.Admin]],
    [A.MarkInvalid]: [S.Invalid, [Role.Assistant, Role.Supervisor], COMPLAINT_ONLY],
  },
  [S.Assigned]: {
    [A.Chase]: [S.Assigned, [Role.Resident]],
    [A.Urge]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Accept]: [S.Accepted, [Role.Assistant]],
    [A.Transfer]: [S.Assigned, [Role.Assistant]],
    [A.Cancel]: [S.Cancelled, [Role.Resident, Role.Supervisor, Role.Admin]],
    [A.MarkInvalid]: [S.Invalid, [Role.Assistant, Role.Supervisor], COMPLAINT_ONLY],
  },
  [S.Accepted]: {
    [A.Chase]: [S.Accepted, [Role.Resident]],
    [A.Urge]: [S.Accepted, [Role.Supervisor, Role.Admin]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Transfer]: [S.Assigned, [Role.Assistant]],
    [A.Arrive]: [S.OnSite, [Role.Assistant]],
    [A.Hold]: [S.OnHold, [Role.Assistant, Role.Supervisor]],
    [A.Resolve]: [S.Resolved, [Role.Assistant]],
    [A.MarkInvalid]: [S.Invalid, [Role.Assistant, Role.Supervisor], COMPLAINT_ONLY],
    [A.Forward]: [S.Forwarded, [Role.Assistant, Role.Supervisor]],
  },
  [S.OnSite]: {
    [A.Chase]: [S.OnSite, [Role.Resident]],
    [A.Urge]: [S.OnSite, [Role.Supervisor, Role.Admin]],
    [A.Hold]: [S.OnHold, [Role.Assistant, Role.Supervisor]],
    [A.Resolve]: [S.Resolved, [Role.Assistant]],
    [A.MarkInvalid]: [S.Invalid, [Role.Assistant, Role.Supervisor], COMPLAINT_ONLY],
    [A.Forward]: [S.Forwarded, [Role.Assistant, Role.Supervisor]],
  },
  [S.OnHold]: {
    [A.Chase]: [S.OnHold, [Role.Resident]],
    [A.Urge]: [S.OnHold, [Role.Supervisor, Role.Admin]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Resume]: [S.Accepted, [Role.Assistant, Role.Supervisor]],
    [A.Forward]: [S.Forwarded, [Role.Assistant, Role.Supervisor]],
  },
  [S.Invalid]: {
    [A.Urge]: [S.Invalid, [Role.Supervisor, Role.Admin]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Reply]: [S.Closed, [Role.Assistant, Role.Supervisor]],
  },
  [S.Forwarded]: {
    [A.Chase]: [S.Forwarded, [Role.Resident]],
    [A.Urge]: [S.Forwarded, [Role.Supervisor, Role.Admin]],
    [A.Assign]: [S.Assigned, [Role.Supervisor, Role.Admin]],
    [A.Resume]: [S.Accepted, [Role.Assistant, Role.Supervisor]],
    [A.Resolve]: [S.Resolved, [Role.Assistant]],
    [A.FollowUp]: [S.Forwarded, [Role.Assistant, Role.Supervisor]],
  },
  [S.Resolved]: {
    [A.Confirm]: [S.Closed, [Role.Resident]],
    [A.Reopen]: [S.Accepted, [Role.Resident]],
  },
};

/** Every status × action × role, for a repair and for a complaint (some actions are for complaints only). */
const KINDS = [TicketKind.RepairHome, TicketKind.Complaint];
const cases = Object.values(S).flatMap((status) =>
  Object.values(A).flatMap((action) =>
    ALL_ROLES.flatMap((role) => KINDS.map((kind) => [status, action, role, kind] as const)),
  ),
);
const expectedAllows = (
  status: TicketStatus,
  action: TicketAction,
  role: Role,
  kind: TicketKind,
) => {
  const expected = EXPECTED[status]?.[action];
  return (
    expected !== undefined &&
    expected[1].includes(role) &&
    (expected[2] !== COMPLAINT_ONLY || kind === TicketKind.Complaint)
  );
};

describe('ticket state machine', () => {
  it.each(cases)('%s × %s × %s (%s)', (status, action, role, kind) => {
    const decision = decideTransition(status, action, related[role], kind);
    if (expectedAllows(status, action, role, kind)) {
      expect(decision).toEqual({ allowed: true, to: EXPECTED[status]![action]![0] });
    } else {
      expect(decision.allowed).toBe(false);
    }
  });

  it.each(
    cases.filter(
      ([status, action, role, kind]) =>
        expectedAllows(status, action, role, kind) && role === Role.Admin,
    ),
  )('%s × %s × %s (%s) is refused to an admin of another company', (status, action, role, kind) => {
    expect(decideTransition(status, action, stranger(role), kind)).toEqual({
      allowed: false,
      reason: 'relation',
    });
  });

  it.each(
    cases.filter(
      ([status, action, role, kind]) =>
        expectedAllows(status, action, role, kind) && role !== Role.Admin,
    ),
  )('%s × %s × %s (%s) is refused without the relation', (status, action, role, kind) => {
    expect(decideTransition(status, action, stranger(role), kind)).toEqual({
      allowed: false,
      reason: 'relation',
    });
  });

  it('judging a complaint invalid is refused for any other kind, and says why', () => {
    expect(
      decideTransition(
        S.Accepted,
        A.MarkInvalid,
        related[Role.Supervisor],
        TicketKind.RepairCommon,
      ),
    ).toEqual({ allowed: false, reason: 'kind' });
    expect(decideTransition(S.Accepted, A.MarkInvalid, related[Role.Supervisor])).toEqual({
      allowed: false,
      reason: 'kind',
    });
    expect(
      decideTransition(S.Accepted, A.MarkInvalid, related[Role.Supervisor], TicketKind.Complaint),
    ).toEqual({ allowed: true, to: S.Invalid });
  });

  it('system actions are refused to every person, and the system closes only resolved tickets', () => {
    for (const action of SYSTEM_ACTIONS) {
      for (const status of Object.values(S))
        for (const role of ALL_ROLES)
          expect(decideTransition(status, action, related[role]).allowed).toBe(false);
    }
    expect(
      Object.values(S).map((status) => [status, systemTransition(status, A.AutoClose)]),
    ).toEqual(Object.values(S).map((status) => [status, status === S.Resolved ? S.Closed : null]));
    expect(systemTransition(S.Accepted, A.Escalate)).toBeNull();
    expect(
      Object.values(S).map((status) => [status, systemTransition(status, A.OutageClose)]),
    ).toEqual(Object.values(S).map((status) => [status, status === S.Submitted ? S.Closed : null]));
  });

  it('an assistant of the building who is not the assignee may accept but not resolve', () => {
    const colleague: TicketActor = { ...stranger(Role.Assistant), servesBuilding: true };
    expect(decideTransition(S.Assigned, A.Accept, colleague)).toEqual({
      allowed: true,
      to: S.Accepted,
    });
    expect(decideTransition(S.Accepted, A.Resolve, colleague)).toEqual({
      allowed: false,
      reason: 'relation',
    });
  });

  it('reports why a transition is refused', () => {
    expect(decideTransition(S.Closed, A.Accept, related[Role.Assistant])).toEqual({
      allowed: false,
      reason: 'status',
    });
    expect(decideTransition(S.Assigned, A.Accept, related[Role.Resident])).toEqual({
      allowed: false,
      reason: 'role',
    });
  });

  it.each([
    [S.Assigned, Role.Resident, TicketKind.RepairHome, [A.Cancel, A.Chase]],
    [S.Assigned, Role.Assistant, TicketKind.RepairHome, [A.Accept, A.Transfer]],
    [
      S.Accepted,
      Role.Assistant,
      TicketKind.RepairHome,
      [A.Transfer, A.Arrive, A.Hold, A.Resolve, A.Forward],
    ],
    [
      S.Accepted,
      Role.Assistant,
      TicketKind.Complaint,
      [A.Transfer, A.Arrive, A.Hold, A.Resolve, A.MarkInvalid, A.Forward],
    ],
    [S.OnHold, Role.Assistant, TicketKind.RepairHome, [A.Resume, A.Forward]],
    [S.OnHold, Role.Supervisor, TicketKind.RepairHome, [A.Assign, A.Resume, A.Forward, A.Urge]],
    [S.Forwarded, Role.Assistant, TicketKind.RepairCommon, [A.Resume, A.Resolve, A.FollowUp]],
    [S.Invalid, Role.Supervisor, TicketKind.Complaint, [A.Assign, A.Reply, A.Urge]],
    [S.Resolved, Role.Resident, TicketKind.RepairHome, [A.Confirm, A.Reopen]],
    [S.Closed, Role.Resident, TicketKind.RepairHome, []],
    [S.Cancelled, Role.Supervisor, TicketKind.RepairHome, []],
  ])('allowed actions in %s for %s (%s)', (status, role, kind, actions) => {
    expect(allowedActions(status, related[role], kind)).toEqual(actions);
  });
});
