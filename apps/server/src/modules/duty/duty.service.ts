import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AssistantOptionDto, DutyShiftDto, ErrorCode, Role } from '@linli/contracts';
import { dutyShiftProblem } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { In, LessThan, MoreThan, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { User } from '../org/entities/user.entity';
import { CreateDutyShiftDto } from './dto/duty-shift.dto';
import { DutyShift } from './entities/duty-shift.entity';

/** The duty rota of a community's buildings: supervisors plan it, staff read it, dispatch uses it. */
@Injectable()
export class DutyRota {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(DutyShift) private readonly dutyShifts: Repository<DutyShift>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clock: ClockService,
  ) {}

  /** The community's shifts that have not ended, soonest first (the next `days` days). */
  async upcoming(user: AuthUser, days = 14): Promise<DutyShiftDto[]> {
    if (!user.communityId) return [];
    const now = this.clock.now();
    const buildings = await this.buildings.find({
      where: { communityId: user.communityId },
      select: { id: true, name: true },
    });
    if (buildings.length === 0) return [];
    const rows = await this.dutyShifts.find({
      where: {
        buildingId: In(buildings.map((b) => b.id)),
        endsAt: MoreThan(now),
        startsAt: LessThan(new Date(now.getTime() + days * 86_400_000)),
      },
      relations: { assistant: true, building: true },
      order: { startsAt: 'ASC' },
      take: 500,
    });
    return rows.map((r) => toDto(r, now));
  }

  async assistants(user: AuthUser): Promise<AssistantOptionDto[]> {
    if (!user.communityId) return [];
    const rows = await this.users.find({
      where: { communityId: user.communityId, role: Role.Assistant },
      select: { id: true, name: true },
      order: { name: 'ASC' },
    });
    return rows.map((r) => ({ id: r.id, name: r.name }));
  }

  async create(user: AuthUser, dto: CreateDutyShiftDto): Promise<DutyShiftDto> {
    const now = this.clock.now();
    const building = await this.buildings.findOne({ where: { id: dto.buildingId } });
    if (!building || building.communityId !== user.communityId)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '请选择本小区的楼栋', [
        { field: 'buildingId', message: '请选择本小区的楼栋' },
      ]);
    const assistant = await this.users.findOne({ where: { id: dto.assistantId } });
    if (
      !assistant ||
      assistant.role !== Role.Assistant ||
      assistant.communityId !== user.communityId
    ) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, '请选择本小区的礼宾助理', [
        { field: 'assistantId', message: '请选择本小区的礼宾助理' },
      ]);
    }
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problem = dutyShiftProblem(startsAt, endsAt, now);
    if (problem)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problem, [
        { field: 'endsAt', message: problem },
      ]);
    const overlapping = await this.dutyShifts.exists({
      where: {
        assistantId: assistant.id,
        startsAt: LessThan(endsAt),
        endsAt: MoreThan(startsAt),
      },
    });
    if (overlapping)
      throw new AppException(ErrorCode.CONFLICT, `${assistant.name} 在这段时间已有值班`);
    const row: DutyShift = {
      id: randomUUID(),
      buildingId: building.id,
      assistantId: assistant.id,
      startsAt,
      endsAt,
      createdById: user.id,
      createdAt: now,
    };
    await this.dutyShifts.insert(row);
    return toDto({ ...row, assistant, building }, now);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const row = await this.dutyShifts.findOne({ where: { id }, relations: { building: true } });
    if (!row || row.building?.communityId !== user.communityId)
      throw new AppException(ErrorCode.NOT_FOUND, '班次不存在');
    await this.dutyShifts.delete({ id });
  }
}

function toDto(r: DutyShift, now: Date): DutyShiftDto {
  return {
    id: r.id,
    buildingId: r.buildingId,
    buildingName: r.building?.name ?? '',
    assistantId: r.assistantId,
    assistantName: r.assistant?.name ?? '',
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    current: r.startsAt.getTime() <= now.getTime() && now.getTime() < r.endsAt.getTime(),
  };
}
