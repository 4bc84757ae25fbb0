import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { UpdateTicketCategoryRequest } from '@linli/contracts';
import { Department } from '../department';

export class UpdateTicketCategoryDto implements UpdateTicketCategoryRequest {
  @ApiPropertyOptional({ description: '类别名称', maxLength: 50 })
  @IsOptional()
  @IsString({ message: '类别名称必须是文字' })
  @MinLength(1, { message: '类别名称不能为空' })
  @MaxLength(50, { message: '类别名称不能超过 50 个字' })
  name?: string;

  @ApiPropertyOptional({ enum: Object.values(Department), description: '处理部门' })
  @IsOptional()
  @IsIn(Object.values(Department), { message: '请选择有效的处理部门' })
  department?: string;

  @ApiPropertyOptional({ description: '默认按紧急处理' })
  @IsOptional()
  @IsBoolean({ message: '是否紧急只能是 true 或 false' })
  emergency?: boolean;

  @ApiPropertyOptional({ description: '默认按严重处理（严重程度）' })
  @IsOptional()
  @IsBoolean({ message: '是否严重只能是 true 或 false' })
  serious?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: '时限标准代码（docs/domain-rules.md §6），取最严格者',
  })
  @IsOptional()
  @IsArray({ message: '时限标准必须是列表' })
  @ArrayMinSize(1, { message: '至少选择一个时限标准' })
  @ArrayMaxSize(5, { message: '时限标准最多 5 个' })
  @IsString({ each: true, message: '时限标准代码必须是文字' })
  slaPolicies?: string[];
}
