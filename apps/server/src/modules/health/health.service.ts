import { Injectable } from '@nestjs/common';
import { HealthDto, ReadinessDto } from '@linli/contracts';
import { DataSource } from 'typeorm';
import { lifecycle } from '../../common/lifecycle/draining';
import { ClockService } from '../clock/clock.service';

/** How long readiness waits for the database before calling it down: a probe must answer quickly. */
export const READINESS_DB_TIMEOUT_MS = 2000;

/** Rejects after `ms` unless `work` settled first. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  /** Once every migration this build knows has run, it stays run: asked again only until then. */
  private migrationsCurrent = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async check(): Promise<HealthDto> {
    const database = await this.databaseUp();
    return {
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      time: this.clock.now().toISOString(),
    };
  }

  /** Ready for traffic: the database answers within the timeout and no migration of this build is pending. */
  async ready(): Promise<ReadinessDto> {
    const database = await this.databaseUp();
    let migrations: ReadinessDto['migrations'] = 'unknown';
    if (database === 'up') {
      try {
        migrations =
          (await within(this.pendingMigrations(), READINESS_DB_TIMEOUT_MS)).length === 0
            ? 'current'
            : 'pending';
      } catch {
        migrations = 'unknown';
      }
    }
    // Shutting down: still answering, but the load balancer should send nothing new.
    const ready = database === 'up' && migrations === 'current' && !lifecycle.draining;
    return { status: ready ? 'ready' : 'not_ready', database, migrations };
  }

  /** The names of this build's migrations the database has not recorded as run. */
  async pendingMigrations(): Promise<string[]> {
    if (this.migrationsCurrent) return [];
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM ${table}`);
    const ran = new Set(rows.map((r) => r.name));
    const pending = known.filter((name) => !ran.has(name));
    this.migrationsCurrent = pending.length === 0;
    return pending;
  }

  private async databaseUp(): Promise<'up' | 'down'> {
    if (!this.dataSource.isInitialized) return 'down';
    try {
      await within(this.dataSource.query('SELECT 1'), READINESS_DB_TIMEOUT_MS);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
