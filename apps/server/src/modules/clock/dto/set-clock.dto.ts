import { ApiPropertyOptional } from '@nestjs/swagger';
import { SetClockRequest } from '@linli/contracts';
import { IsBoolean, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class SetClockDto implements SetClockRequest {
  @ApiPropertyOptional({
    description: '把时钟设为此时刻（ISO-8601）',
    example: '2026-11-22T02:00:00.000Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'now 必须是 ISO-8601 时间' })
  now?: string;

  @ApiPropertyOptional({ description: '或者把时钟向前拨若干分钟', example: 30 })
  @IsOptional()
  @IsInt({ message: 'advanceMinutes 必须是整数' })
  @Min(-525600, { message: 'advanceMinutes 太小' })
  @Max(525600, { message: 'advanceMinutes 不能超过一年' })
  advanceMinutes?: number;

  @ApiPropertyOptional({ description: '停住时钟（测试用）或让它从设定时刻继续走' })
  @IsOptional()
  @IsBoolean({ message: 'freeze 必须是 true 或 false' })
  freeze?: boolean;
}
