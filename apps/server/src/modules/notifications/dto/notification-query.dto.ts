import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MarkReadRequest } from '@linli/contracts';
import { MAX_PAGE } from '../inbox.service';

export class NotificationQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '条数必须是整数' })
  @Min(1, { message: '条数至少为 1' })
  @Max(MAX_PAGE, { message: `条数最多为 ${MAX_PAGE}` })
  limit?: number;

  @ApiPropertyOptional({ description: '只取这一时刻之前的消息（翻页）' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '时间格式不正确' })
  before?: string;
}

export class MarkReadDto implements MarkReadRequest {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '消息列表格式不正确' })
  @ArrayMaxSize(MAX_PAGE, { message: `一次最多标记 ${MAX_PAGE} 条` })
  @IsUUID('all', { each: true, message: '消息 id 格式不正确' })
  ids?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'all 必须是 true 或 false' })
  all?: boolean;
}
