import { ErrorCode } from '@linli/contracts';
import { ApiRequestError } from './http';
import { initialQuery, queryAnswered, queryStarted, toResult } from './result';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const apiError = new ApiRequestError({ code: ErrorCode.FORBIDDEN, message: '没有权限' }, 403);

describe('a request as a result', () => {
  it('carries the data of a request that succeeded', async () => {
    await expect(toResult(Promise.resolve(3))).resolves.toEqual({ ok: true, data: 3 });
    await expect(toResult(async () => 'x')).resolves.toEqual({ ok: true, data: 'x' });
  });

  it("keeps the API's error with its Chinese message", async () => {
    const r = await toResult(Promise.reject(apiError));
    expect(r).toEqual({ ok: false, error: apiError });
  });

  it('turns a bug in the page into INTERNAL with a Chinese sentence, not a stack', async () => {
    const r = await toResult(async () => {
      throw new TypeError('x is undefined');
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(ErrorCode.INTERNAL);
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('what a query shows', () => {
  it('loading, then the data; a failed reload keeps the data and shows the error', () => {
    let s = queryStarted(initialQuery<number>());
    expect(s).toMatchObject({ loading: true, data: null });
    s = queryAnswered(s, s.generation, { ok: true, data: 1 });
    expect(s).toMatchObject({ loading: false, data: 1, error: null });
    s = queryStarted(s);
    s = queryAnswered(s, s.generation, { ok: false, error: apiError });
    expect(s).toMatchObject({ loading: false, data: 1, error: apiError });
    s = queryStarted(s);
    s = queryAnswered(s, s.generation, { ok: true, data: 2 });
    expect(s).toMatchObject({ data: 2, error: null });
  });

  it('drops the answer of a load that a newer one overtook', () => {
    const first = queryStarted(initialQuery<string>());
    const second = queryStarted(first);
    const late = queryAnswered(second, first.generation, { ok: true, data: 'old' });
    expect(late).toBe(second);
    expect(queryAnswered(late, second.generation, { ok: true, data: 'new' }).data).toBe('new');
  });
});
