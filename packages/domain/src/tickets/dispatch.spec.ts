import { DispatchCandidate, pickAssignee } from './dispatch';

const c = (
  id: string,
  openCount: number,
  where: { onDuty?: boolean; serving?: boolean },
): DispatchCandidate => ({
  id,
  name: `助理${id}`,
  onDuty: where.onDuty ?? false,
  serving: where.serving ?? false,
  openCount,
});

describe('dispatch (派单): who gets a new ticket', () => {
  it.each<[string, DispatchCandidate[], string | null]>([
    ['nobody serves the building: it waits unassigned', [], null],
    ['one assistant serves it', [c('a', 9, { serving: true })], 'a'],
    [
      'the least loaded of those who serve it',
      [c('a', 5, { serving: true }), c('b', 2, { serving: true }), c('c', 3, { serving: true })],
      'b',
    ],
    [
      'equal load: the smaller id, the same on every instance',
      [c('b', 2, { serving: true }), c('a', 2, { serving: true })],
      'a',
    ],
    [
      'on duty beats serving, however loaded',
      [c('a', 0, { serving: true }), c('d', 12, { onDuty: true })],
      'd',
    ],
    [
      'several on duty: the least loaded of them',
      [c('d', 4, { onDuty: true }), c('e', 1, { onDuty: true }), c('a', 0, { serving: true })],
      'e',
    ],
    [
      'on duty and serving counts as on duty',
      [c('a', 3, { onDuty: true, serving: true }), c('b', 0, { serving: true })],
      'a',
    ],
    ['neither on duty nor serving: never picked', [c('x', 0, {})], null],
  ])('%s', (_, candidates, expected) => {
    expect(pickAssignee(candidates)?.id ?? null).toBe(expected);
  });

  it('answers with the name for the submit reply', () => {
    expect(pickAssignee([c('a', 0, { serving: true })])).toEqual({ id: 'a', name: '助理a' });
  });

  it('does not reorder the caller’s list', () => {
    const list = [c('b', 1, { serving: true }), c('a', 0, { serving: true })];
    pickAssignee(list);
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
  });
});
