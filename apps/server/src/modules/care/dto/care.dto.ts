import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AudienceSpecBody implements AudienceSpecDto {
  @ApiProperty({ type: [String], description: '选定的楼栋；空表示全小区' })
  @IsArray({ message: '请选择楼栋' })
  @ArrayMaxSize(200, { message: '楼栋太多' })
  @IsUUID('all', { each: true, message: '请选择本小区的楼栋' })
  buildingIds!: string[];

  @ApiProperty({ enum: AudienceSegment, isArray: true, description: '同时满足的人群条件' })
  @IsArray({ message: '请选择人群' })
  @IsEnum(AudienceSegment, { each: true, message: '人群条件不正确' })
  segments!: AudienceSegment[];

  @ApiPropertyOptional({ default: 60 })
  @IsOptional()
  @IsInt({ message: '老人年龄须为整数' })
  @Min(50, { message: '老人年龄不能小于 50 岁' })
  @Max(100, { message: '老人年龄不能大于 100 岁' })
  elderlyAge?: number;

  @ApiPropertyOptional({ default: 90 })
  @IsOptional()
  @IsInt({ message: '新入住天数须为整数' })
  @Min(1, { message: '新入住天数至少 1 天' })
  @Max(730, { message: '新入住天数不能超过 730 天' })
  newResidentDays?: number;

  @ApiPropertyOptional({ default: 7 })
  @IsOptional()
  @IsInt({ message: '生日范围须为整数' })
  @Min(0, { message: '生日范围不能为负' })
  @Max(60, { message: '生日范围不能超过 60 天' })
  birthdayWindowDays?: number;

  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @IsInt({ message: '投诉回避天数须为整数' })
  @Min(0, { message: '投诉回避天数不能为负' })
  @Max(365, { message: '投诉回避天数不能超过 365 天' })
  complaintWindowDays?: number;
}

class ChannelsBody {
  @ApiProperty() @IsBoolean({ message: '请选择是否发送贺卡' }) card!: boolean;
  @ApiProperty() @IsBoolean({ message: '请选择是否发送微信消息' }) wechat!: boolean;
  @ApiProperty() @IsBoolean({ message: '请选择是否安排上门' }) visit!: boolean;
}

class GiftBody {
  @ApiProperty({ maxLength: 40, example: '月饼礼盒' })
  @IsString({ message: '请填写礼品名称' })
  @MinLength(1, { message: '请填写礼品名称' })
  @MaxLength(40, { message: '礼品名称不能超过 40 个字' })
  name!: string;

  @ApiProperty({ example: 120 })
  @IsInt({ message: '库存须为整数' })
  @Min(1, { message: '库存至少 1 份' })
  @Max(100000, { message: '库存不能超过 100000 份' })
  stock!: number;
}

export class CreateCampaignDto implements CreateCampaignRequest {
  @ApiProperty() @IsUUID('all', { message: '请选择小区' }) communityId!: string;

  @ApiProperty({ enum: CareOccasion })
  @IsEnum(CareOccasion, { message: '请选择节日' })
  occasion!: CareOccasion;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString({ message: '请填写活动名称' })
  @MaxLength(40, { message: '活动名称不能超过 40 个字' })
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
  @IsString({ message: '请填写祝福语' })
  @MinLength(2, { message: '祝福语至少 2 个字' })
  @MaxLength(500, { message: '祝福语不能超过 500 个字' })
  greeting!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: '图片地址不正确' })
  @MaxLength(500, { message: '图片地址太长' })
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
  @IsOptional()
  @IsString({ message: '备注必须是文字' })
  @MaxLength(200, { message: '备注不能超过 200 个字' })
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
  @IsInt({ message: '年份不正确' })
  @Min(2000, { message: '年份不正确' })
  @Max(2100, { message: '年份不正确' })
  year?: number;

  @ApiPropertyOptional({ default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '提醒天数须为整数' })
  @Min(0, { message: '提醒天数不能为负' })
  @Max(90, { message: '提醒天数不能超过 90 天' })
  reminderDays?: number;
}
