import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ErrorCode, UPLOAD_FIELD, UPLOAD_MAX_BYTES } from '@linli/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { AppException } from '../../common/errors/app-exception';

const receiveOne = multer({ storage: multer.memoryStorage(), limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5 } }).single(UPLOAD_FIELD);

/** Receives one image in the multipart field `file`, at most UPLOAD_MAX_BYTES, mapping multer's errors to our codes. */
@Injectable()
export class ImageUploadInterceptor implements NestInterceptor {
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
      return new AppException(ErrorCode.UPLOAD_TOO_LARGE);
    case 'LIMIT_FILE_COUNT':
      return new AppException(ErrorCode.UPLOAD_TOO_MANY, '每次只能上传一张图片');
    case 'LIMIT_UNEXPECTED_FILE':
      return err.field === UPLOAD_FIELD
        ? new AppException(ErrorCode.UPLOAD_TOO_MANY, '每次只能上传一张图片')
        : new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: err.field ?? 'file', message: `图片请放在 ${UPLOAD_FIELD} 字段` }]);
    default:
      return new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
  }
}
