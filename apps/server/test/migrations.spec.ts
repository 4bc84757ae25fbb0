import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { detectMysqlFlavour } from '../src/database/mysql-flavour';
import { Company } from '../src/modules/org/entities/company.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { TicketCategory } from '../src/modules/categories/entities/ticket-category.entity';
import { ApiRoutes, DemoPersona, TicketAction } from '@linli/contracts';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const driverName = useMysql ? 'MySQL/MariaDB' : 'SQLite';

/**
 * Walking every migration down and up is DDL, slow on MariaDB (each statement commits), and longer with
 * every migration; under a full parallel run it outgrew Jest's default 5 s (the projects' testTimeout
 * does not apply when Jest runs from the root config). These tests say how long they may take.
 */
const MIGRATION_WALK_MS = 60_000;

async function openDataSource(db: TestDatabase, migrationsRun: boolean): Promise<DataSource> {
  const flavour = db.config.type === 'mysql' ? await detectMysqlFlavour(db.config) : undefined;
  return new DataSource({
    ...dataSourceOptions(db.config, flavour),
    migrationsRun,
    logging: false,
  }).initialize();
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
      expect((await ds.query('SELECT COUNT(*) AS n FROM migrations'))[0].n).toEqual(
        useMysql ? String(MIGRATIONS.length) : MIGRATIONS.length,
      );
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

  it(
    'can all be reverted, and applied again',
    async () => {
      const ds = await openDataSource(db, true);
      try {
        // TypeORM wraps an undo in a transaction unless told 'none' (it ignores a migration's own `transaction = false` there).
        for (let i = 0; i < MIGRATIONS.length; i++)
          await ds.undoLastMigration({ transaction: 'none' });
        const runner = ds.createQueryRunner();
        const left = [];
        for (const { tableName } of ds.entityMetadatas)
          if (await runner.hasTable(tableName)) left.push(tableName);
        await runner.release();
        expect(ds.entityMetadatas.length).toBeGreaterThan(10);
        expect(left).toEqual([]);
        expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
        expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      } finally {
        await ds.destroy();
      }
    },
    MIGRATION_WALK_MS,
  );

  it('have timestamped names that say what they do', () => {
    for (const migration of MIGRATIONS) expect(migration.name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
  });
});

/** The latest migration that rebuilds tables on SQLite (enum and column changes): the user table, for the guard role. */
const REBUILDING = 'AddGuardRole1795358220000';

describe(`a migration that rebuilds a table on ${driverName}`, () => {
  it(
    'keeps every row that references the rebuilt tables (SQLite rebuilds them with foreign keys off)',
    async () => {
      const db = await createTestDatabase();
      try {
        const t = await createTestApp({ database: db });
        const resident = (await loginPersona(t, DemoPersona.Resident)).token;
        const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
        const ticket = await submitTicket(t, resident, {
          categoryCode: 'water_leak',
          description: '厨房漏水',
        });
        await t
          .http()
          .post(ApiRoutes.ticketActions(ticket.id))
          .set(bearer(assistant))
          .send({ action: TicketAction.Accept, version: ticket.version })
          .expect(200);
        await t.close();

        const ds = await openDataSource(db, false);
        try {
          const tables = [
            'ticket',
            'ticket_event',
            'ticket_milestone',
            'notification',
            'household_member',
            'assistant_building',
            'user',
          ];
          const counts = async () =>
            Promise.all(
              tables.map(async (name) =>
                Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${name}\``))[0].n),
              ),
            );
          // Back before the latest migration that rebuilds tables on SQLite (undo: 'none', see above)…
          const later = MIGRATIONS.length - 1 - MIGRATIONS.findIndex((m) => m.name === REBUILDING);
          for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'none' });
          // …which, being the guard role, refuses while someone is a guard (it does not delete people).
          await expect(ds.undoLastMigration({ transaction: 'none' })).rejects.toThrow(
            /still have the role 'guard'/,
          );
          await ds.query("DELETE FROM `user` WHERE role = 'guard'");
          const before = await counts();
          expect(before.every((n) => n > 0)).toBe(true);
          await ds.undoLastMigration({ transaction: 'none' });
          expect(await counts()).toEqual(before);
          await expect(
            ds.query("UPDATE `user` SET role = 'guard' WHERE role = 'admin'"),
          ).rejects.toThrow();
          expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(1 + later); // …and forward again
          expect(await counts()).toEqual(before);
          await ds.query(`UPDATE ticket SET status = 'forwarded' WHERE id = ?`, [ticket.id]);
          expect(
            (await ds.query(`SELECT status FROM ticket WHERE id = ?`, [ticket.id]))[0].status,
          ).toBe('forwarded');
          await expect(
            ds.query(`UPDATE ticket SET status = 'lost' WHERE id = ?`, [ticket.id]),
          ).rejects.toThrow();
          await ds.query("UPDATE `user` SET role = 'guard' WHERE role = 'admin'");
          expect(
            Number((await ds.query("SELECT COUNT(*) AS n FROM `user` WHERE role = 'guard'"))[0].n),
          ).toBe(1);
          await ds.query("UPDATE `user` SET role = 'admin' WHERE role = 'guard'");
          expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
          if (!useMysql) {
            // Wrapped in one outer transaction, SQLite would ignore the foreign_keys PRAGMA: the migration refuses.
            for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'none' });
            await expect(ds.undoLastMigration({ transaction: 'all' })).rejects.toThrow(
              /must run outside a transaction/,
            );
            expect(await counts()).toEqual(before);
          }
        } finally {
          await ds.destroy();
        }
      } finally {
        await db.drop();
      }
    },
    MIGRATION_WALK_MS,
  );
});

/** The last migration of the released schema: a production database is at this point or later. */
const RELEASED = 'CreateHouseholdFile1795357560000';

describe(`upgrading a database of the released schema on ${driverName}`, () => {
  it(
    'keeps every ticket, event, milestone and notification through every later migration, down and up',
    async () => {
      const db = await createTestDatabase();
      try {
        const t = await createTestApp({ database: db });
        const resident = (await loginPersona(t, DemoPersona.Resident)).token;
        const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
        const ticket = await submitTicket(t, resident, {
          categoryCode: 'water_leak',
          description: '厨房漏水',
        });
        await t
          .http()
          .post(ApiRoutes.ticketActions(ticket.id))
          .set(bearer(assistant))
          .send({ action: TicketAction.Accept, version: ticket.version })
          .expect(200);
        await t.close();

        const ds = await openDataSource(db, false);
        try {
          const tables = [
            'ticket',
            'ticket_event',
            'ticket_milestone',
            'notification',
            'household_member',
            'user',
          ];
          const counts = async () =>
            Promise.all(
              tables.map(async (name) =>
                Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${name}\``))[0].n),
              ),
            );
          // A database of the released schema has no gate guards (the role came later, and reverting it keeps people): drop the seed's demo guard.
          await ds.query("DELETE FROM `user` WHERE role = 'guard'");
          const before = await counts();
          expect(before.every((n) => n > 0)).toBe(true);
          const later = MIGRATIONS.length - 1 - MIGRATIONS.findIndex((m) => m.name === RELEASED);
          expect(later).toBeGreaterThan(0);
          for (let i = 0; i < later; i++) {
            await ds.undoLastMigration({ transaction: 'none' });
            expect([i, await counts()]).toEqual([i, before]);
          }
          // As the server does at boot: each pending migration in its own transaction (or none, where it says so).
          expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(later);
          expect(await counts()).toEqual(before);
          expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
        } finally {
          await ds.destroy();
        }
      } finally {
        await db.drop();
      }
    },
    MIGRATION_WALK_MS,
  );
});

describe(`seed on ${driverName}`, () => {
  it('fills an empty database once; a second start adds nothing', async () => {
    const db = await createTestDatabase();
    try {
      const first = await createTestApp({ database: db });
      const count = async (ds: DataSource) => [
        await ds.getRepository(Company).count(),
        await ds.getRepository(User).count(),
        await ds.getRepository(TicketCategory).count(),
      ];
      const afterFirst = await count(first.dataSource);
      await first.close();
      expect(afterFirst).toEqual([1, 7, 19]);
      const second = await createTestApp({ database: db });
      expect(await count(second.dataSource)).toEqual(afterFirst);
      await second.close();
    } finally {
      await db.drop();
    }
  });
});
