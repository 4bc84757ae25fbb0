import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CallTaskDoneRequest, CallTaskStatus } from '@linli/contracts';
import { PageQueryDto } from '../../../common/paging/page-query.dto';

export class CallTaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CallTaskStatus,
    description: '只看待拨打（open）、已完成（done）或已自动结束（ended）',
  })
  @IsOptional()
  @IsEnum(CallTaskStatus, { message: '状态只能是 open、done 或 ended' })
  status?: CallTaskStatus;
}

export class CallTaskDoneDto implements CallTaskDoneRequest {
  @ApiProperty({ example: '已电话告知维修师傅正在赶来', description: '通话结果' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '请填写通话结果' })
  @MinLength(1, { message: '请填写通话结果' })
  @MaxLength(200, { message: '通话结果不能超过 200 字' })
  outcome!: string;
}
