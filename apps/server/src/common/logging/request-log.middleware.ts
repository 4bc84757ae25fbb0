import { Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { performance } from 'node:perf_hooks';
import { AuthedRequest } from '../auth/auth-user';

const logger = new Logger('HTTP');

/** One structured log line per request: method, path, status, duration and the signed-in user. */
export function requestLog(req: AuthedRequest, res: Response, next: NextFunction): void {
  const started = performance.now();
  res.on('finish', () => {
    const entry = {
      method: req.method,
      path: req.originalUrl.split('?')[0],
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: req.user?.id ?? null,
    };
    if (res.statusCode >= 500) logger.error('request', entry);
    else logger.log('request', entry);
  });
  next();
}
