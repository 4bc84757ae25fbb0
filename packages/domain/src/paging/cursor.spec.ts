import {
  compareNewestFirst,
  CursorKey,
  cutPage,
  decodeCursor,
  encodeCursor,
  isAfterCursor,
  PAGE_SIZE,
  pageInMemory,
  pageLimit,
} from './cursor';

const key = (iso: string, id: string): CursorKey => ({ at: new Date(iso), id });
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('encodeCursor / decodeCursor', () => {
  it.each<[string, CursorKey]>([
    ['a uuid', key('2026-12-04T11:52:10.123Z', UUID)],
    ['the epoch', key('1970-01-01T00:00:00.000Z', 'a')],
    ['a two-character id (padding case)', key('2026-01-01T00:00:00.001Z', 'ab')],
    ['a three-character id', key('2026-01-01T00:00:00.001Z', 'abc')],
    ['a short code with _ and -', key('2099-12-31T23:59:59.999Z', 'T_2026-0001')],
  ])('round-trips %s', (_n, k) => {
    const cursor = encodeCursor(k);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(k);
  });

  it('is opaque: the id and instant do not show in it', () => {
    const cursor = encodeCursor(key('2026-12-04T11:52:10.123Z', UUID));
    expect(cursor).not.toContain(UUID);
    expect(cursor).not.toContain('2026');
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['a plain ISO date (the old `before`)', '2026-12-04T11:52:10.123Z'],
    ['base64 of something else', 'aGVsbG8gd29ybGQ'],
    ['truncated', encodeCursor(key('2026-12-04T11:52:10.123Z', UUID)).slice(0, 9)],
    ['one character too many (length 4n+1)', 'YzEuMC5h' + 'Q'],
    ['far too long', 'A'.repeat(200)],
    ['another version', 'YzIuMC5h'],
    ['an id with a quote', encodeText("c1.0.a'b")],
    ['a time beyond what a Date holds', encodeText('c1.zzzzzzzzzzz.a')],
    ['a negative time', encodeText('c1.-1.a')],
  ])('rejects %s', (_n, cursor) => expect(decodeCursor(cursor)).toBeNull());

  it('refuses to encode a key that could not be decoded', () => {
    expect(() => encodeCursor(key('2026-01-01T00:00:00Z', 'a b'))).toThrow(RangeError);
    expect(() => encodeCursor({ at: new Date(NaN), id: 'a' })).toThrow(RangeError);
  });
});

/** Builds a cursor-looking string from arbitrary text, to test what decode accepts. */
function encodeText(text: string): string {
  // Reuse the encoder's alphabet through a valid key, then swap the payload: base64url by hand.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n =
      (text.charCodeAt(i) << 16) |
      ((text.charCodeAt(i + 1) || 0) << 8) |
      (text.charCodeAt(i + 2) || 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    if (i + 1 < text.length) out += alphabet[(n >> 6) & 63];
    if (i + 2 < text.length) out += alphabet[n & 63];
  }
  return out;
}

describe('compareNewestFirst and isAfterCursor', () => {
  const cursor = key('2026-12-04T10:00:00.000Z', 'm');
  it.each<[string, CursorKey, boolean]>([
    ['an older row', key('2026-12-04T09:59:59.999Z', 'z'), true],
    ['a newer row', key('2026-12-04T10:00:00.001Z', 'a'), false],
    ['the same instant, a smaller id', key('2026-12-04T10:00:00.000Z', 'l'), true],
    ['the same instant, a greater id', key('2026-12-04T10:00:00.000Z', 'n'), false],
    ['the cursor row itself', key('2026-12-04T10:00:00.000Z', 'm'), false],
  ])('%s → after the cursor: %s', (_n, k, expected) =>
    expect(isAfterCursor(k, cursor)).toBe(expected),
  );

  it('everything is after no cursor', () => expect(isAfterCursor(cursor, null)).toBe(true));
  it('orders newest first, ties by the greater id first', () => {
    const rows = [
      key('2026-01-01T00:00:00Z', 'a'),
      key('2026-01-02T00:00:00Z', 'a'),
      key('2026-01-01T00:00:00Z', 'b'),
    ];
    expect([...rows].sort(compareNewestFirst).map((r) => `${r.at.getUTCDate()}${r.id}`)).toEqual([
      '2a',
      '1b',
      '1a',
    ]);
  });
});

describe('pageLimit', () => {
  it.each<[string, string | number | undefined | null, number | null]>([
    ['not given', undefined, PAGE_SIZE.default],
    ['empty', '', PAGE_SIZE.default],
    ['null', null, PAGE_SIZE.default],
    ['the least', '1', 1],
    ['the most', String(PAGE_SIZE.max), PAGE_SIZE.max],
    ['a number', 30, 30],
    ['zero', '0', null],
    ['one too many', String(PAGE_SIZE.max + 1), null],
    ['negative', '-5', null],
    ['a fraction', '2.5', null],
    ['words', 'twenty', null],
    ['hex', '0x10', null],
    ['exponent', '1e1', null],
  ])('%s → %s', (_n, raw, expected) => expect(pageLimit(raw)).toBe(expected));

  it('bounds are sane', () =>
    expect(PAGE_SIZE.min <= PAGE_SIZE.default && PAGE_SIZE.default <= PAGE_SIZE.max).toBe(true));
});

describe('cutPage and pageInMemory', () => {
  // Five rows, three of them in the same millisecond.
  const same = '2026-12-04T10:00:00.000Z';
  const rows = [
    key('2026-12-04T11:00:00Z', 'e'),
    key(same, 'd'),
    key(same, 'c'),
    key(same, 'b'),
    key('2026-12-04T09:00:00Z', 'a'),
  ];
  const self = (r: CursorKey) => r;

  it.each([1, 2, 3, 4, 5, 6])(
    'walking pages of %i visits every row once, in order, and ends with null',
    (limit) => {
      const seen: string[] = [];
      let cursor: CursorKey | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page = pageInMemory([...rows].reverse(), cursor, limit, self);
        seen.push(...page.items.map((r) => r.id));
        expect(page.items.length).toBeLessThanOrEqual(limit);
        if (page.nextCursor === null) break;
        cursor = decodeCursor(page.nextCursor);
      }
      expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    },
  );

  it.each<[string, CursorKey[], number, string[], boolean]>([
    ['an empty list', [], 20, [], false],
    ['fewer rows than the limit', rows.slice(0, 2), 3, ['e', 'd'], false],
    ['exactly the limit (no extra row read)', rows.slice(0, 3), 3, ['e', 'd', 'c'], false],
    ['one more than the limit', rows.slice(0, 4), 3, ['e', 'd', 'c'], true],
  ])('cutPage: %s', (_n, read, limit, ids, more) => {
    const page = cutPage(read, limit, self);
    expect(page.items.map((r) => r.id)).toEqual(ids);
    expect(page.nextCursor !== null).toBe(more);
    if (more) expect(decodeCursor(page.nextCursor!)).toEqual(read[limit - 1]);
  });
});
