import { Injectable } from '@nestjs/common';
import { HealthDto } from '@linli/contracts';
import { DataSource } from 'typeorm';
import { ClockService } from '../clock/clock.service';

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async check(): Promise<HealthDto> {
    let database: HealthDto['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
    }
    return { status: database === 'up' ? 'ok' : 'degraded', database, time: this.clock.now().toISOString() };
  }
}
