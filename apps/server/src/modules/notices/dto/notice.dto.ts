import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CreateNoticeRequest, NoticeKind, NoticeTargetDto } from '@linli/contracts';

class UnitTarget {
  @ApiProperty() @IsUUID('all', { message: '请选择本小区的楼栋' }) buildingId!: string;
  @ApiProperty({ example: '1单元' })
  @IsString({ message: '请填写单元' })
  @MinLength(1, { message: '请填写单元' })
  @MaxLength(20, { message: '单元名称太长' })
  unit!: string;
}

class TargetBody implements NoticeTargetDto {
  @ApiProperty({ type: [String], description: '楼栋；与单元都为空表示全小区' })
  @IsArray({ message: '请选择楼栋' })
  @ArrayMaxSize(200, { message: '楼栋太多' })
  @IsUUID('all', { each: true, message: '请选择本小区的楼栋' })
  buildingIds!: string[];

  @ApiProperty({ type: [UnitTarget] })
  @IsArray({ message: '请选择单元' })
  @ArrayMaxSize(500, { message: '单元太多' })
  @ValidateNested({ each: true })
  @Type(() => UnitTarget)
  units!: UnitTarget[];
}

export class CreateNoticeDto implements CreateNoticeRequest {
  @ApiProperty({ enum: NoticeKind })
  @IsEnum(NoticeKind, { message: '请选择通知类别' })
  kind!: NoticeKind;

  @ApiProperty({ maxLength: 60 })
  @IsString({ message: '请填写标题' })
  @MinLength(2, { message: '标题至少 2 个字' })
  @MaxLength(60, { message: '标题不能超过 60 个字' })
  title!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString({ message: '请填写通知内容' })
  @MinLength(2, { message: '通知内容至少 2 个字' })
  @MaxLength(1000, { message: '通知内容不能超过 1000 个字' })
  body!: string;

  @ApiProperty({ type: TargetBody })
  @ValidateNested()
  @Type(() => TargetBody)
  target!: TargetBody;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '请填写有效的发布时间' })
  publishAt?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '请填写有效的截止时间' })
  inForceUntil?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '请填写有效的开始时间' })
  startsAt?: string | null;

  @ApiPropertyOptional({ description: '公司管理员发布时指定小区' })
  @IsOptional()
  @IsUUID('all', { message: '请选择小区' })
  communityId?: string;
}
