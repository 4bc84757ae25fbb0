import Taro from '@tarojs/taro';
import { ApiError, ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { toApiError } from './api-error';
import { session } from '../session/session';

export { toApiError };

/**
 * The one request layer over Taro.request: attaches the session token, and turns every failure
 * (HTTP error, network error, malformed body) into an ApiRequestError carrying the API's
 * `{ code, message }` shape with a Chinese message ready to show.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly error: ApiError,
    readonly status: number,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Origin of the API ('' on H5, which the server itself serves). */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? '';

export function authHeader(): Record<string, string> {
  const token = session.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Called when the server says the session is gone: forget it and go to login. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function handleAuthFailure(err: ApiRequestError): void {
  if (err.code === ErrorCode.UNAUTHENTICATED || err.code === ErrorCode.AUTH_TOKEN_INVALID) {
    session.clear();
    onUnauthenticated();
  }
}

export async function request<T>(method: Method, url: string, data?: object): Promise<T> {
  let response: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
  try {
    response = await Taro.request<Record<string, unknown>>({
      url: `${API_BASE}${url}`,
      method,
      data,
      header: { 'Content-Type': 'application/json', ...authHeader() },
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiRequestError(
      { code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] },
      0,
    );
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as unknown as T;
  const err = new ApiRequestError(
    toApiError(response.statusCode, response.data),
    response.statusCode,
  );
  handleAuthFailure(err);
  throw err;
}

/** Shows an error's Chinese message (any thrown value) as a toast. */
export function showError(err: unknown): void {
  const message = err instanceof ApiRequestError ? err.message : ERROR_MESSAGES[ErrorCode.INTERNAL];
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}
