import { IsPhone } from '../../../common/validation/is-phone';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { MAX_SPECIALITIES, UpdateStaffProfileRequest } from '@linli/contracts';
import { trim } from '../../../common/validation/dto-fields';

const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class UpdateStaffProfileDto implements UpdateStaffProfileRequest {
  @ApiPropertyOptional({
    nullable: true,
    description: '头像（先上传，POST /api/uploads）；null 删除',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: '照片 id 格式不正确' })
  photoId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['水电维修', '老人关怀'] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray({ message: '擅长领域格式不正确' })
  @ArrayMaxSize(MAX_SPECIALITIES, { message: `擅长领域最多 ${MAX_SPECIALITIES} 项` })
  @IsString({ each: true, message: '擅长领域必须是文本' })
  @Length(1, 10, { each: true, message: '每项擅长领域 1 到 10 个字' })
  specialities?: string[];

  @ApiPropertyOptional({ nullable: true, example: '0755-86001234' })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsPhone('service', { message: '服务电话应为手机号、座机（如 0755-86001234）或 400 电话' })
  servicePhone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '自我介绍必须是文本' })
  @MaxLength(200, { message: '自我介绍不能超过 200 个字' })
  intro?: string | null;
}
