import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CompleteWorkOrderRequest,
  DepartmentName,
  EscalationSlipRequest,
  IssueWorkOrderRequest,
} from '@linli/contracts';

const DEPARTMENTS: DepartmentName[] = [
  'engineering',
  'environment',
  'security',
  'customer_service',
];

export class IssueWorkOrderDto implements IssueWorkOrderRequest {
  @ApiProperty({ enum: DEPARTMENTS })
  @IsIn(DEPARTMENTS, { message: '请选择责任部门' })
  department!: DepartmentName;

  @ApiProperty({ maxLength: 500 })
  @IsString({ message: '请写明工作要求' })
  @MinLength(2, { message: '请写明工作要求' })
  @MaxLength(500, { message: '工作要求不能超过 500 个字' })
  instructions!: string;

  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的完成时限' })
  dueAt!: string;

  @ApiPropertyOptional({ description: '相关工单' })
  @IsOptional()
  @IsUUID('all', { message: '工单不存在' })
  ticketId?: string;
}

export class CompleteWorkOrderDto implements CompleteWorkOrderRequest {
  @ApiProperty({ maxLength: 500 })
  @IsString({ message: '请写明处理结果' })
  @MaxLength(500, { message: '处理结果不能超过 500 个字' })
  result!: string;
}

export class EscalationSlipDto implements EscalationSlipRequest {
  @ApiProperty()
  @IsInt({ message: '缺少工单版本' })
  @Min(1, { message: '缺少工单版本' })
  version!: number;

  @ApiProperty({ maxLength: 300 })
  @IsString({ message: '请写明需要上级解决的问题' })
  @MinLength(2, { message: '请写明需要上级解决的问题' })
  @MaxLength(300, { message: '不能超过 300 个字' })
  reason!: string;
}
