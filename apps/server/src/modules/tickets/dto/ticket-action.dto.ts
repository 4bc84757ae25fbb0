import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HoldReason,
  MAX_DESCRIPTION_LENGTH,
  TicketAction,
  TicketActionRequest,
} from '@linli/contracts';
import {
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';

export class TicketActionDto implements TicketActionRequest {
  @ApiProperty({ enum: TicketAction })
  @IsEnum(TicketAction, { message: '不支持的操作' })
  action!: TicketAction;

  @ApiProperty({ description: '客户端看到的工单版本；已被他人改动时返回 TICKET_STALE' })
  @IsInt({ message: '工单版本必须是整数' })
  @Min(1, { message: '工单版本必须是正整数' })
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '备注必须是文本' })
  @MaxLength(MAX_DESCRIPTION_LENGTH, { message: `备注不能超过 ${MAX_DESCRIPTION_LENGTH} 个字` })
  note?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '图片列表格式不正确' })
  @IsUUID('all', { each: true, message: '图片 id 格式不正确' })
  photoIds?: string[];

  @ApiPropertyOptional({ enum: HoldReason, description: '挂起（hold）时必填：挂起原因' })
  @IsOptional()
  @IsEnum(HoldReason, { message: '挂起原因不正确' })
  holdReason?: HoldReason;

  @ApiPropertyOptional({
    description: '派单（assign）或转派（transfer）时：接单的礼宾助理，须负责该楼栋',
  })
  @IsOptional()
  @IsUUID('all', { message: '礼宾助理 id 格式不正确' })
  assigneeId?: string;
}
