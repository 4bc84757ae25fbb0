import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { detectMysqlFlavour } from './mysql-flavour';

/**
 * Where the dashboard and the reports read: the read replicas when DATABASE_REPLICA_URLS names some,
 * else the one database. A replica lags the primary by a moment, which a month's figures tolerate;
 * what a resident or a member of staff just wrote is never read here (tickets, households, the inbox
 * read the primary: read-your-writes), see docs/deployment.md.
 *
 * With replicas this is a second TypeORM DataSource using TypeORM's `replication` with defaultMode
 * 'slave': its reads go to a replica (spread over several), its writes, if any, to the primary; it
 * never runs migrations (the main DataSource does, on the primary, and the replicas replay them).
 */
export const REPORTING_DATA_SOURCE = Symbol('REPORTING_DATA_SOURCE');

export const reportingDataSourceProvider: Provider = {
  provide: REPORTING_DATA_SOURCE,
  inject: [APP_CONFIG, getDataSourceToken()],
  useFactory: async (config: AppConfig, primary: DataSource): Promise<DataSource> => {
    if (config.databaseReplicas.length === 0 || config.database.type !== 'mysql') return primary;
    const flavour = await detectMysqlFlavour(config.database);
    const node = (c: (typeof config.databaseReplicas)[number]) => ({
      host: c.host,
      port: c.port,
      username: c.username,
      password: c.password,
      database: c.database,
    });
    const base = dataSourceOptions(config.database, flavour);
    const reporting = new DataSource({
      ...base,
      migrationsRun: false,
      replication: {
        master: node(config.database),
        slaves: config.databaseReplicas.map(node),
        defaultMode: 'slave',
      },
    } as typeof base);
    return reporting.initialize();
  },
};

/** Closes the replica connections at shutdown (the main DataSource is TypeORM's module's to close). */
@Injectable()
export class ReportingDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(REPORTING_DATA_SOURCE) private readonly reporting: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.reporting !== this.primary && this.reporting.isInitialized)
      await this.reporting.destroy();
  }
}
