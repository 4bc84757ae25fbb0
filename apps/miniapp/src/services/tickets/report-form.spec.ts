import { MAX_DESCRIPTION_LENGTH, MAX_TICKET_PHOTOS } from '@linli/contracts';
import {
  newIdempotencyKey,
  photoSlotsLeft,
  reportDraftProblem,
  visitDateRange,
} from './report-form';

const ok = { categoryCode: 'water_leak', description: '厨房水管漏水', photoIds: [], uploading: 0 };

describe('report form', () => {
  it('accepts a complete draft', () => {
    expect(reportDraftProblem(ok)).toBeNull();
  });

  it.each([
    [{ ...ok, categoryCode: null }, '请选择报事类别'],
    [{ ...ok, description: '   ' }, '请描述遇到的问题'],
    [
      { ...ok, description: '水'.repeat(MAX_DESCRIPTION_LENGTH + 1) },
      `问题描述不能超过 ${MAX_DESCRIPTION_LENGTH} 个字`,
    ],
    [
      { ...ok, photoIds: Array.from({ length: MAX_TICKET_PHOTOS + 1 }, (_, i) => String(i)) },
      `最多只能上传 ${MAX_TICKET_PHOTOS} 张图片`,
    ],
    [{ ...ok, uploading: 1 }, '图片还在上传，请稍候'],
  ])('names the first problem', (draft, message) => {
    expect(reportDraftProblem(draft)).toBe(message);
  });

  it('counts photo slots including uploads in flight', () => {
    expect(photoSlotsLeft({ photoIds: ['a', 'b'], uploading: 3 })).toBe(MAX_TICKET_PHOTOS - 5);
    expect(photoSlotsLeft({ photoIds: Array.from({ length: 9 }, String), uploading: 1 })).toBe(0);
  });

  it('makes idempotency keys the server accepts, different per form', () => {
    const pattern = /^[A-Za-z0-9_-]{8,64}$/;
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(pattern);
    expect(b).toMatch(pattern);
    expect(a).not.toBe(b);
    expect(
      newIdempotencyKey(
        () => 0,
        () => 0,
      ),
    ).toBe('r-0-0000000000000000');
  });
});

describe('visitDateRange', () => {
  it.each([
    ['2026-12-04T02:00:00Z', '2026-12-04', '2027-01-03'],
    // 23:30 UTC is already the next morning in China.
    ['2026-12-31T23:30:00Z', '2027-01-01', '2027-01-31'],
  ])('at %s offers %s to %s', (now, start, end) => {
    expect(visitDateRange(new Date(now))).toEqual({ start, end });
  });
});
