import { MigrationInterface, QueryRunner } from 'typeorm';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

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
    const [{ n }] = (await db.query(`SELECT COUNT(*) AS n FROM \`user\` WHERE role = 'guard'`)) as {
      n: number | string;
    }[];
    if (Number(n) > 0)
      throw new Error(
        `${this.name}: ${n} user(s) still have the role 'guard'; delete them or change their role before reverting`,
      );
    await this.setRoles(db, ROLES);
  }

  private setRoles(db: QueryRunner, roles: string[]): Promise<void> {
    return withForeignKeysOff(db, this.name, () => setEnum(db, 'user', 'role', roles));
  }
}
