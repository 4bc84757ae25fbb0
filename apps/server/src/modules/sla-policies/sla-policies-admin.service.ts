import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Role,
  SLA_MILESTONE_LABELS,
  SlaLimit,
  SlaMilestone,
  SlaPolicyDto,
} from '@linli/contracts';
import { resolvePolicy, SLA_POLICIES, SlaPolicy } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';

import { AppException, FieldError } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { CompanyOfUser } from '../org/company-of-user';
import { User } from '../org/entities/user.entity';
import { UpdateSlaPolicyDto } from './dto/update-sla-policy.dto';
import { SlaPolicyOverrideRow } from './entities/sla-policy-override.entity';
import { SlaPolicyOverrides } from './sla-policy-overrides.service';

/** The most a wall-clock limit may be set to (30 days), and a working-day one. */
const MAX_MINUTES = 30 * 24 * 60;
const MAX_WORKING_DAYS = 30;
const MILESTONES = Object.values(SlaMilestone) as string[];

/** Why a submitted limit cannot be used, in Chinese; null when it can. */
export function limitInputProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || value === null) return '时限格式不正确';
  const limit = value as Partial<SlaLimit> & { kind?: unknown };
  if (limit.kind === 'wall') {
    const minutes = (limit as { minutes?: unknown }).minutes;
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < 1 ||
      minutes > MAX_MINUTES
    )
      return `分钟数应为 1 到 ${MAX_MINUTES} 之间的整数`;
    return null;
  }
  if (limit.kind === 'workingDays') {
    // An agreed time belongs to a ticket, never to a company's policy.
    if ('agreedAt' in limit) return '时限标准不能带约定时间';
    const days = (limit as { days?: unknown }).days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_WORKING_DAYS)
      return `工作日数应为 1 到 ${MAX_WORKING_DAYS} 之间的整数`;
    return null;
  }
  return '时限单位只能是分钟（wall）或工作日（workingDays）';
}

/** The company's time-limit numbers: read by staff, changed by company admins; new tickets follow them. */
@Injectable()
export class SlaPoliciesAdmin {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly companyOfUser: CompanyOfUser,
    @InjectRepository(SlaPolicyOverrideRow)
    private readonly slaPolicyOverrides: Repository<SlaPolicyOverrideRow>,
    private readonly overrides: SlaPolicyOverrides,
    private readonly clock: ClockService,
  ) {}

  async list(user: AuthUser): Promise<SlaPolicyDto[]> {
    const companyId = await this.companyOfUser.of(user);
    const rows = await this.slaPolicyOverrides.find({
      where: { companyId },
      relations: { updatedBy: true },
    });
    return SLA_POLICIES.map((p) =>
      toDto(
        p,
        companyId,
        this.overrides.forCompany(companyId),
        rows.find((r) => r.policyCode === p.code),
        user.role === Role.Admin,
      ),
    );
  }

  async set(user: AuthUser, code: string, dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    const policy = SLA_POLICIES.find((p) => p.code === code);
    if (!policy) throw new AppException(ErrorCode.NOT_FOUND, `时限标准不存在：${code}`);
    const fields: FieldError[] = [];
    for (const [milestone, limit] of Object.entries(dto.milestones)) {
      if (!MILESTONES.includes(milestone))
        fields.push({
          field: `milestones.${milestone}`,
          message: `没有这个时限节点：${milestone}`,
        });
      else {
        const problem = limitInputProblem(limit);
        if (problem)
          fields.push({
            field: `milestones.${milestone}`,
            message: `${SLA_MILESTONE_LABELS[milestone as SlaMilestone]}：${problem}`,
          });
      }
    }
    if (fields.length === 0) {
      const effective = resolvePolicy(code, [
        { code, milestones: dto.milestones as Partial<Record<SlaMilestone, SlaLimit | null>> },
      ]);
      if (!effective || Object.keys(effective.milestones).length === 0)
        fields.push({ field: 'milestones', message: '至少保留一个时限节点' });
    }
    if (fields.length > 0)
      throw new AppException(ErrorCode.VALIDATION_FAILED, fields[0].message, fields);
    const companyId = await this.companyOfUser.of(user);
    const now = this.clock.now();
    // Only what differs from the default is kept: setting a limit back to its default value drops it.
    const milestones: Partial<Record<SlaMilestone, SlaLimit | null>> = {};
    for (const [m, limit] of Object.entries(dto.milestones) as [SlaMilestone, SlaLimit | null][]) {
      const base = policy.milestones[m];
      const same =
        limit === null
          ? base === undefined
          : base !== undefined && JSON.stringify(base) === JSON.stringify(limit);
      if (!same) milestones[m] = limit;
    }
    await this.unitOfWork.run(async (db) => {
      await db.delete(SlaPolicyOverrideRow, { companyId, policyCode: code });
      if (Object.keys(milestones).length > 0) {
        await db.insert(SlaPolicyOverrideRow, {
          id: randomUUID(),
          companyId,
          policyCode: code,
          milestones,
          updatedById: user.id,
          updatedAt: now,
        });
      }
    });
    await this.overrides.reload();
    return (await this.list(user)).find((p) => p.code === code)!;
  }

  async reset(user: AuthUser, code: string): Promise<void> {
    const companyId = await this.companyOfUser.of(user);
    const result = await this.slaPolicyOverrides.delete({ companyId, policyCode: code });
    if (!result.affected)
      throw new AppException(ErrorCode.NOT_FOUND, '该时限标准没有调整，已是默认值');
    await this.overrides.reload();
  }
}

function toDto(
  p: SlaPolicy,
  _companyId: string,
  overrides: readonly {
    code: string;
    milestones: Partial<Record<SlaMilestone, SlaLimit | null>>;
  }[],
  row: (SlaPolicyOverrideRow & { updatedBy?: User | null }) | undefined,
  canEdit: boolean,
): SlaPolicyDto {
  const effective = resolvePolicy(p.code, overrides) ?? p;
  return {
    code: p.code,
    name: p.name,
    covers: p.covers,
    kinds: [...p.kinds],
    defaults: { ...p.milestones },
    effective: { ...effective.milestones },
    overridden: row !== undefined,
    updatedByName: row?.updatedBy?.name ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit,
  };
}
