import { policiesFor } from './classification';
import { resolvePolicy } from './policies';

describe('urgency and severity pick the limit (docs/domain-rules.md §6)', () => {
  const attitude = ['complaint_attitude', 'reply_not_urgent'];

  it.each([
    [false, false, ['complaint_attitude', 'reply_not_urgent']],
    [true, false, ['complaint_attitude', 'reply_urgent']],
    [false, true, ['complaint_attitude_serious', 'reply_not_urgent']],
    [true, true, ['complaint_attitude_serious', 'reply_urgent']],
  ])('a staff-attitude complaint, urgent %s, serious %s: %j', (urgent, serious, expected) => {
    expect(policiesFor(attitude, { urgent, serious })).toEqual(expected);
    for (const code of expected) expect(resolvePolicy(code)).toBeDefined();
  });

  it('reads either variant in a category and never repeats one', () => {
    expect(
      policiesFor(['reply_urgent', 'reply_not_urgent'], { urgent: false, serious: false }),
    ).toEqual(['reply_not_urgent']);
    expect(policiesFor(['complaint_attitude_serious'], { urgent: false, serious: false })).toEqual([
      'complaint_attitude',
    ]);
  });

  it.each([
    [false, ['complaint_general', 'reply_not_urgent']],
    [true, ['complaint_complex', 'reply_not_urgent']],
  ])('a general complaint judged serious %s is complex (72 h): %j', (serious, expected) => {
    expect(
      policiesFor(['complaint_general', 'reply_not_urgent'], { urgent: false, serious }),
    ).toEqual(expected);
  });

  it('leaves policies without variants alone', () => {
    expect(
      policiesFor(['ordinary_request', 'simple_repair'], { urgent: true, serious: true }),
    ).toEqual(['ordinary_request', 'simple_repair']);
  });
});
