import { Logger } from '@nestjs/common';

/**
 * The timer behind a background job (the sweep, the outbox, the fan-outs …): runs a round every
 * interval, never two rounds at once in this process, logs a failed round and tries again next time
 * (a database outage costs rounds, never the loop). `stop()` is for graceful shutdown: no new round
 * starts, and it waits (bounded) for the round in flight, so the job can release what it holds
 * before the database connection closes.
 */
export class JobLoop {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  /** True once shutdown began: a long round should stop at its next safe point. */
  get stopping(): boolean {
    return this.stopped;
  }

  every(intervalMs: number, round: () => Promise<unknown>): void {
    if (intervalMs <= 0 || this.stopped) return;
    this.timer = setInterval(() => {
      if (this.stopped || this.current) return;
      this.current = round()
        .catch((err: unknown) => this.logger.error(`${this.failure}: ${String(err)}`))
        .finally(() => (this.current = null));
    }, intervalMs);
    this.timer.unref();
  }

  /** Starts no further round and waits up to `timeoutMs` for the one in flight; false if it was still running. */
  async stop(timeoutMs: number): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.current) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = await Promise.race([this.current.then(() => true as const), timedOut]);
    clearTimeout(timer);
    if (!done)
      this.logger.warn(`round still running after ${timeoutMs} ms at shutdown; leaving it`);
    return done;
  }
}
