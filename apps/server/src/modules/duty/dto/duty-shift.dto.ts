import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID } from 'class-validator';
import { CreateDutyShiftRequest } from '@linli/contracts';

export class CreateDutyShiftDto implements CreateDutyShiftRequest {
  @ApiProperty()
  @IsUUID('all', { message: '请选择楼栋' })
  buildingId!: string;

  @ApiProperty()
  @IsUUID('all', { message: '请选择礼宾助理' })
  assistantId!: string;

  @ApiProperty({ example: '2026-11-24T00:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的开始时间' })
  startsAt!: string;

  @ApiProperty({ example: '2026-11-24T12:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: '请填写有效的结束时间' })
  endsAt!: string;
}
