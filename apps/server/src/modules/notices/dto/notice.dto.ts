import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { CreateNoticeRequest, NoticeKind, NoticeTargetDto } from '@linli/contracts';
import { BuildingIds, TextBetween } from '../../../common/validation/dto-fields';

class UnitTarget {
  @ApiProperty() @IsUUID('all', { message: '请选择本小区的楼栋' }) buildingId!: string;
  @ApiProperty({ example: '1单元' })
  @TextBetween(1, 20, { type: '请填写单元', min: '请填写单元', max: '单元名称太长' })
  unit!: string;
}

class TargetBody implements NoticeTargetDto {
  @ApiProperty({ type: [String], description: '楼栋；与单元都为空表示全小区' })
  @BuildingIds()
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
  @TextBetween(2, 60, { type: '请填写标题', min: '标题至少 2 个字', max: '标题不能超过 60 个字' })
  title!: string;

  @ApiProperty({ maxLength: 1000 })
  @TextBetween(2, 1000, {
    type: '请填写通知内容',
    min: '通知内容至少 2 个字',
    max: '通知内容不能超过 1000 个字',
  })
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
