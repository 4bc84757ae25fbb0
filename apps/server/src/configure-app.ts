import { INestApplication, Logger } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compressedStatic } from './common/http/compressed-static';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { refuseDeepJson } from './common/http/json-depth';
import { requestLog } from './common/logging/request-log.middleware';
import { createValidationPipe } from './common/validation/validation';
import { AppConfig } from './config/app-config';
import { mountLocalChatProxy } from './modules/wechat/demo-push';

/** Everything about the HTTP application that is not a module: shared by main.ts and the tests' app factory. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const http = app as NestExpressApplication;
  http.disable('x-powered-by');
  // Behind a reverse proxy the client's address (rate limits per address) comes from X-Forwarded-For.
  if (config.trustProxy !== false) http.set('trust proxy', config.trustProxy);
  // Security headers (nosniff, frame and referrer policies…). The CSP is off: the H5 build is served from
  // here and Taro's runtime uses inline styles; everything else is helmet's defaults.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  // WeChat's message push (JSON or XML) is read as text: its signature and 64-bit MsgIds need the raw body.
  // Registered first, so the JSON parser below sees the body already read and leaves it alone.
  app.use('/api/wechat/push', express.text({ type: () => true, limit: '64kb' }));
  // JSON bodies: size (413 PAYLOAD_TOO_LARGE) and nesting (400) bounded before anything walks them.
  // Registered before Nest's own parser, which then sees a jsonParser applied and adds none.
  app.use(
    express.json({
      limit: config.limits.jsonBytes,
      verify: refuseDeepJson(config.limits.jsonDepth),
    }),
  );
  app.use(requestLog);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app, config);
  mountLocalChatProxy(app);
  serveH5(app, config.h5Dir);
}

function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  if (!config.apiDocs) return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Linli 邻里 API')
      .setDescription(
        [
          'Customer service for residential property management. Errors are always `{ code, message, fields? }` (codes in packages/contracts).',
          'Every endpoint states who may call it: a bearer token of the listed roles, or public.',
          config.productionMode
            ? ''
            : 'Demo/test mode: `PUT /api/test-clock` is public (a demo tool to move business time) and `POST /api/auth/demo-login` signs in as a demo persona; neither route exists in production mode.',
        ].join('\n\n'),
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The H5 build of the mini-program at /, with index.html for any other non-API path (client-side routes). */
function serveH5(app: INestApplication, h5Dir: string): void {
  const index = path.join(h5Dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('H5').warn(
      `no H5 build at ${h5Dir}: serving the API only (build it with pnpm build:h5)`,
    );
    return;
  }
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  const compressed = compressedStatic(h5Dir);
  const assets = express.static(h5Dir, { index: 'index.html', fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req) ? next() : compressed(req, res, () => assets(req, res, next)),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
