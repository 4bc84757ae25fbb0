import { JoinRequestStatus } from '@linli/contracts';
import { decideStep, fromOf } from '../workflow/workflow-table';
import {
  JOIN_REQUEST_WORKFLOW,
  JoinRequestRelation,
  JoinRequestStep,
  joinRequestCapacity,
} from './join-request-workflow';

const STATUSES: JoinRequestStatus[] = ['pending', 'approved', 'rejected', 'cancelled'];
const STEPS: JoinRequestStep[] = [
  'approveAsOffice',
  'approveAsOwner',
  'rejectAsOffice',
  'rejectAsOwner',
  'cancel',
];
const RELATIONS: JoinRequestRelation[] = [
  'householdOwner',
  'office',
  'officeForOwner',
  'requester',
];
const OPEN = { ownerStepOpen: true, officeStepOpen: true } as const;

/** Written out by hand, independently of the table: pending step → [target, who may]; nothing else moves. */
const EXPECTED_FROM_PENDING: Record<JoinRequestStep, [JoinRequestStatus, JoinRequestRelation[]]> = {
  approveAsOffice: ['pending', ['office']],
  approveAsOwner: ['pending', ['householdOwner', 'officeForOwner']],
  rejectAsOffice: ['rejected', ['office']],
  rejectAsOwner: ['rejected', ['householdOwner', 'officeForOwner']],
  cancel: ['cancelled', ['requester']],
};

describe('the join-request workflow table', () => {
  const cases = STATUSES.flatMap((status) =>
    STEPS.flatMap((step) => RELATIONS.map((relation) => [status, step, relation] as const)),
  );

  it.each(cases)('%s · %s · by %s', (status, step, relation) => {
    const decision = decideStep(JOIN_REQUEST_WORKFLOW, status, step, { [relation]: true, ...OPEN });
    const [to, who] = EXPECTED_FROM_PENDING[step];
    if (status === 'pending' && who.includes(relation))
      expect(decision).toEqual({ allowed: true, to });
    else expect(decision.allowed).toBe(false);
  });

  it('moves only pending requests', () => {
    for (const step of STEPS) expect(fromOf(JOIN_REQUEST_WORKFLOW, step)).toEqual(['pending']);
  });

  it.each<[string, Parameters<typeof joinRequestCapacity>[1], 'owner' | 'office' | null]>([
    [
      'an owner while the owner step is open',
      { householdOwner: true, ownerStepOpen: true },
      'owner',
    ],
    [
      'an owner once the owner has approved',
      { householdOwner: true, ownerStepOpen: false, officeStepOpen: true },
      null,
    ],
    [
      'the office while its step is open',
      { office: true, officeStepOpen: true, ownerStepOpen: true },
      'office',
    ],
    [
      'the office for an owner not on the mini-program, after its own step',
      { office: true, officeForOwner: true, officeStepOpen: false, ownerStepOpen: true },
      'owner',
    ],
    [
      'the office when the owner uses the mini-program',
      { office: true, officeStepOpen: false, ownerStepOpen: true },
      null,
    ],
    ['the requester', { requester: true, ...OPEN }, null],
  ])('decides as: %s', (_, facts, expected) => {
    expect(joinRequestCapacity('pending', facts)).toBe(expected);
  });

  it('gives no capacity on a decided request', () => {
    for (const status of STATUSES.filter((s) => s !== 'pending'))
      expect(
        joinRequestCapacity(status, { office: true, householdOwner: true, ...OPEN }),
      ).toBeNull();
  });
});
