import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, OutboxItemDto, OutboxPageDto, OutboxStatusName } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Access } from '../org/access.service';
import { ClockService } from '../clock/clock.service';
import { OutboxMessage, OutboxStatus } from './entities/outbox-message.entity';
import { findPage, PageRequest } from '../../common/paging/paging';

/** The outbox as admins see it: what failed and why (the dead letters), and sending one again. */
@Injectable()
export class OutboxAdmin {
  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    private readonly clock: ClockService,
    private readonly access: Access,
  ) {}

  /** Messages go to the residents and staff of every company: only the platform's admin reads or resends them. */
  private async platformOnly(user: AuthUser): Promise<void> {
    if (!(await this.access.isPlatformAdmin(user)))
      throw new AppException(ErrorCode.FORBIDDEN, '仅平台管理员可以查看消息发送记录');
  }

  /** The messages in one state, newest first, a page at a time; the counts are of every state. */
  async page(user: AuthUser, status: OutboxStatus, request: PageRequest): Promise<OutboxPageDto> {
    await this.platformOnly(user);
    const grouped = (await this.messages
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('o.status')
      .getRawMany()) as { status: OutboxStatusName; n: string | number }[];
    const counts: Record<OutboxStatusName, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      revoked: 0,
      dead: 0,
    };
    for (const g of grouped) counts[g.status] = Number(g.n);
    const page = await findPage(this.messages, { status }, request, (rows) => rows.map(toItem), {
      relations: { user: true },
    });
    return { counts, ...page };
  }

  /** A dead letter goes out again once its cause is fixed (e.g. a template id corrected). Nothing else may be resent. */
  async retry(user: AuthUser, id: string): Promise<OutboxItemDto> {
    await this.platformOnly(user);
    const row = await this.messages.findOne({ where: { id }, relations: { user: true } });
    if (!row) throw new AppException(ErrorCode.OUTBOX_MESSAGE_NOT_FOUND);
    if (row.status !== OutboxStatus.Dead)
      throw new AppException(
        ErrorCode.OUTBOX_NOT_RETRYABLE,
        row.status === OutboxStatus.Revoked ? '用户已拒收此类消息，不能重发' : undefined,
      );
    const now = this.clock.now();
    const written = await this.messages.update(
      { id, status: OutboxStatus.Dead },
      { status: OutboxStatus.Pending, attempts: 0, nextAttemptAt: now, lastError: null },
    );
    if (written.affected !== 1) throw new AppException(ErrorCode.OUTBOX_NOT_RETRYABLE);
    return toItem({
      ...row,
      status: OutboxStatus.Pending,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
    });
  }
}

function toItem(m: OutboxMessage): OutboxItemDto {
  const code = m.data.character_string2?.value;
  return {
    id: m.id,
    kind: m.kind,
    recipientName: m.user?.name ?? '',
    templateId: m.templateId,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    ticketCode: code && code !== '-' ? code : null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}
