import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobLoop } from './job-loop';

/** When a scheduled job runs: the interval between rounds (0: not by itself) and how long shutdown waits for a round. */
export interface JobTiming {
  everyMs: number;
  shutdownWaitMs: number;
}

/**
 * The one shape of a scheduled job (the time-limit sweep, care fan-out, callback and questionnaire
 * sweeps …): a round every interval on a JobLoop, started once the application has booted and stopped
 * before the database closes, waiting (bounded) for the round in flight. `sweep()` runs a round now, for
 * callers and tests; a call during a round shares that round instead of starting a second one.
 *
 * Several instances: a job claims its work in the database (a compare-and-set on the row's nextCheckAt,
 * the ticket's optimistic version, or a unique key), never in memory, so each piece of work is done once
 * however many instances sweep (docs/deployment.md). Subclasses write only `round()`.
 */
export abstract class ScheduledJob<R> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly loop: JobLoop;
  private running: Promise<R> | null = null;

  protected constructor(
    name: string,
    failure: string,
    private readonly timing: () => JobTiming,
  ) {
    this.logger = new Logger(name);
    this.loop = new JobLoop(this.logger, failure);
  }

  /** One round of the job's work. */
  protected abstract round(): Promise<R>;

  /** True once shutdown began: a long round should stop at its next safe point. */
  protected get stopping(): boolean {
    return this.loop.stopping;
  }

  onApplicationBootstrap(): void {
    this.loop.every(this.timing().everyMs, () => this.sweep());
  }

  /** Graceful shutdown: no new round, and the one in flight finishes (bounded) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop(this.timing().shutdownWaitMs);
  }

  /** One round now. Rounds never overlap within an instance. */
  sweep(): Promise<R> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }
}

/** The sweeps' timing: every LINLI_SWEEP_SECONDS, and half the shutdown bound for the round in flight. */
export function sweepTiming(config: {
  sla: { sweepIntervalSeconds: number };
  shutdownTimeoutMs: number;
}): JobTiming {
  return {
    everyMs: config.sla.sweepIntervalSeconds * 1000,
    shutdownWaitMs: config.shutdownTimeoutMs / 2,
  };
}
