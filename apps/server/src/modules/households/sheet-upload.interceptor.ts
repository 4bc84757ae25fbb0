import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ErrorCode, HOUSEHOLD_SHEET_FIELD, HOUSEHOLD_SHEET_MAX_BYTES } from '@linli/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { AppException } from '../../common/errors/app-exception';

const receiveOne = multer({ storage: multer.memoryStorage(), limits: { fileSize: HOUSEHOLD_SHEET_MAX_BYTES, files: 1, fields: 5 } }).single(HOUSEHOLD_SHEET_FIELD);

/** Receives one spreadsheet (.xlsx or .csv) in the multipart field `file`, at most HOUSEHOLD_SHEET_MAX_BYTES. */
@Injectable()
export class SheetUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      receiveOne(http.getRequest<Request>(), http.getResponse<Response>(), (err: unknown) => (err ? reject(toAppException(err)) : resolve())),
    );
    return next.handle();
  }
}

function toAppException(err: unknown): AppException {
  if (!(err instanceof MulterError)) return new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppException(ErrorCode.UPLOAD_TOO_LARGE, `文件太大，不能超过 ${HOUSEHOLD_SHEET_MAX_BYTES / 1024 / 1024}MB，请拆分后分批导入`);
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: err.field ?? HOUSEHOLD_SHEET_FIELD, message: `每次只能导入一个文件，请放在 ${HOUSEHOLD_SHEET_FIELD} 字段` }]);
    default:
      return new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
  }
}
