import { ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it("keeps the API's own code, message and fields", () => {
    const body = { code: ErrorCode.VALIDATION_FAILED, message: '问题描述需要 1 到 500 个字', fields: [{ field: 'description', message: '问题描述需要 1 到 500 个字' }] };
    expect(toApiError(400, body)).toEqual(body);
  });

  it('fills in the default Chinese message when the API sent none', () => {
    expect(toApiError(409, { code: ErrorCode.TICKET_STALE, message: '' })).toEqual({ code: ErrorCode.TICKET_STALE, message: ERROR_MESSAGES[ErrorCode.TICKET_STALE] });
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
    expect(toApiError(status, '<html>Bad Gateway</html>')).toEqual({ code, message: ERROR_MESSAGES[code] });
  });

  it('does not trust an unknown code from a foreign body', () => {
    expect(toApiError(500, { code: 'SOMETHING_ELSE', message: 'stack trace here' })).toEqual({ code: ErrorCode.INTERNAL, message: ERROR_MESSAGES[ErrorCode.INTERNAL] });
  });
});
