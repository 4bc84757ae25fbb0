/**
 * The HTTP API's routes, shared by the server's controllers (documentation) and the mini-program's
 * request layer. Successful responses carry the DTO itself; errors carry `ApiError` with a 4xx/5xx status.
 */
export const API_PREFIX = '/api';

/** The multipart field name for POST /api/uploads. */
export const UPLOAD_FIELD = 'file';

/** The multipart field name for the household sheet import (the same as for photos). */
export const HOUSEHOLD_SHEET_FIELD = 'file';
