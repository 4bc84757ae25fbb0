import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = ['resident', 'assistant', 'supervisor', 'admin'];
const NEW_ROLES = [...ROLES, 'guard'];

/**
 * The gate guard (保安/门岗) as a user role: one value more in user.role. MySQL/MariaDB changes the ENUM
 * in place; SQLite keeps the values in a CHECK constraint, so the user table is rebuilt with foreign
 * keys off and outside a transaction, then checked (the procedure of TicketExtensions1795357980000):
 * with foreign keys on, dropping the old table would cascade into every row that references a user.
 * Reverting refuses while guards exist, rather than deleting people.
 */
export class AddGuardRole1795358220000 implements MigrationInterface {
  name = 'AddGuardRole1795358220000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return this.setRoles(db, NEW_ROLES);
  }

  async down(db: QueryRunner): Promise<void> {
    const [{ n }] = (await db.query(`SELECT COUNT(*) AS n FROM \`user\` WHERE role = 'guard'`)) as { n: number | string }[];
    if (Number(n) > 0) throw new Error(`${this.name}: ${n} user(s) still have the role 'guard'; delete them or change their role before reverting`);
    await this.setRoles(db, ROLES);
  }

  private async setRoles(db: QueryRunner, roles: string[]): Promise<void> {
    if (db.connection.driver.options.type !== 'better-sqlite3') {
      await db.query(`ALTER TABLE \`user\` MODIFY \`role\` enum (${roles.map((v) => `'${v}'`).join(',')}) NOT NULL`);
      return;
    }
    await db.query('PRAGMA foreign_keys = OFF');
    try {
      const [{ foreign_keys: enforced }] = (await db.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
      if (enforced) throw new Error(`${this.name} rebuilds tables on SQLite and must run outside a transaction (migrationsTransactionMode 'each')`);
      await db.startTransaction();
      try {
        const table = await db.getTable('user');
        const old = table?.findColumnByName('role');
        if (!table || !old) throw new Error('user.role is missing');
        const next = old.clone();
        next.enum = roles;
        await db.changeColumn(table, old, next);
        const broken = (await db.query('PRAGMA foreign_key_check')) as unknown[];
        if (broken.length > 0) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.slice(0, 5))}`);
        await db.commitTransaction();
      } catch (err) {
        await db.rollbackTransaction();
        throw err;
      }
    } finally {
      await db.query('PRAGMA foreign_keys = ON');
    }
  }
}
