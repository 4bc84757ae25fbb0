import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, MoveOutStatus, Role, VerifyReleaseSlipResultDto } from '@linli/contracts';
import {
  formatChinaDateTime,
  fromOf,
  MOVE_OUT_WORKFLOW,
  normaliseSlipCode,
  releaseSlipTiming,
  releaseSlipWindow,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { MoveOut } from './entities/move-out.entity';
import { RELATIONS, slipOf } from './move-out-view';

function alreadyUsed(row: MoveOut): AppException {
  const when = row.usedAt ? formatChinaDateTime(row.usedAt) : '';
  return new AppException(
    ErrorCode.RELEASE_SLIP_USED,
    `放行条已于 ${when} 由 ${row.usedByName ?? '门岗'} 核验放行，不能重复使用`,
    undefined,
    undefined,
    slipOf(row) ?? undefined,
  );
}

/** VerifyReleaseSlip: the guard at the gate (docs/domain-rules.md §4). */
@Injectable()
export class VerifyReleaseSlip {
  constructor(
    @InjectRepository(MoveOut) private readonly moveOuts: Repository<MoveOut>,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The guard checks a slip at the gate: valid → marked used by them; used, expired, early or unknown → refused. */
  async run(user: AuthUser, typed: string): Promise<VerifyReleaseSlipResultDto> {
    if (user.role !== Role.Guard) throw new AppException(ErrorCode.FORBIDDEN);
    const code = normaliseSlipCode(typed);
    const row = code
      ? await this.moveOuts.findOne({ where: { slipCode: code }, relations: RELATIONS })
      : null;
    // A guard checks the slips of their own community only; anyone else's is as good as unknown.
    if (!row || row.communityId !== user.communityId)
      throw new AppException(ErrorCode.RELEASE_SLIP_INVALID);
    if (row.status === MoveOutStatus.Cancelled)
      throw new AppException(
        ErrorCode.RELEASE_SLIP_INVALID,
        '放行条已被撤销，请勿放行',
        undefined,
        undefined,
        slipOf(row) ?? undefined,
      );
    if (row.status === MoveOutStatus.Used) throw alreadyUsed(row);
    const now = this.clock.now();
    const timing = releaseSlipTiming(
      now,
      releaseSlipWindow(row.moveDate, this.config.moveOut.graceDays),
    );
    if (timing === 'early')
      throw new AppException(
        ErrorCode.RELEASE_SLIP_NOT_YET_VALID,
        `未到搬出日期（${row.moveDate}），请勿放行`,
        undefined,
        undefined,
        slipOf(row) ?? undefined,
      );
    if (timing === 'expired')
      throw new AppException(
        ErrorCode.RELEASE_SLIP_EXPIRED,
        undefined,
        undefined,
        undefined,
        slipOf(row) ?? undefined,
      );
    // Used once: of two guards checking at the same moment, one lets the goods out, the other is told.
    const done = await this.moveOuts
      .createQueryBuilder()
      .update(MoveOut)
      .set({ status: MoveOutStatus.Used, usedById: user.id, usedByName: user.name, usedAt: now })
      .where('id = :id AND status IN (:...from)', {
        id: row.id,
        from: fromOf(MOVE_OUT_WORKFLOW, 'useSlip'),
      })
      .execute();
    const after = await this.moveOuts.findOneOrFail({
      where: { id: row.id },
      relations: RELATIONS,
    });
    if (done.affected !== 1)
      throw after.status === MoveOutStatus.Used
        ? alreadyUsed(after)
        : new AppException(ErrorCode.RELEASE_SLIP_INVALID);
    return { slip: slipOf(after)! };
  }
}
