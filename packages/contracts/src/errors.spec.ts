import { ERROR_MESSAGES, ErrorCode, isErrorCode } from './errors';

describe('error codes', () => {
  it.each(Object.values(ErrorCode))('%s has a Chinese message', (code) => {
    expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('every code is its own name, so renaming one is visible in review', () => {
    for (const [name, value] of Object.entries(ErrorCode)) expect(value).toBe(name);
  });

  it('recognises codes and rejects other strings', () => {
    expect(isErrorCode('TICKET_STALE')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
