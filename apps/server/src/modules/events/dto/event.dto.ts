import { ApiProperty } from '@nestjs/swagger';
import {
  IsEnum,
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CheckInRequest, CreateEventRequest, EventKind } from '@linli/contracts';

export class CreateEventDto implements CreateEventRequest {
  @ApiProperty({ enum: EventKind })
  @IsEnum(EventKind, { message: '请选择活动类别' })
  kind!: EventKind;
  @ApiProperty({ maxLength: 60 })
  @IsString({ message: '请填写活动名称' })
  @MinLength(2, { message: '活动名称至少 2 个字' })
  @MaxLength(60, { message: '活动名称不能超过 60 个字' })
  title!: string;
  @ApiProperty({ maxLength: 60 })
  @IsString({ message: '请填写地点' })
  @MinLength(2, { message: '请填写地点' })
  @MaxLength(60, { message: '地点不能超过 60 个字' })
  place!: string;
  @ApiProperty()
  @IsISO8601({ strict: true }, { message: '请填写有效的开始时间' })
  startsAt!: string;
  @ApiProperty()
  @IsInt({ message: '名额须为整数' })
  @Min(1, { message: '名额至少 1 个' })
  @Max(5000, { message: '名额不能超过 5000 个' })
  capacity!: number;
}

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ example: 'K7M2QX' })
  @IsString({ message: '请输入签到码' })
  @Matches(/^[0-9A-Za-z]{6}$/, { message: '签到码为 6 位字母或数字' })
  code!: string;
}
