import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  Type,
  mixin,
} from '@nestjs/common';
import { ErrorCode } from '@linli/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { AppException } from '../errors/app-exception';

/**
 * An interceptor that receives one file in the multipart field `field` (at most `maxBytes`, kept in
 * memory) before the handler runs; multer's refusals become our errors through `refuse`, anything
 * unreadable a plain VALIDATION_FAILED.
 */
export function oneFileUpload(
  field: string,
  maxBytes: number,
  refuse: (err: MulterError) => AppException,
): Type<NestInterceptor> {
  const receive = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5 },
  }).single(field);

  @Injectable()
  class OneFileUpload implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        receive(http.getRequest<Request>(), http.getResponse<Response>(), (err: unknown) =>
          err ? reject(toAppException(err)) : resolve(),
        ),
      );
      return next.handle();
    }
  }

  function toAppException(err: unknown): AppException {
    return err instanceof MulterError
      ? refuse(err)
      : new AppException(ErrorCode.VALIDATION_FAILED, '上传内容格式不正确');
  }

  return mixin(OneFileUpload);
}
