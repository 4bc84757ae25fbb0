import { ApiError, ERROR_MESSAGES, ErrorCode, isErrorCode } from '@linli/contracts';

const BY_STATUS: Record<number, ErrorCode> = {
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * The `{ code, message, fields, rejected }` of a failed response. A body from our API is kept as sent (with the
 * default Chinese message if it carried none); anything else (a proxy's HTML page, an empty body) gets
 * the code its HTTP status implies, so the user always reads a Chinese sentence, never a raw error.
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && isErrorCode((body as ApiError).code)) {
    const b = body as ApiError;
    const message =
      typeof b.message === 'string' && b.message.trim() ? b.message : ERROR_MESSAGES[b.code];
    return {
      code: b.code,
      message,
      ...(Array.isArray(b.fields) ? { fields: b.fields } : {}),
      // A rejected household sheet lists every bad row; the import page shows them all.
      ...(Array.isArray(b.rejected) ? { rejected: b.rejected } : {}),
      // The guard's refusals carry the slip that was checked (who used it, when).
      ...(b.releaseSlip && typeof b.releaseSlip === 'object' ? { releaseSlip: b.releaseSlip } : {}),
    };
  }
  const code = BY_STATUS[status] ?? ErrorCode.INTERNAL;
  return { code, message: ERROR_MESSAGES[code] };
}
