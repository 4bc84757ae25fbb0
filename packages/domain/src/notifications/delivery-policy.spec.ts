import {
  classifyWechatErrcode,
  earliestDelivery,
  inQuietHours,
  nextRetryDelayMs,
} from './delivery-policy';

const china = (s: string) => new Date(`${s}+08:00`);

describe('quiet hours (22:00–08:00 China time)', () => {
  it.each([
    ['2026-11-22T21:59:00', false],
    ['2026-11-22T22:00:00', true],
    ['2026-11-23T02:00:00', true],
    ['2026-11-23T07:59:00', true],
    ['2026-11-23T08:00:00', false],
  ])('%s quiet: %s', (t, quiet) => {
    expect(inQuietHours(china(t))).toBe(quiet);
  });

  it('holds a non-urgent message until 08:00', () => {
    expect(earliestDelivery(china('2026-11-22T23:17:31'), false).toISOString()).toBe(
      china('2026-11-23T08:00:00').toISOString(),
    );
  });

  it('sends an emergency at once, even at 02:00', () => {
    const now = china('2026-10-01T02:00:00');
    expect(earliestDelivery(now, true)).toBe(now);
  });

  it('sends at once outside quiet hours', () => {
    const now = china('2026-11-22T10:00:00');
    expect(earliestDelivery(now, false)).toBe(now);
  });
});

describe('WeChat errcodes', () => {
  it.each([
    [0, 'sent'],
    [-1, 'retry'],
    [45009, 'retry'],
    [40001, 'token_expired'],
    [42001, 'token_expired'],
    [43101, 'revoked'],
    [40003, 'permanent'],
    [47003, 'permanent'],
  ] as const)('%s → %s', (code, outcome) => {
    expect(classifyWechatErrcode(code)).toBe(outcome);
  });
});

describe('retry backoff', () => {
  it('grows exponentially up to the cap, with jitter', () => {
    expect(nextRetryDelayMs(1, () => 0.999)).toBe(4995);
    expect(nextRetryDelayMs(3, () => 0.5)).toBe(10_000);
    expect(nextRetryDelayMs(30, () => 0.999)).toBe(Math.floor(0.999 * 30 * 60_000));
  });

  it('never retries immediately', () => {
    expect(nextRetryDelayMs(1, () => 0)).toBe(1000);
  });
});
