import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { ApiRequestError, showError } from './http';
import { Result, toResult } from './result';

export interface ActionOptions<T> {
  /** A success toast (e.g. '已保存'). */
  success?: string | ((data: T) => string);
  /** Run after success (e.g. reload the page's query); its own failure is shown like the action's. */
  then?: (data: T) => unknown;
}

export interface ActionView<A extends unknown[], T> {
  /** Runs the action unless it is running already; the error toast is shown here, the result returned. */
  run: (...args: A) => Promise<Result<T>>;
  running: boolean;
}

/** What a second tap gets while the first still runs: nothing is sent, nothing is shown. */
const busy = (): Result<never> => ({
  ok: false,
  error: new ApiRequestError(
    { code: ErrorCode.CONFLICT, message: ERROR_MESSAGES[ErrorCode.CONFLICT] },
    0,
  ),
});

/**
 * The one way a page runs a change: one at a time (a second tap while it runs does nothing), with its
 * running state for the button, the request's Chinese message as a toast when it fails, and an
 * optional success toast and follow-up.
 */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
  options: ActionOptions<T> = {},
): ActionView<A, T> {
  const [running, setRunning] = useState(false);
  const inFlight = useRef(false);
  const latest = useRef({ action, options });
  latest.current = { action, options };

  const run = useCallback(async (...args: A): Promise<Result<T>> => {
    if (inFlight.current) return busy();
    inFlight.current = true;
    setRunning(true);
    try {
      const { action: act, options: opts } = latest.current;
      const result = await toResult(() => act(...args));
      if (!result.ok) {
        showError(result.error);
        return result;
      }
      if (opts.success) {
        const title = typeof opts.success === 'function' ? opts.success(result.data) : opts.success;
        // WeChat cuts a toast with an icon at 7 characters; a longer sentence goes without one.
        void Taro.showToast({ title, icon: title.length <= 7 ? 'success' : 'none' });
      }
      if (opts.then) {
        const followed = await toResult(async () => opts.then?.(result.data));
        if (!followed.ok) showError(followed.error);
      }
      return result;
    } finally {
      inFlight.current = false;
      setRunning(false);
    }
  }, []);
  return { run, running };
}

/**
 * useAction for a handler that writes its steps inline: `await task.run(async () => { … })` runs them one
 * at a time (a second tap meanwhile does nothing), with `task.running` for the button's loading state
 * and any failure shown as the toast.
 */
export function useTask(): ActionView<[work: () => Promise<unknown>], unknown> {
  return useAction((work: () => Promise<unknown>) => work());
}
