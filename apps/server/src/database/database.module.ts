import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { detectMysqlFlavour } from './mysql-flavour';
import {
  REPORTING_DATA_SOURCE,
  ReportingDataSourceCloser,
  reportingDataSourceProvider,
} from './reporting-data-source';
import { DemoSeeder } from './seed/demo-seeder';
import { UnitOfWork } from './unit-of-work';

/** The database connection; migrations run as it opens, then the seed fills an empty database. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const flavour =
          config.database.type === 'mysql' ? await detectMysqlFlavour(config.database) : undefined;
        return {
          ...dataSourceOptions(config.database, flavour),
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [UnitOfWork, DemoSeeder, reportingDataSourceProvider, ReportingDataSourceCloser],
  exports: [UnitOfWork, REPORTING_DATA_SOURCE],
})
export class DatabaseModule {}
