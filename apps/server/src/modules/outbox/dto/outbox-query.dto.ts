import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OutboxStatusName } from '@linli/contracts';
import { PageQueryDto } from '../../../common/paging/page-query.dto';

const STATUSES: OutboxStatusName[] = ['pending', 'sending', 'sent', 'revoked', 'dead'];

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: '消息状态，默认 dead（发送失败）' })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 pending、sending、sent、revoked 或 dead' })
  status?: OutboxStatusName;
}
