import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { MarkReadRequest } from '@linli/contracts';
import { MAX_PAGE } from '../inbox.service';
import { PageQueryDto } from '../../../common/paging/page-query.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '只取这一时刻之前的消息（旧的翻页方式；请改用 cursor）' })
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
