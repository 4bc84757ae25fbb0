import { ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it("keeps the API's own code, message and fields", () => {
    const body = {
      code: ErrorCode.VALIDATION_FAILED,
      message: '问题描述需要 1 到 500 个字',
      fields: [{ field: 'description', message: '问题描述需要 1 到 500 个字' }],
    };
    expect(toApiError(400, body)).toEqual(body);
  });

  it('keeps the rejected rows of a household sheet import', () => {
    const body = {
      code: ErrorCode.HOUSEHOLD_IMPORT_REJECTED,
      message: '表格中有 1 行数据不符合要求',
      rejected: [{ row: 3, reason: '单元不能为空' }],
    };
    expect(toApiError(422, body)).toEqual(body);
  });

  it('fills in the default Chinese message when the API sent none', () => {
    expect(toApiError(409, { code: ErrorCode.TICKET_STALE, message: '' })).toEqual({
      code: ErrorCode.TICKET_STALE,
      message: ERROR_MESSAGES[ErrorCode.TICKET_STALE],
    });
  });

  it.each([
    [401, ErrorCode.UNAUTHENTICATED],
    [403, ErrorCode.FORBIDDEN],
    [404, ErrorCode.NOT_FOUND],
    [409, ErrorCode.CONFLICT],
    [429, ErrorCode.RATE_LIMITED],
    [502, ErrorCode.INTERNAL],
    [500, ErrorCode.INTERNAL],
  ])('turns a foreign %i body into %s with its Chinese message', (status, code) => {
    expect(toApiError(status, '<html>Bad Gateway</html>')).toEqual({
      code,
      message: ERROR_MESSAGES[code],
    });
  });

  it('keeps the release slip a guard’s refusal carries (who used it, when)', () => {
    const slip = { code: 'ABCD2345', used: { name: '刘师傅', at: '2026-11-25T01:30:00.000Z' } };
    const err = toApiError(409, {
      code: ErrorCode.RELEASE_SLIP_USED,
      message: '放行条已使用',
      releaseSlip: slip,
    });
    expect(err).toEqual({
      code: ErrorCode.RELEASE_SLIP_USED,
      message: '放行条已使用',
      releaseSlip: slip,
    });
  });

  it('does not trust an unknown code from a foreign body', () => {
    expect(toApiError(500, { code: 'SOMETHING_ELSE', message: 'stack trace here' })).toEqual({
      code: ErrorCode.INTERNAL,
      message: ERROR_MESSAGES[ErrorCode.INTERNAL],
    });
  });
});
