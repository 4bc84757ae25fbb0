import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CallbackChannel,
  CallbackOutcome,
  RateTicketRequest,
  RatingAddendumRequest,
  RecordCallbackRequest,
  RunCallbackSampleRequest,
  Satisfaction,
} from '@linli/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OptionalString } from '../../../common/validation/dto-fields';

const stars = (label: string) => [
  IsInt({ message: `${label}评分须为 1–5 星` }),
  Min(1, { message: `${label}评分须为 1–5 星` }),
  Max(5, { message: `${label}评分须为 1–5 星` }),
];
const Stars =
  (label: string): PropertyDecorator =>
  (target, key) =>
    stars(label).forEach((d) => d(target, key));

export class RateTicketDto implements RateTicketRequest {
  @ApiProperty({ description: '客户端看到的工单版本' })
  @IsInt({ message: '工单版本必须是整数' })
  @Min(1, { message: '工单版本必须是正整数' })
  version!: number;

  @ApiProperty({ enum: Satisfaction })
  @IsEnum(Satisfaction, { message: '请选择满意、基本满意或不满意' })
  overall!: Satisfaction;

  @ApiProperty({ minimum: 1, maximum: 5 }) @Stars('响应速度') speed!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Stars('服务态度') attitude!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Stars('处理质量') quality!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: '标签格式不正确' })
  @ArrayMaxSize(8, { message: '最多选择 8 个标签' })
  @IsString({ each: true, message: '标签格式不正确' })
  @MaxLength(10, { each: true, message: '标签不能超过 10 个字' })
  tags?: string[];

  @ApiPropertyOptional()
  @OptionalString(500, { type: '评价内容必须是文本', max: '评价内容不能超过 500 个字' })
  comment?: string;
}

export class RatingAddendumDto implements RatingAddendumRequest {
  @ApiProperty()
  @IsString({ message: '追加评价必须是文本' })
  @IsNotEmpty({ message: '请填写追加评价' })
  @MaxLength(500, { message: '追加评价不能超过 500 个字' })
  text!: string;
}

export class RecordCallbackDto implements RecordCallbackRequest {
  @ApiProperty({ enum: CallbackOutcome })
  @IsEnum(CallbackOutcome, { message: '请选择回访结果' })
  outcome!: CallbackOutcome;

  @ApiProperty({ enum: CallbackChannel })
  @IsEnum(CallbackChannel, { message: '请选择回访方式' })
  channel!: CallbackChannel;

  @ApiPropertyOptional({ description: '住户原话（联系上时必填）' })
  @OptionalString(500, { type: '住户意见必须是文本', max: '住户意见不能超过 500 个字' })
  residentWords?: string;

  @ApiPropertyOptional({ description: '上门回访：住户签字图片（先上传）' })
  @IsOptional()
  @IsUUID('all', { message: '签字图片 id 格式不正确' })
  signatureId?: string;
}

export class RunCallbackSampleDto implements RunCallbackSampleRequest {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  month?: string;
}

export class CoverageQueryDto {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  month?: string;
}
