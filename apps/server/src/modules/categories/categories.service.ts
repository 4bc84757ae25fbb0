import { Injectable } from '@nestjs/common';
import {
  CategoryTaxonomyDto,
  ErrorCode,
  TicketCategoryAdminDto,
  TicketCategoryDto,
} from '@linli/contracts';
import { resolvePolicy, SLA_POLICIES } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { Department, DEPARTMENT_LABELS } from './department';
import { UpdateTicketCategoryDto } from './dto/update-category.dto';
import { TicketCategory } from './entities/ticket-category.entity';

@Injectable()
export class CategoriesService {
  constructor(
    @InjectRepository(TicketCategory) private readonly categories: Repository<TicketCategory>,
  ) {}

  async list(): Promise<TicketCategoryDto[]> {
    const rows = await this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(({ code, name, kind, emergency }) => ({ code, name, kind, emergency }));
  }

  find(code: string): Promise<TicketCategory | null> {
    return this.categories.findOne({ where: { code } });
  }

  /** The taxonomy as supervisors edit it, with the departments and policies a category may use. */
  async taxonomy(): Promise<CategoryTaxonomyDto> {
    const rows = await this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return {
      categories: rows.map(toAdminDto),
      departments: Object.values(Department).map((code) => ({
        code,
        label: DEPARTMENT_LABELS[code],
      })),
      policies: SLA_POLICIES.map((p) => ({
        code: p.code,
        name: p.name,
        covers: p.covers,
        kinds: [...p.kinds],
      })),
    };
  }

  /**
   * Changes a category's name, department, default emergency or time-limit policies. Applies to tickets
   * reported from now on: tickets already open keep the limits planned at their intake.
   */
  async update(code: string, dto: UpdateTicketCategoryDto): Promise<TicketCategoryAdminDto> {
    const row = await this.find(code);
    if (!row) throw new AppException(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    if (dto.slaPolicies) {
      const fields = dto.slaPolicies.flatMap((p) => {
        const policy = resolvePolicy(p);
        if (!policy) return [{ field: 'slaPolicies', message: `时限标准不存在：${p}` }];
        if (!policy.kinds.includes(row.kind))
          return [{ field: 'slaPolicies', message: `「${policy.name}」不适用于这类报事` }];
        return [];
      });
      if (new Set(dto.slaPolicies).size !== dto.slaPolicies.length)
        fields.push({ field: 'slaPolicies', message: '时限标准不能重复' });
      if (fields.length > 0)
        throw new AppException(ErrorCode.VALIDATION_FAILED, fields[0].message, fields);
    }
    const changes: Partial<TicketCategory> = {};
    if (dto.name !== undefined) changes.name = dto.name.trim();
    if (dto.department !== undefined) changes.department = dto.department as Department;
    if (dto.emergency !== undefined) changes.emergency = dto.emergency;
    if (dto.serious !== undefined) changes.serious = dto.serious;
    if (dto.slaPolicies !== undefined) changes.slaPolicies = dto.slaPolicies;
    if (changes.name === '')
      throw new AppException(ErrorCode.VALIDATION_FAILED, '类别名称不能为空', [
        { field: 'name', message: '类别名称不能为空' },
      ]);
    if (Object.keys(changes).length > 0) await this.categories.update({ code }, changes);
    return toAdminDto((await this.find(code))!);
  }
}

function toAdminDto(c: TicketCategory): TicketCategoryAdminDto {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    emergency: c.emergency,
    serious: c.serious,
    department: c.department,
    departmentLabel: DEPARTMENT_LABELS[c.department],
    slaPolicies: [...(c.slaPolicies ?? [])],
  };
}
