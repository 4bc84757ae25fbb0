import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode, HouseholdImportReportDto, HouseholdSheetFormat, Role } from '@linli/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { SHEET_MIME } from './household-sheet.codec';
import { HouseholdSheets, SheetFile } from './household-sheet.service';
import { SheetUploadInterceptor } from './sheet-upload.interceptor';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

const FORMAT_QUERY = {
  name: 'format',
  required: false,
  enum: ['xlsx', 'csv'],
  description: 'xlsx (default) or csv (UTF-8 with BOM)',
};

/** The household sheet of a community (住户资料导入导出): for its supervisor and the company's admins. */
@ApiTags('households')
@ApiBearerAuth()
@Controller('communities/:communityId/household-sheet')
export class HouseholdSheetController {
  constructor(private readonly sheets: HouseholdSheets) {}

  @Implements(Endpoints.api.householdSheetTemplate)
  @Get('template')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiQuery(FORMAT_QUERY)
  @ApiOperation({ summary: 'The import template: the Chinese header row and one example row' })
  async template(
    @CurrentUser() user: AuthUser,
    @Param('communityId') communityId: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.sheets.template(user, communityId, parseFormat(format)));
  }

  @Implements(Endpoints.api.householdSheetExport)
  @Get('export')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiQuery(FORMAT_QUERY)
  @ApiOperation({
    summary:
      "Every room of the community and its household's members, in the import's columns (each household's read audit records the export)",
  })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('communityId') communityId: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.sheets.export(user, communityId, parseFormat(format)));
  }

  @Implements(Endpoints.api.importHouseholdSheet)
  @Post('import')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Admin)
  @UseInterceptors(SheetUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary:
      'Import rooms, households and members from an .xlsx or .csv sheet: all rows or none (422 HOUSEHOLD_IMPORT_REJECTED lists every bad row)',
  })
  import(
    @CurrentUser() user: AuthUser,
    @Param('communityId') communityId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<HouseholdImportReportDto> {
    if (!file || file.size === 0)
      throw new AppException(ErrorCode.UPLOAD_MISSING, '请选择要导入的表格文件（.xlsx 或 .csv）');
    return this.sheets.import(user, communityId, file.buffer);
  }
}

function parseFormat(format: string | undefined): HouseholdSheetFormat {
  if (format === undefined || format === '' || format === 'xlsx') return 'xlsx';
  if (format === 'csv') return 'csv';
  throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
    { field: 'format', message: '格式只能是 xlsx 或 csv' },
  ]);
}

function download(res: Response, file: SheetFile): StreamableFile {
  // RFC 6266: an ASCII fallback name, and the Chinese one for browsers and WeChat.
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="household-sheet.${file.format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.data, { type: SHEET_MIME[file.format], length: file.data.length });
}
