import { Inject, Injectable } from '@nestjs/common';
import { ClockDto, ErrorCode } from '@linli/contracts';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException } from '../../common/errors/app-exception';

/** The real time source. The only place the server reads the system clock. */
export const REAL_TIME = Symbol('REAL_TIME');
export type RealTime = () => number;

export interface ClockSetting {
  now?: Date;
  advanceMinutes?: number;
  freeze?: boolean;
}

/**
 * Business time. Everything that stamps or compares times asks this clock. Outside production it can
 * be moved (an offset from real time) and frozen, so demos and tests can walk through time limits.
 */
@Injectable()
export class ClockService {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(
    @Inject(REAL_TIME) private readonly realTime: RealTime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  now(): Date {
    return new Date(this.frozenAt ?? this.realTime() + this.offsetMs);
  }

  get adjustable(): boolean {
    return !this.config.productionMode;
  }

  set(setting: ClockSetting): ClockDto {
    if (!this.adjustable) throw new AppException(ErrorCode.CLOCK_DISABLED);
    if (setting.now && setting.advanceMinutes !== undefined) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'advanceMinutes', message: '不能同时设置 now 和 advanceMinutes' },
      ]);
    }
    const current = this.now().getTime();
    const target = setting.now
      ? setting.now.getTime()
      : current + (setting.advanceMinutes ?? 0) * 60_000;
    const freeze = setting.freeze ?? this.frozenAt !== null;
    this.offsetMs = target - this.realTime();
    this.frozenAt = freeze ? target : null;
    return this.describe();
  }

  describe(): ClockDto {
    return {
      now: this.now().toISOString(),
      offsetMs: this.offsetMs,
      frozen: this.frozenAt !== null,
    };
  }
}
