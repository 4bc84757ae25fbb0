import { DataSource } from 'typeorm';
import { DemoPersona, TicketAction } from '@linli/contracts';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { detectMysqlFlavour } from '../src/database/mysql-flavour';
import { TicketEvent } from '../src/modules/tickets/entities/ticket-event.entity';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { submitTicket } from './support/builders';
import { loginPersona } from './support/login';
import { createTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const driverName = useMysql ? 'MySQL/MariaDB' : 'SQLite';
const WALK_MS = 60_000;

async function openDataSource(db: TestDatabase): Promise<DataSource> {
  const flavour = db.config.type === 'mysql' ? await detectMysqlFlavour(db.config) : undefined;
  return new DataSource({ ...dataSourceOptions(db.config, flavour), logging: false }).initialize();
}

/**
 * Issue #17: a ticket event's action and a message's kind are varchar(40) checked by the entity, so a
 * new action is a code change, not a migration that re-lists the whole enum.
 */
describe(`growing codes on ${driverName}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let ticketId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const t = await createTestApp({ database: db });
    const resident = (await loginPersona(t, DemoPersona.Resident)).token;
    ticketId = (
      await submitTicket(t, resident, { categoryCode: 'water_leak', description: '厨房漏水' })
    ).id;
    await t.close();
    ds = await openDataSource(db);
  }, WALK_MS);
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('the database takes a value no migration listed (the column is no longer an enum)', async () => {
    const [event] = await ds.getRepository(TicketEvent).find({ where: { ticketId }, take: 1 });
    await ds.query('UPDATE ticket_event SET action = ? WHERE id = ?', [
      'a_future_action',
      event.id,
    ]);
    const [row] = await ds.query('SELECT action FROM ticket_event WHERE id = ?', [event.id]);
    expect(row.action).toBe('a_future_action');
    await ds.query('UPDATE ticket_event SET action = ? WHERE id = ?', [
      TicketAction.Submit,
      event.id,
    ]);
  });

  it('the entity still refuses a code the contracts do not know, before it reaches the database', async () => {
    const repo = ds.getRepository(TicketEvent);
    const [event] = await repo.find({ where: { ticketId }, take: 1 });
    await expect(
      repo.update({ id: event.id }, { action: 'not_an_action' as TicketAction }),
    ).rejects.toThrow(/ticket_event\.action: 'not_an_action' is not one of its codes/);
    expect((await repo.findOneByOrFail({ id: event.id })).action).toBe(event.action);
    await expect(
      ds.getRepository(Notification).update({ ticketId }, { kind: 'fax' as never }),
    ).rejects.toThrow(/notification\.kind: 'fax' is not one of its codes/);
    // Known codes pass, in finds as in writes.
    expect(await repo.count({ where: { ticketId, action: TicketAction.Submit } })).toBe(1);
  });

  it(
    'reverting refuses while a row holds a code the old enum does not know, and keeps the row',
    async () => {
      const [event] = await ds.getRepository(TicketEvent).find({ where: { ticketId }, take: 1 });
      await ds.query('UPDATE ticket_event SET action = ? WHERE id = ?', [
        'a_future_action',
        event.id,
      ]);
      expect(MIGRATIONS[MIGRATIONS.length - 1].name).toBe('GrowingEnumsAsVarchar1795450000000');
      await expect(ds.undoLastMigration({ transaction: 'none' })).rejects.toThrow(
        /1 rows of ticket_event\.action have values this schema's enum does not know/,
      );
      const [row] = await ds.query('SELECT action FROM ticket_event WHERE id = ?', [event.id]);
      expect(row.action).toBe('a_future_action');
      // Once the row is set right, the way back works and the enum refuses unknown values again.
      await ds.query('UPDATE ticket_event SET action = ? WHERE id = ?', [
        TicketAction.Submit,
        event.id,
      ]);
      await ds.undoLastMigration({ transaction: 'none' });
      await expect(
        ds.query('UPDATE ticket_event SET action = ? WHERE id = ?', ['a_future_action', event.id]),
      ).rejects.toThrow();
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(1);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    },
    WALK_MS,
  );
});
