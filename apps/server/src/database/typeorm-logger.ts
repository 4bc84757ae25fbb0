import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * TypeORM's messages in the server's structured log. Query parameters are left out: they carry what
 * residents wrote. Failed queries are warnings: some are expected (a duplicate idempotency key under
 * concurrent submission is caught and answered); unexpected ones also reach the exception filter,
 * which logs them as errors.
 */
export class TypeOrmNestLogger extends AbstractLogger {
  private readonly logger = new NestLogger('Database');

  constructor() {
    super(['error', 'warn', 'migration']);
  }

  protected writeLog(
    level: LogLevel,
    message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {
    const messages = Array.isArray(message) ? message : [message];
    const text = messages
      .map((m) =>
        typeof m === 'object'
          ? `${m.prefix ? `${m.prefix}: ` : ''}${String(m.message)}`
          : String(m),
      )
      .join(' | ');
    if (level === 'warn' || level === 'error') this.logger.warn(text);
    else this.logger.log(text);
  }
}
