import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CalendarOverrideRequest } from '@linli/contracts';

export class CalendarOverrideRequestDto implements CalendarOverrideRequest {
  @ApiProperty({ description: 'true：这一天上班；false：这一天休息' })
  @IsBoolean({ message: '请选择这一天上班还是休息' })
  working!: boolean;

  @ApiPropertyOptional({ description: '说明，如“2027 年元旦调休”', maxLength: 100 })
  @IsOptional()
  @IsString({ message: '说明必须是文字' })
  @MaxLength(100, { message: '说明不能超过 100 个字' })
  note?: string;
}

export class CalendarYearQueryDto {
  @ApiPropertyOptional({ description: '年份，默认今年', example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年份必须是整数' })
  @Min(2000, { message: '年份不能早于 2000 年' })
  @Max(2100, { message: '年份不能晚于 2100 年' })
  year?: number;
}
