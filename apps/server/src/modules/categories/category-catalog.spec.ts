import { TicketKind } from '@linli/contracts';
import { INVALID_COMPLAINT_POLICY, policiesFor, SLA_POLICIES } from '@linli/domain';
import { DEFAULT_CATEGORIES } from './category-catalog';

/**
 * Every time limit of docs/domain-rules.md §6 must be reachable from a default category: a resident picks the
 * category, staff may set urgency and severity, and the ticket is timed by the policies that result.
 * A policy no category reaches is a case residents cannot report (issue 9 item 3).
 */
describe('the default categories reach every time-limit policy', () => {
  const CLASSES = [
    { urgent: false, serious: false },
    { urgent: true, serious: false },
    { urgent: false, serious: true },
    { urgent: true, serious: true },
  ];
  const reached = new Map<string, string>();
  for (const category of DEFAULT_CATEGORIES) {
    for (const c of CLASSES)
      for (const code of policiesFor(category.slaPolicies, c))
        if (!reached.has(code)) reached.set(code, category.code);
  }

  it.each(
    SLA_POLICIES.filter((p) => p.code !== INVALID_COMPLAINT_POLICY).map(
      (p) => [p.code, p.name] as const,
    ),
  )('%s (%s)', (code) => {
    expect(reached.get(code)).toEqual(expect.any(String));
  });

  it('the invalid-complaint explanation is reached by judging a complaint invalid, and complaints are offered', () => {
    expect(SLA_POLICIES.some((p) => p.code === INVALID_COMPLAINT_POLICY)).toBe(true);
    expect(DEFAULT_CATEGORIES.some((c) => c.kind === TicketKind.Complaint)).toBe(true);
  });

  it('a complex complaint is a general complaint staff judge serious', () => {
    expect(
      policiesFor(['complaint_general', 'reply_not_urgent'], { urgent: false, serious: true }),
    ).toEqual(['complaint_complex', 'reply_not_urgent']);
    expect(
      policiesFor(['complaint_general', 'reply_not_urgent'], { urgent: false, serious: false }),
    ).toEqual(['complaint_general', 'reply_not_urgent']);
  });

  it('the check can fail: without the new categories four policies are unreachable', () => {
    const old = DEFAULT_CATEGORIES.filter(
      (c) => !['complaint_other', 'outside_inquiry', 'procedure_inquiry'].includes(c.code),
    );
    const codes = new Set(
      old.flatMap((category) => CLASSES.flatMap((c) => policiesFor(category.slaPolicies, c))),
    );
    expect(
      ['complaint_other', 'inquiry_outside', 'inquiry_procedures'].filter(
        (code) => !codes.has(code),
      ),
    ).toEqual(['complaint_other', 'inquiry_outside', 'inquiry_procedures']);
  });
});
