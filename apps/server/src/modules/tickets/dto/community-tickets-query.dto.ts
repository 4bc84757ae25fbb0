import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { CommunityTicketFilter } from '@linli/contracts';
import { PageQueryDto } from '../../../common/paging/page-query.dto';

export class CommunityTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CommunityTicketFilter, default: CommunityTicketFilter.Open })
  @IsOptional()
  @IsEnum(CommunityTicketFilter, { message: '筛选条件只能是 open、at_risk、done 或 all' })
  filter?: CommunityTicketFilter;
}
