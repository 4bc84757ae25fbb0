import { Inject, Injectable } from '@nestjs/common';
import {
  CallbackOutcome,
  CallbackStatus,
  CallbackTaskDto,
  ErrorCode,
  MyCallbacksDto,
  Role,
} from '@linli/contracts';
import {
  chinaDateKey,
  chinaMidnight,
  decideCallback,
  FINAL_CALLBACK_STATUSES,
  mayCallBack,
  signatureRequired,
} from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { Attachment } from '../uploads/entities/attachment.entity';
import { CallbackReader } from './callback-reader';
import { RecordCallbackDto } from './dto/feedback.dto';
import { CallbackAttempt } from './entities/callback-attempt.entity';
import { CallbackTask } from './entities/callback-task.entity';

const DONE_DAYS = 30;
const DAY_MS = 86_400_000;

/** An assistant's or supervisor's callbacks: the list (due today, overdue, done) and recording an attempt. */
@Injectable()
export class Callbacks {
  constructor(
    @InjectRepository(CallbackTask) private readonly tasks: Repository<CallbackTask>,
    private readonly reader: CallbackReader,
    private readonly org: OrgDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 我的回访: open ones due by the end of today, overdue, due later, and those finished in the last 30 days. */
  async mine(user: AuthUser): Promise<MyCallbacksDto> {
    const now = this.clock.now();
    const endOfToday = chinaMidnight(chinaDateKey(new Date(now.getTime() + DAY_MS)));
    const open = await this.tasks.find({
      where: { assigneeId: user.id, status: In([CallbackStatus.Due, CallbackStatus.Retrying]) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    const done = await this.tasks.find({
      where: {
        assigneeId: user.id,
        status: In([...FINAL_CALLBACK_STATUSES]),
        doneAt: MoreThanOrEqual(new Date(now.getTime() - DONE_DAYS * DAY_MS)),
      },
      order: { doneAt: 'DESC', id: 'ASC' },
      take: 100,
    });
    const dtos = await this.reader.toDtos(this.tasks.manager, [...open, ...done], now);
    const openDtos = dtos.slice(0, open.length);
    return {
      overdue: openDtos.filter((d) => d.overdue),
      dueToday: openDtos.filter((d) => !d.overdue && Date.parse(d.dueAt) < endOfToday.getTime()),
      upcoming: openDtos.filter((d) => Date.parse(d.dueAt) >= endOfToday.getTime()),
      done: dtos.slice(open.length),
    };
  }

  async one(user: AuthUser, id: string): Promise<CallbackTaskDto> {
    const task = await this.visible(user, id);
    const [dto] = await this.reader.toDtos(this.tasks.manager, [task], this.clock.now());
    return dto;
  }

  /**
   * Record an attempt (domain: decideCallback). Reached: the outcome, the channel and the resident's
   * words close the task; in person needs the resident's signature, an image the caller uploaded that
   * belongs to no ticket and no other callback. Not reached: another attempt on a later day, or
   * unreachable after the last one. The attempt is kept and shown on the ticket's record.
   */
  async record(user: AuthUser, id: string, dto: RecordCallbackDto): Promise<CallbackTaskDto> {
    const task = await this.visible(user, id);
    const ticket = task.ticketId
      ? await this.tasks.manager.findOne(Ticket, {
          where: { id: task.ticketId },
          select: { id: true, assigneeId: true },
        })
      : null;
    const caller = {
      role: user.role,
      handler: ticket?.assigneeId === user.id,
      servesBuilding:
        user.role === Role.Assistant &&
        (await this.org.buildingsServedBy(user.id)).includes(task.buildingId),
      supervisesCommunity: user.role === Role.Supervisor && user.communityId === task.communityId,
    };
    const may = mayCallBack(caller, this.config.feedback.callback.handlerMayCallBack);
    if (!may.allowed)
      throw new AppException(
        may.reason === 'handler' ? ErrorCode.CALLBACK_HANDLER_NOT_ALLOWED : ErrorCode.FORBIDDEN,
      );
    const now = this.clock.now();
    const decision = decideCallback(
      task.status,
      dto.outcome,
      task.attempts,
      now,
      this.config.feedback.callback,
    );
    if (!decision.allowed) throw new AppException(ErrorCode.CALLBACK_CLOSED);
    const words = dto.residentWords?.trim() || null;
    const reached = dto.outcome !== CallbackOutcome.Unreachable;
    if (reached && !words)
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'residentWords', message: '请记录住户的意见' },
      ]);
    const needsSignature = signatureRequired(dto.channel, dto.outcome, task.inPersonRequired);
    if (needsSignature && !dto.signatureId)
      throw new AppException(ErrorCode.CALLBACK_SIGNATURE_REQUIRED);
    if (!reached && dto.signatureId)
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'signatureId', message: '联系不上时无需签字' },
      ]);
    try {
      await this.unitOfWork.run(async (db) => {
        if (dto.signatureId) {
          const usable = await db.exists(Attachment, {
            where: { id: dto.signatureId, ownerId: user.id, ticketId: IsNull() },
          });
          const taken = await db.exists(CallbackTask, {
            where: { signatureId: dto.signatureId, id: Not(task.id) },
          });
          if (!usable || taken)
            throw new AppException(ErrorCode.UPLOAD_NOT_FOUND, '签字图片不存在或已用于其他回访');
        }
        const final =
          decision.to === CallbackStatus.Done || decision.to === CallbackStatus.Unreachable;
        const result = await db
          .createQueryBuilder()
          .update(CallbackTask)
          .set({
            status: decision.to,
            attempts: decision.attempts,
            outcome: dto.outcome,
            channel: dto.channel,
            residentWords: words,
            signatureId: dto.signatureId ?? null,
            doneAt: final ? now : null,
            doneById: final ? user.id : null,
            // The next attempt is the new due date; the sweep escalates it if it is missed too.
            ...(decision.nextAttemptAt
              ? {
                  dueAt: decision.nextAttemptAt,
                  nextCheckAt: decision.nextAttemptAt,
                  escalatedAt: null,
                }
              : { nextCheckAt: null }),
          })
          .where({ id: task.id, attempts: task.attempts, status: task.status })
          .execute();
        if (result.affected !== 1)
          throw new AppException(ErrorCode.CALLBACK_CLOSED, '该回访刚被他人记录，请刷新后查看');
        await insertRows(db, CallbackAttempt, {
          id: randomUUID(),
          callbackId: task.id,
          callerId: user.id,
          outcome: dto.outcome,
          channel: dto.channel,
          residentWords: words,
          at: now,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppException(ErrorCode.UPLOAD_NOT_FOUND, '签字图片不存在或已用于其他回访');
      throw err;
    }
    return this.one(user, id);
  }

  /** Assistants see callbacks of the buildings they serve (or assigned to them); supervisors their community's. */
  private async visible(user: AuthUser, id: string): Promise<CallbackTask> {
    const task = await this.tasks.findOne({ where: { id } });
    if (!task) throw new AppException(ErrorCode.CALLBACK_NOT_FOUND);
    const sees =
      task.assigneeId === user.id ||
      (user.role === Role.Supervisor && user.communityId === task.communityId) ||
      (user.role === Role.Assistant &&
        (await this.org.buildingsServedBy(user.id)).includes(task.buildingId));
    if (!sees) throw new AppException(ErrorCode.CALLBACK_NOT_FOUND);
    return task;
  }
}
