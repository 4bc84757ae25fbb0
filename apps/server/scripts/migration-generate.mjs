#!/usr/bin/env node
/**
 * Start a migration: `pnpm --filter @linli/server migration:generate AddTicketRatings` (after a build).
 *
 * Runs the existing migrations on a scratch SQLite database, asks TypeORM what the entities still need,
 * and writes src/database/migrations/<timestamp>-<intent>.ts with that SQL as comments. Translate it into
 * QueryRunner's Table API (portableTable, createIndex, createForeignKey…) so it runs on SQLite and MySQL,
 * register it in migrations/index.ts, and let the migrations test prove the entities and migrations agree.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const serverDir = path.resolve(import.meta.dirname, '..');
const intent = process.argv[2];
if (!intent || !/^[A-Z][A-Za-z]+$/.test(intent)) {
  console.error('usage: migration:generate <IntentInPascalCase>, e.g. AddTicketRatings');
  process.exit(1);
}

require('reflect-metadata');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(path.join(serverDir, 'dist/database/data-source-options.js'));

const scratch = path.join(mkdtempSync(path.join(tmpdir(), 'linli-migration-')), 'scratch.sqlite');
const ds = await new DataSource(dataSourceOptions({ type: 'sqlite', path: scratch })).initialize();
const { upQueries, downQueries } = await ds.driver.createSchemaBuilder().log();
await ds.destroy();
if (upQueries.length === 0) {
  console.log('The entities and the migrations agree: nothing to generate.');
  process.exit(0);
}

const timestamp = Date.now(); // a developer tool naming a file, not business time
const kebab = intent.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
const file = path.join(serverDir, 'src/database/migrations', `${timestamp}-${kebab}.ts`);
const comment = (queries) => queries.map((q) => `    // ${q.query}`).join('\n');
writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** TODO: say what this changes and why. */
export class ${intent}${timestamp} implements MigrationInterface {
  name = '${intent}${timestamp}';

  async up(db: QueryRunner): Promise<void> {
    // What TypeORM would run on SQLite; write it with the Table API so it runs on MySQL too:
${comment(upQueries)}
    void db;
    void portableTable;
    throw new Error('not written yet');
  }

  async down(db: QueryRunner): Promise<void> {
${comment(downQueries.reverse())}
    void db;
    throw new Error('not written yet');
  }
}
`,
);
console.log(
  `wrote ${path.relative(process.cwd(), file)} (${upQueries.length} statements to translate); add it to migrations/index.ts`,
);
