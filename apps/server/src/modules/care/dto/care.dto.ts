import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  AudiencePreviewRequest,
  AudienceSegment,
  AudienceSpecDto,
  CareOccasion,
  CreateCampaignRequest,
  GiftAction,
  GiftActionRequest,
  ResendSkippedRequest,
  SendCampaignRequest,
} from '@linli/contracts';
import {
  BuildingIds,
  IntBetween,
  OptionalString,
  TextBetween,
} from '../../../common/validation/dto-fields';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AudienceSpecBody implements AudienceSpecDto {
  @ApiProperty({ type: [String], description: '选定的楼栋；空表示全小区' })
  @BuildingIds()
  buildingIds!: string[];

  @ApiProperty({ enum: AudienceSegment, isArray: true, description: '同时满足的人群条件' })
  @IsArray({ message: '请选择人群' })
  @IsEnum(AudienceSegment, { each: true, message: '人群条件不正确' })
  segments!: AudienceSegment[];

  @ApiPropertyOptional({ default: 60 })
  @IsOptional()
  @IntBetween(50, 100, {
    type: '老人年龄须为整数',
    min: '老人年龄不能小于 50 岁',
    max: '老人年龄不能大于 100 岁',
  })
  elderlyAge?: number;

  @ApiPropertyOptional({ default: 90 })
  @IsOptional()
  @IntBetween(1, 730, {
    type: '新入住天数须为整数',
    min: '新入住天数至少 1 天',
    max: '新入住天数不能超过 730 天',
  })
  newResidentDays?: number;

  @ApiPropertyOptional({ default: 7 })
  @IsOptional()
  @IntBetween(0, 60, {
    type: '生日范围须为整数',
    min: '生日范围不能为负',
    max: '生日范围不能超过 60 天',
  })
  birthdayWindowDays?: number;

  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @IntBetween(0, 365, {
    type: '投诉回避天数须为整数',
    min: '投诉回避天数不能为负',
    max: '投诉回避天数不能超过 365 天',
  })
  complaintWindowDays?: number;
}

class ChannelsBody {
  @ApiProperty() @IsBoolean({ message: '请选择是否发送贺卡' }) card!: boolean;
  @ApiProperty() @IsBoolean({ message: '请选择是否发送微信消息' }) wechat!: boolean;
  @ApiProperty() @IsBoolean({ message: '请选择是否安排上门' }) visit!: boolean;
}

class GiftBody {
  @ApiProperty({ maxLength: 40, example: '月饼礼盒' })
  @TextBetween(1, 40, {
    type: '请填写礼品名称',
    min: '请填写礼品名称',
    max: '礼品名称不能超过 40 个字',
  })
  name!: string;

  @ApiProperty({ example: 120 })
  @IntBetween(1, 100000, {
    type: '库存须为整数',
    min: '库存至少 1 份',
    max: '库存不能超过 100000 份',
  })
  stock!: number;
}

export class CreateCampaignDto implements CreateCampaignRequest {
  @ApiProperty() @IsUUID('all', { message: '请选择小区' }) communityId!: string;

  @ApiProperty({ enum: CareOccasion })
  @IsEnum(CareOccasion, { message: '请选择节日' })
  occasion!: CareOccasion;

  @ApiPropertyOptional({ maxLength: 40 })
  @OptionalString(40, { type: '请填写活动名称', max: '活动名称不能超过 40 个字' })
  title?: string;

  @ApiPropertyOptional({ example: '2026-09-25' })
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  occasionDate?: string;

  @ApiProperty({ type: AudienceSpecBody })
  @ValidateNested()
  @Type(() => AudienceSpecBody)
  audience!: AudienceSpecBody;

  @ApiProperty({ maxLength: 500 })
  @TextBetween(2, 500, {
    type: '请填写祝福语',
    min: '祝福语至少 2 个字',
    max: '祝福语不能超过 500 个字',
  })
  greeting!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalString(500, { type: '图片地址不正确', max: '图片地址太长' })
  imageUrl?: string | null;

  @ApiProperty({ type: ChannelsBody })
  @ValidateNested()
  @Type(() => ChannelsBody)
  channels!: ChannelsBody;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '请填写有效的发送时间' })
  sendAt?: string | null;

  @ApiPropertyOptional({ type: GiftBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => GiftBody)
  gift?: GiftBody | null;
}

export class AudiencePreviewDto implements AudiencePreviewRequest {
  @ApiProperty() @IsUUID('all', { message: '请选择小区' }) communityId!: string;

  @ApiProperty({ type: AudienceSpecBody })
  @ValidateNested()
  @Type(() => AudienceSpecBody)
  audience!: AudienceSpecBody;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  occasionDate?: string;
}

export class SendCampaignDto implements SendCampaignRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '请填写有效的发送时间' })
  sendAt?: string | null;
}

export class ResendSkippedDto implements ResendSkippedRequest {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '请选择住户' })
  @ArrayMaxSize(5000, { message: '一次最多 5000 户' })
  @IsUUID('all', { each: true, message: '住户不正确' })
  recipientIds?: string[];
}

export class GiftActionDto implements GiftActionRequest {
  @ApiProperty({ enum: GiftAction })
  @IsEnum(GiftAction, { message: '请选择发放结果' })
  action!: GiftAction;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalString(200, { type: '备注必须是文字', max: '备注不能超过 200 个字' })
  note?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '照片不正确' })
  @ArrayMaxSize(3, { message: '最多 3 张照片' })
  @IsUUID('all', { each: true, message: '照片不正确' })
  photoIds?: string[];
}

export class CalendarQueryDto {
  @ApiProperty() @IsUUID('all', { message: '请选择小区' }) communityId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IntBetween(2000, 2100, { type: '年份不正确', min: '年份不正确', max: '年份不正确' })
  year?: number;

  @ApiPropertyOptional({ default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IntBetween(0, 90, {
    type: '提醒天数须为整数',
    min: '提醒天数不能为负',
    max: '提醒天数不能超过 90 天',
  })
  reminderDays?: number;
}
