import { ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { ApiRequestError, showError } from './http';

/** What a request came to: its data, or the error with its Chinese message. Never throws. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiRequestError };

/** Any failure as an ApiRequestError: the request layer's own, or INTERNAL for a bug in the page. */
export function asApiError(err: unknown): ApiRequestError {
  if (err instanceof ApiRequestError) return err;
  return new ApiRequestError(
    { code: ErrorCode.INTERNAL, message: ERROR_MESSAGES[ErrorCode.INTERNAL] },
    0,
  );
}

/** A request (or any async step) as a Result: `const r = await toResult(api.x()); if (!r.ok) …`. */
export async function toResult<T>(work: Promise<T> | (() => Promise<T>)): Promise<Result<T>> {
  try {
    return { ok: true, data: await (typeof work === 'function' ? work() : work) };
  } catch (err) {
    return { ok: false, error: asApiError(err) };
  }
}

/** What a query shows: nothing yet (loading), its data, or its error (data from before kept). */
export interface QueryState<T> {
  data: T | null;
  error: ApiRequestError | null;
  loading: boolean;
  /** Bumped by every load, so an answer that arrives after a newer load started is dropped. */
  generation: number;
}

export const initialQuery = <T>(): QueryState<T> => ({
  data: null,
  error: null,
  loading: false,
  generation: 0,
});

export const queryStarted = <T>(s: QueryState<T>): QueryState<T> => ({
  ...s,
  loading: true,
  generation: s.generation + 1,
});

/** The answer of load `generation`; an older load's answer changes nothing. */
export function queryAnswered<T>(
  s: QueryState<T>,
  generation: number,
  result: Result<T>,
): QueryState<T> {
  if (generation !== s.generation) return s;
  return result.ok
    ? { ...s, data: result.data, error: null, loading: false }
    : { ...s, error: result.error, loading: false };
}

/**
 * Runs a step that may fail and shows the failure's Chinese message as a toast: what a page's handler
 * does where no button waits on it (useAction is for those that do). Returns the Result.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  const result = await toResult(work);
  if (!result.ok) showError(result.error);
  return result;
}
