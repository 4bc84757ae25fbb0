import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ApiError, ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import type { Response } from 'express';
import { AppException } from './app-exception';
import { isDatabaseUnavailable } from './database-unavailable';
import { errorCodeForStatus, httpStatusFor } from './http-status';

/**
 * Every error leaves the server as ApiError `{ code, message, fields? }` with a Chinese message.
 * Unexpected errors are logged with their stack and answered with INTERNAL; the stack never leaves.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    const status = httpStatusFor(body.code);
    if (body.code === ErrorCode.DATABASE_UNAVAILABLE) {
      // Expected while the database restarts or fails over: one line, no stack (the pool reconnects by itself).
      const req = host.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
      this.logger.warn(
        `${req.method} ${req.originalUrl?.split('?')[0]}: database unavailable (${describe(exception)})`,
      );
    } else if (status >= 500 && !(exception instanceof AppException)) {
      // Unexpected: the stack goes to the log, never to the client.
      const req = host.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
      this.logger.error(
        `${req.method} ${req.originalUrl?.split('?')[0]} failed: ${describe(exception)}`,
        (exception as Error)?.stack,
      );
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof AppException) {
      return {
        code: exception.code,
        message: exception.message,
        ...(exception.fields ? { fields: exception.fields } : {}),
        ...(exception.rejected ? { rejected: exception.rejected } : {}),
        ...(exception.releaseSlip ? { releaseSlip: exception.releaseSlip } : {}),
      };
    }
    if (isDatabaseUnavailable(exception))
      return {
        code: ErrorCode.DATABASE_UNAVAILABLE,
        message: ERROR_MESSAGES[ErrorCode.DATABASE_UNAVAILABLE],
      };
    const cause =
      exception instanceof HttpException ? (exception as { cause?: unknown }).cause : undefined;
    if (isBodyParserError(cause) && cause.type === 'entity.too.deep')
      return { code: ErrorCode.VALIDATION_FAILED, message: '提交的内容层级太深' };
    if (isBodyParserError(cause) && cause.type === 'entity.bad.text')
      return { code: ErrorCode.VALIDATION_FAILED, message: '提交的内容含有无效字符' };
    if (exception instanceof HttpException) {
      const code = errorCodeForStatus(exception.getStatus());
      if (exception.getStatus() === HttpStatus.BAD_REQUEST && isBodyParseError(exception)) {
        return { code, message: '请求内容不是有效的 JSON' };
      }
      if (exception.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE)
        return {
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: ERROR_MESSAGES[ErrorCode.PAYLOAD_TOO_LARGE],
        };
      return { code, message: ERROR_MESSAGES[code] };
    }
    if (isBodyParserError(exception)) {
      if (exception.status === 413)
        return {
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: ERROR_MESSAGES[ErrorCode.PAYLOAD_TOO_LARGE],
        };
      if (exception.type === 'entity.too.deep')
        return { code: ErrorCode.VALIDATION_FAILED, message: '提交的内容层级太深' };
      return { code: ErrorCode.VALIDATION_FAILED, message: '请求内容不是有效的 JSON' };
    }
    return { code: ErrorCode.INTERNAL, message: ERROR_MESSAGES[ErrorCode.INTERNAL] };
  }
}

function isBodyParseError(exception: HttpException): boolean {
  const cause = (exception as { cause?: unknown }).cause;
  return isBodyParserError(cause) || /JSON/.test(exception.message);
}

/** Errors thrown by body-parser carry `type` (e.g. 'entity.parse.failed') and `status`. */
function isBodyParserError(e: unknown): e is { type: string; status: number } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { type?: unknown }).type === 'string' &&
    String((e as { type: string }).type).startsWith('entity.')
  );
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
