import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import { CloseOutageRequest, CreateOutageRequest, OutageKindName } from '@linli/contracts';
import { BuildingIds, OptionalString, TextBetween } from '../../../common/validation/dto-fields';

export class CreateOutageDto implements CreateOutageRequest {
  @ApiProperty({ enum: ['water', 'power'] })
  @IsIn(['water', 'power'], { message: '请选择停水或停电' })
  kind!: OutageKindName;

  @ApiProperty({ maxLength: 60, example: '二次供水水箱清洗' })
  @TextBetween(2, 60, { type: '请填写标题', min: '标题至少 2 个字', max: '标题不能超过 60 个字' })
  title!: string;

  @ApiProperty({ maxLength: 500, example: '请提前储水，恢复供水初期水质可能浑浊，放水片刻即可。' })
  @IsString({ message: '请填写通知内容' })
  @MaxLength(500, { message: '通知内容不能超过 500 个字' })
  body!: string;

  @ApiProperty({ type: [String], description: '涉及的楼栋；空表示全小区' })
  @BuildingIds()
  buildingIds!: string[];

  @ApiProperty({ example: '2026-11-24T01:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的开始时间' })
  startsAt!: string;

  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的结束时间' })
  endsAt!: string;
}

export class CloseOutageDto implements CloseOutageRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalString(200, { type: '说明必须是文字', max: '说明不能超过 200 个字' })
  note?: string;
}
