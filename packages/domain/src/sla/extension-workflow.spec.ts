import { ExtensionStatus } from '@linli/contracts';
import { decideStep, fromOf } from '../workflow/workflow-table';
import { EXTENSION_WORKFLOW, ExtensionRelation, ExtensionStep } from './extension-workflow';

describe('the extension decision', () => {
  // Written out by hand: only a pending request is decided, by the community's supervisor or the company's admin.
  const EXPECTED: Record<ExtensionStatus, Partial<Record<ExtensionStep, ExtensionStatus>>> = {
    pending: { approve: 'approved', reject: 'rejected' },
    approved: {},
    rejected: {},
  };
  const cases = (['pending', 'approved', 'rejected'] as const).flatMap((s) =>
    (['approve', 'reject'] as const).flatMap((step) =>
      (['supervisesCommunity', 'adminsCompany'] as ExtensionRelation[]).map(
        (rel) => [s, step, rel] as const,
      ),
    ),
  );

  it.each(cases)('%s · %s · by %s', (status, step, relation) => {
    const to = EXPECTED[status][step];
    expect(decideStep(EXTENSION_WORKFLOW, status, step, { [relation]: true })).toEqual(
      to ? { allowed: true, to } : { allowed: false, reason: 'state' },
    );
  });

  it('refuses anyone else, and decides only from pending', () => {
    expect(decideStep(EXTENSION_WORKFLOW, 'pending', 'approve', {})).toEqual({
      allowed: false,
      reason: 'actor',
    });
    expect(fromOf(EXTENSION_WORKFLOW, 'approve')).toEqual(['pending']);
    expect(fromOf(EXTENSION_WORKFLOW, 'reject')).toEqual(['pending']);
  });
});
