import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ClassifyTicketRequest } from '@linli/contracts';

export class ClassifyTicketDto implements ClassifyTicketRequest {
  @ApiProperty({ description: '工单当前版本（乐观锁）' })
  @IsInt({ message: '缺少工单版本' })
  @Min(1, { message: '缺少工单版本' })
  version!: number;

  @ApiProperty({ description: '紧急' })
  @IsBoolean({ message: '请选择是否紧急' })
  urgent!: boolean;

  @ApiProperty({ description: '严重' })
  @IsBoolean({ message: '请选择是否严重' })
  serious!: boolean;

  @ApiPropertyOptional({ description: '说明', maxLength: 200 })
  @IsOptional()
  @IsString({ message: '说明必须是文字' })
  @MaxLength(200, { message: '说明不能超过 200 个字' })
  note?: string;
}
