import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { lifecycle } from './common/lifecycle/draining';
import { configureApp } from './configure-app';
import { connectDemoPush } from './modules/wechat/demo-push';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', context: 'Config', message: err.message, problems: err.problems })}\n`,
    );
    process.exit(1);
  }
  const app = await NestFactory.create(AppModule.register(config), {
    logger: new ConsoleLogger({ json: true }),
    routeResolutionStrategy: 'specificity',
  });
  // Graceful shutdown (docs/deployment.md): on SIGTERM readiness turns 503, the job loops start no new
  // round and finish (or hand back) what they hold, the HTTP server stops accepting and lets in-flight
  // requests finish, the database closes, and the process exits 0. Bounded: after
  // LINLI_SHUTDOWN_TIMEOUT_MS it exits 1 whatever is still running.
  app.use(
    (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
      if (lifecycle.draining) res.setHeader('Connection', 'close');
      next();
    },
  );
  configureApp(app, config);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      lifecycle.draining = true;
      new Logger('Linli').log(`${signal}: shutting down (at most ${config.shutdownTimeoutMs} ms)`);
      setTimeout(() => {
        process.stderr.write(
          `${JSON.stringify({ level: 'error', context: 'Linli', message: `shutdown took longer than ${config.shutdownTimeoutMs} ms: exiting anyway` })}\n`,
        );
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
    });
  }
  await app.listen(config.port);
  connectDemoPush(app, config);
  if (config.demoInProduction) {
    new Logger('Linli').warn(
      'DEMO MODE IN PRODUCTION (LINLI_DEMO=1): demo personas can log in, the test clock is open and tokens may be signed with the public development secret. Never use this with real residents.',
    );
  }
  const mode = config.productionMode ? 'production' : config.demoMode ? 'demo' : 'development';
  new Logger('Linli').log(
    `listening on port ${config.port} (${mode} mode, ${config.database.type} database)`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', context: 'Linli', message: 'failed to start', error: String((err as Error)?.stack ?? err) })}\n`,
  );
  process.exit(1);
});
