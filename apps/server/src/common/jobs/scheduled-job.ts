import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobLoop } from './job-loop';

/** When a scheduled job runs: the interval between rounds (0: not by itself) and how long shutdown waits for a round. */
export interface JobTiming {
  everyMs: number;
  shutdownWaitMs: number;
}

/**
 * The one shape of every scheduled job (the time-limit, callback and questionnaire sweeps, care
 * fan-out, the outbox and chat-inbox drains, the chat's rating prompt, notice publishing, the
 * dashboard's reports, frozen months and provisional refresh, retention): a round every interval on a
 * JobLoop, started once the application has booted and stopped before the database closes, waiting
 * (bounded) for the round in flight. `sweep()` runs a round now; a call during a round shares that
 * round instead of starting a second one. Subclasses write only `round()` and their timing.
 *
 * Multi-instance guarantee (stated here once for all jobs): every instance runs every job, and a job
 * claims each piece of work in the database, never in memory — a compare-and-set on the row's
 * nextCheckAt (the time-limit sweep's pattern), the ticket's optimistic version, a lease taken with
 * SELECT … FOR UPDATE SKIP LOCKED (outbox, chat inbox), or a unique key on the run/period/claim row
 * (retention day, reports, frozen months, rating prompts) — so each piece of work is done once however
 * many instances sweep, and an instance that dies mid-round leaves its claims to lapse or be retaken
 * (docs/deployment.md; apps/server/test/resilience/jobs-two-instances.spec.ts checks it).
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

/** A job's timing: a round every `everyMs` (0: never by itself), and half the shutdown bound for the round in flight. */
export function jobTiming(everyMs: number, config: { shutdownTimeoutMs: number }): JobTiming {
  return { everyMs, shutdownWaitMs: config.shutdownTimeoutMs / 2 };
}

/** The sweeps' timing: every LINLI_SWEEP_SECONDS, and half the shutdown bound for the round in flight. */
export function sweepTiming(config: {
  sla: { sweepIntervalSeconds: number };
  shutdownTimeoutMs: number;
}): JobTiming {
  return jobTiming(config.sla.sweepIntervalSeconds * 1000, config);
}
