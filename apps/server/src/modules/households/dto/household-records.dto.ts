import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CompleteReviewRequest, RecordDocumentRequest } from '@linli/contracts';
import { trim } from '../../../common/validation/dto-fields';

export class RecordDocumentDto implements RecordDocumentRequest {
  @ApiPropertyOptional({ description: '备注，例如“原件存档案柜 A-12”' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '备注必须是文本' })
  @MaxLength(200, { message: '备注不能超过 200 个字' })
  note?: string;

  @ApiPropertyOptional({ type: [String], description: '扫描件或照片（先上传，POST /api/uploads）' })
  @IsOptional()
  @IsArray({ message: '图片列表格式不正确' })
  @ArrayMaxSize(9, { message: '最多只能上传 9 张图片' })
  @IsUUID('all', { each: true, message: '图片 id 格式不正确' })
  photoIds?: string[];
}

export class CompleteReviewDto implements CompleteReviewRequest {
  @ApiPropertyOptional({ description: '复核情况，例如“新增租户一人，联系电话已更新”' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '复核说明必须是文本' })
  @MaxLength(200, { message: '复核说明不能超过 200 个字' })
  note?: string;
}
