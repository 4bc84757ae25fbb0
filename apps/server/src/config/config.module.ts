import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, registerAs } from '@nestjs/config';
import { AppConfig } from './app-config';

/** Injection token for the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The validated settings (loadConfig over the schema in settings.ts) as @nestjs/config's `linli`
 * namespace — ConfigService.get('linli') — and, typed, as APP_CONFIG. The environment is read once, by
 * loadConfig before the application is built (so a wrong setting stops the boot naming it, and two
 * instances in one process each keep their own settings): no .env file, no process.env here.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const linli = registerAs('linli', () => config);
    return {
      module: ConfigModule,
      imports: [
        NestConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [linli],
        }),
      ],
      providers: [{ provide: APP_CONFIG, useFactory: (c: AppConfig) => c, inject: [linli.KEY] }],
      exports: [APP_CONFIG],
    };
  }
}
