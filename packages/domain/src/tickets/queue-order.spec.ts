import { decodeCursor, encodeCursor } from '../paging/cursor';
import {
  compareQueue,
  QUEUE_NO_DEADLINE_MS,
  QueueKey,
  queueCursorKey,
  queueKeyOfCursor,
  queuePage,
} from './queue-order';

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00Z`);
const key = (
  code: string,
  dueAt: string | null,
  emergency = false,
  createdAt = '08:00',
): QueueKey => ({ dueAt: dueAt ? at(dueAt) : null, emergency, createdAt: at(createdAt), code });

describe('queue order (compareQueue)', () => {
  it.each([
    // [why, a, b]: a comes before b
    ['the nearer deadline first', key('A', '10:00'), key('B', '11:00')],
    ['a nearer deadline beats an emergency', key('B', '09:00'), key('A', '10:00', true)],
    ['a running limit before none', key('A', '12:00'), key('B', null, true)],
    ['equal deadlines: the emergency first', key('B', '10:00', true), key('A', '10:00')],
    [
      'equal deadlines: the oldest',
      key('B', '10:00', false, '07:00'),
      key('A', '10:00', false, '08:00'),
    ],
    ['equal deadlines and age: by code', key('A', '10:00'), key('B', '10:00')],
    ['no limit: the emergency first', key('B', null, true), key('A', null)],
    ['no limit: the oldest', key('B', null, false, '07:00'), key('A', null, false, '09:00')],
    ['no limit, same age: by code', key('A', null), key('B', null)],
  ] as const)('%s', (_why, a, b) => {
    expect(Math.sign(compareQueue(a, b))).toBe(-1);
    expect(Math.sign(compareQueue(b, a))).toBe(1);
  });

  it('a key equals itself', () => {
    expect(compareQueue(key('A', '10:00'), key('A', '10:00'))).toBe(0);
    expect(compareQueue(key('A', null), key('A', null))).toBe(0);
  });

  it('is the order the queue had: SQL (emergency desc, createdAt asc, code asc), then a stable sort by deadline', () => {
    const keys = [
      key('T5', null, false, '06:00'),
      key('T1', '10:00', false, '09:00'),
      key('T2', '10:00', true, '09:30'),
      key('T3', null, true, '09:00'),
      key('T4', '09:00', false, '05:00'),
      key('T6', '10:00', false, '09:00'),
    ];
    const sql = [...keys].sort(
      (a, b) =>
        Number(b.emergency) - Number(a.emergency) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.code < b.code ? -1 : 1),
    );
    const due = (k: QueueKey) => k.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const before = sql
      .map((k, i) => ({ k, i }))
      .sort((a, b) => due(a.k) - due(b.k) || a.i - b.i)
      .map((x) => x.k.code);
    expect([...keys].sort(compareQueue).map((k) => k.code)).toEqual(before);
    expect(before).toEqual(['T4', 'T2', 'T1', 'T6', 'T3', 'T5']);
  });
});

describe('queuePage', () => {
  const rows = [
    key('T5', null, false, '06:00'),
    key('T1', '10:00', false, '09:00'),
    key('T2', '10:00', true, '09:30'),
    key('T3', null, true, '09:00'),
    key('T4', '09:00', false, '05:00'),
    key('T6', '10:00', false, '09:00'),
  ].map((k) => ({ key: k, id: k.code }));
  const codes = (page: { items: { id: string }[]; more: boolean }) => [
    page.items.map((r) => r.id),
    page.more,
  ];

  it.each([
    // [after (code of the last row shown), limit, page, more]
    [null, 2, ['T4', 'T2'], true],
    ['T2', 2, ['T1', 'T6'], true],
    ['T6', 2, ['T3', 'T5'], false],
    ['T5', 2, [], false],
    [null, 6, ['T4', 'T2', 'T1', 'T6', 'T3', 'T5'], false],
    [null, 5, ['T4', 'T2', 'T1', 'T6', 'T3'], true],
    ['T1', 1, ['T6'], true],
    ['T3', 3, ['T5'], false],
  ] as const)('after %s, %s rows: %j (more: %s)', (after, limit, page, more) => {
    const afterKey = after === null ? null : rows.find((r) => r.id === after)!.key;
    expect(codes(queuePage(rows, afterKey, limit))).toEqual([page, more]);
  });

  it('a key between rows (a ticket that has left the queue) continues after where it stood', () => {
    const gone = key('T1a', '10:00', false, '09:00');
    expect(codes(queuePage(rows, gone, 10))).toEqual([['T6', 'T3', 'T5'], false]);
  });

  it('does not reorder the rows it was given', () => {
    const copy = rows.map((r) => r.id);
    queuePage(rows, null, 3);
    expect(rows.map((r) => r.id)).toEqual(copy);
  });
});

describe('queue cursor', () => {
  it('a running limit: the deadline and the id, and back', () => {
    const k = key('BX20261204-0001', '10:00', true, '07:30');
    const cursor = decodeCursor(encodeCursor(queueCursorKey(k, 'a-uuid')))!;
    expect(cursor).toEqual({ at: at('10:00'), id: 'a-uuid' });
    expect(queueKeyOfCursor(cursor, k)).toEqual(k);
  });

  it('no running limit: the latest instant, read back as no deadline', () => {
    const k = key('BX20261204-0002', null);
    const cursor = decodeCursor(encodeCursor(queueCursorKey(k, 'b-uuid')))!;
    expect(cursor.at.getTime()).toBe(QUEUE_NO_DEADLINE_MS);
    expect(queueKeyOfCursor(cursor, k)).toEqual(k);
  });
});
