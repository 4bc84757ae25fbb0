import { IsPhone } from '../../../common/validation/is-phone';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Channel,
  CreateTicketOnBehalfRequest,
  CreateTicketRequest,
  MAX_DESCRIPTION_LENGTH,
  MAX_TICKET_PHOTOS,
  STAFF_CHANNELS,
} from '@linli/contracts';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { trim } from '../../../common/validation/dto-fields';

export class CreateTicketDto implements CreateTicketRequest {
  @ApiProperty({ example: 'water_leak' })
  @IsString({ message: '请选择报事类别' })
  @Length(1, 32, { message: '请选择报事类别' })
  categoryCode!: string;

  @ApiProperty({ maxLength: MAX_DESCRIPTION_LENGTH, example: '厨房水管漏水了' })
  @Transform(trim)
  @IsString({ message: '请描述遇到的问题' })
  @Length(1, MAX_DESCRIPTION_LENGTH, {
    message: `问题描述需要 1 到 ${MAX_DESCRIPTION_LENGTH} 个字`,
  })
  description!: string;

  @ApiProperty({
    type: [String],
    description: `POST /api/uploads 返回的图片 id，最多 ${MAX_TICKET_PHOTOS} 张`,
  })
  @IsArray({ message: '图片列表格式不正确' })
  @IsUUID('all', { each: true, message: '图片 id 格式不正确' })
  photoIds!: string[];

  @ApiProperty({ description: '客户端生成的幂等键：重复提交同一个键只会创建一张工单' })
  @IsString({ message: '缺少提交编号' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: '提交编号需为 8 到 64 位字母、数字、- 或 _' })
  idempotencyKey!: string;

  @ApiPropertyOptional({ description: '希望上门的时间（ISO-8601）' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '上门时间格式不正确' })
  preferredVisitAt?: string;
}

export class CreateTicketOnBehalfDto
  extends CreateTicketDto
  implements CreateTicketOnBehalfRequest
{
  @ApiProperty({ description: '报事房屋的档案 id（楼栋 → 房屋中选择）' })
  @IsUUID('all', { message: '请选择房屋' })
  householdId!: string;

  @ApiProperty({ enum: STAFF_CHANNELS, description: '受理渠道：热线、来访、巡查或微信客服' })
  @IsIn(STAFF_CHANNELS, { message: '请选择受理渠道（热线、来访、巡查或微信客服）' })
  channel!: Channel;

  @ApiProperty({ example: '王女士' })
  @Transform(trim)
  @IsString({ message: '请填写联系人' })
  @Length(1, 50, { message: '联系人需要 1 到 50 个字' })
  contactName!: string;

  @ApiProperty({ example: '13800000001' })
  @Transform(trim)
  @IsString({ message: '请填写联系电话' })
  @IsPhone('contact', { message: '联系电话格式不正确（手机号或带区号的固定电话）' })
  contactPhone!: string;
}
