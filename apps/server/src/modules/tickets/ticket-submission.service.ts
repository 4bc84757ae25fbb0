import { Injectable } from '@nestjs/common';
import { Channel, ErrorCode, MAX_TICKET_PHOTOS, TicketDetailDto } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { ClockService } from '../clock/clock.service';
import { CreateTicketDto, CreateTicketOnBehalfDto } from './dto/create-ticket.dto';
import { TicketNumbering } from './ticket-numbering';
import { TicketQueries } from './ticket-queries.service';
import { SubmitContext, TicketSubmitContext } from './ticket-submit-context';
import { Created, Intake, TicketWriter } from './ticket-writer';

export interface SubmissionResult {
  ticket: TicketDetailDto;
  /** False when the idempotency key had been used: the first ticket is returned instead of a new one. */
  created: boolean;
}

/**
 * A resident reports a problem, or staff register one for them. In one transaction: the ticket (with
 * its code), the submit event, the photos, its time limits, and dispatch: to the receiving assistant
 * (first-contact responsibility), else to the building's least-loaded assistant. Resubmitting the same
 * idempotency key, even concurrently, yields the first ticket. What it reads first is the submit
 * context's (TicketSubmitContext), what it writes the writer's (TicketWriter).
 */
@Injectable()
export class TicketSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly context: TicketSubmitContext,
    private readonly numbering: TicketNumbering,
    private readonly writer: TicketWriter,
    private readonly queries: TicketQueries,
  ) {}

  async submit(user: AuthUser, dto: CreateTicketDto): Promise<SubmissionResult> {
    return this.submitAsResident(user, dto, Channel.MiniProgram, !user.householdId);
  }

  /**
   * A bound resident wrote the request in WeChat's customer-service chat: the same submission as from the
   * mini-program, recorded with channel 微信客服 (the chat module supplies the category and an idempotency
   * key derived from WeChat's message id, so a redelivered message opens no second ticket).
   */
  async submitFromChat(user: AuthUser, dto: CreateTicketDto): Promise<SubmissionResult> {
    return this.submitAsResident(user, dto, Channel.WechatChat, false);
  }

  /**
   * A resident's own request: a retry with the same idempotency key returns the ticket it opened; one
   * without a home to attach it to (`unbound`, or no place found) is refused.
   */
  private async submitAsResident(
    user: AuthUser,
    dto: CreateTicketDto,
    channel: Channel,
    unbound: boolean,
  ): Promise<SubmissionResult> {
    const context = await this.context.ofResident(
      user.id,
      user.householdId,
      dto.idempotencyKey,
      dto.categoryCode,
    );
    if (context.earlierId)
      return { ticket: await this.queries.detail(user, context.earlierId), created: false };
    if (unbound || !context.place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    return this.create(user, dto, this.residentIntake(user, context, channel), context);
  }

  /**
   * Staff register a request received by phone, at the desk, on patrol or in WeChat chat. Only for a
   * household they may see (an assistant: the buildings they serve; a supervisor: their community).
   * The reporter is the household's member with the caller's phone when they use the mini-program (so
   * they follow it there), otherwise the receiver, with the caller kept as the contact to call back.
   */
  async submitOnBehalf(staff: AuthUser, dto: CreateTicketOnBehalfDto): Promise<SubmissionResult> {
    const place = await this.context.reachablePlace(staff, dto.householdId);
    if (!place) throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    const reporterId =
      (await this.context.boundMemberWithPhone(place.householdId, dto.contactPhone)) ?? staff.id;
    const earlier = await this.context.earlier(reporterId, dto.idempotencyKey);
    if (earlier) return { ticket: await this.queries.detail(staff, earlier), created: false };
    return this.create(staff, dto, {
      place,
      reporterId,
      channel: dto.channel,
      receiver: staff,
      contactName: dto.contactName,
      contactPhone: dto.contactPhone,
    });
  }

  private residentIntake(user: AuthUser, context: SubmitContext, channel: Channel): Intake {
    return {
      place: context.place!,
      reporterId: user.id,
      channel,
      receiver: null,
      contactName: null,
      contactPhone: null,
    };
  }

  /** `known`: the resident's context, whose category came with the place (null: read it here). */
  private async create(
    user: AuthUser,
    dto: CreateTicketDto,
    intake: Intake,
    known: SubmitContext | null = null,
  ): Promise<SubmissionResult> {
    const { place } = intake;
    const category: TicketCategory | null = known
      ? known.category
      : await this.context.category(dto.categoryCode);
    if (!category) throw new AppException(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    if (dto.photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);

    // The code first, in a statement of its own: no counter lock is held through the transaction below.
    const code = await this.numbering.nextCode(category.kind, this.clock.now());
    let created: Created;
    try {
      created = await this.unitOfWork.run((db) =>
        this.writer.write(db, user, dto, intake, category, code, this.clock.now()),
      );
    } catch (err) {
      // A concurrent duplicate committed first: answer with its ticket.
      const winner = isUniqueViolation(err)
        ? await this.queries.idByIdempotencyKey(intake.reporterId, dto.idempotencyKey)
        : null;
      if (!winner) throw err;
      return { ticket: await this.queries.detail(user, winner), created: false };
    }
    const made = created;
    return {
      ticket: await this.queries.createdDetail(
        user,
        made.ticket,
        made.events,
        made.milestones,
        dto.photoIds.length > 0,
        place.companyId,
      ),
      created: true,
    };
  }
}
