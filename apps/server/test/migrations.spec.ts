import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { detectMysqlFlavour } from '../src/database/mysql-flavour';
import { Company } from '../src/modules/org/entities/company.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { TicketCategory } from '../src/modules/categories/entities/ticket-category.entity';
import { createTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const driverName = useMysql ? 'MySQL/MariaDB' : 'SQLite';

async function openDataSource(db: TestDatabase, migrationsRun: boolean): Promise<DataSource> {
  const flavour = db.config.type === 'mysql' ? await detectMysqlFlavour(db.config) : undefined;
  return new DataSource({ ...dataSourceOptions(db.config, flavour), migrationsRun, logging: false }).initialize();
}

describe(`migrations on ${driverName}`, () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  it('bring a fresh database exactly to what the entities describe', async () => {
    const ds = await openDataSource(db, true);
    try {
      expect((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n).toEqual(useMysql ? String(MIGRATIONS.length) : MIGRATIONS.length);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('would notice an entity the migrations do not create (the check can fail)', async () => {
    const ds = await openDataSource(db, false);
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.length).toBeGreaterThan(0);
    } finally {
      await ds.destroy();
    }
  });

  it('can all be reverted, and applied again', async () => {
    const ds = await openDataSource(db, true);
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const runner = ds.createQueryRunner();
      const left = [];
      for (const { tableName } of ds.entityMetadatas) if (await runner.hasTable(tableName)) left.push(tableName);
      await runner.release();
      expect(ds.entityMetadatas.length).toBeGreaterThan(10);
      expect(left).toEqual([]);
      expect(await ds.runMigrations()).toHaveLength(MIGRATIONS.length);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('have timestamped names that say what they do', () => {
    for (const migration of MIGRATIONS) expect(migration.name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
  });
});

describe(`seed on ${driverName}`, () => {
  it('fills an empty database once; a second start adds nothing', async () => {
    const db = await createTestDatabase();
    try {
      const first = await createTestApp({ database: db });
      const count = async (ds: DataSource) => [await ds.getRepository(Company).count(), await ds.getRepository(User).count(), await ds.getRepository(TicketCategory).count()];
      const afterFirst = await count(first.dataSource);
      await first.close();
      expect(afterFirst).toEqual([1, 5, 16]);
      const second = await createTestApp({ database: db });
      expect(await count(second.dataSource)).toEqual(afterFirst);
      await second.close();
    } finally {
      await db.drop();
    }
  });
});
