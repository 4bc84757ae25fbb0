/**
 * Writes the generator's rows fast: large multi-row INSERTs built from the entities' own column metadata
 * (values converted by the driver, as TypeORM would persist them), with unique/foreign-key checks off in
 * the session and, on MariaDB/MySQL, the big tables' secondary indexes dropped while loading and built
 * again afterwards (one sort per index instead of a B-tree update per row).
 */
import { DataSource, EntityMetadata, QueryRunner } from 'typeorm';
import { Batch, Community, GeneratorOptions, organisation, tickets } from './company-generator';

const isMysql = (ds: DataSource) => ds.options.type === 'mysql' || ds.options.type === 'mariadb';

export interface LoadReport {
  /** Rows and seconds per table (insert time only), plus index rebuild time. */
  tables: { table: string; rows: number; seconds: number }[];
  indexSeconds: number;
  generateSeconds: number;
  totalSeconds: number;
  communities: Community[];
}

class BulkWriter {
  private readonly meta = new Map<string, EntityMetadata>();
  readonly stats = new Map<string, { rows: number; ms: number }>();
  constructor(
    private readonly ds: DataSource,
    private readonly runner: QueryRunner,
  ) {
    for (const m of ds.entityMetadatas) this.meta.set(m.tableName, m);
  }

  async write(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const meta = this.meta.get(table);
    if (!meta) throw new Error(`no entity for table ${table}`);
    const columns = meta.columns.filter((c) => c.propertyName in rows[0]);
    const q = (n: string) => this.ds.driver.escape(n);
    // Under SQLite's 32,766 bound parameters; MariaDB takes 65,535.
    const per = Math.max(1, Math.floor(30_000 / columns.length));
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const params: unknown[] = [];
      for (const row of part)
        for (const c of columns)
          params.push(this.ds.driver.preparePersistentValue(row[c.propertyName], c));
      const tuple = `(${columns.map(() => '?').join(',')})`;
      await this.runner.query(
        `INSERT INTO ${q(table)} (${columns.map((c) => q(c.databaseName)).join(',')}) VALUES ${part.map(() => tuple).join(',')}`,
        params,
      );
    }
    const s = this.stats.get(table) ?? { rows: 0, ms: 0 };
    s.rows += rows.length;
    s.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    this.stats.set(table, s);
  }

  async writeBatch(batch: Batch): Promise<void> {
    for (const [table, rows] of Object.entries(batch)) await this.write(table, rows);
  }
}

/** The tables the tickets fill, whose secondary indexes are rebuilt after loading on MariaDB/MySQL. */
const BIG_TABLES = [
  'ticket',
  'ticket_event',
  'ticket_milestone',
  'ticket_rating',
  'callback_task',
  'household_member',
  'user',
  'room',
  'household',
];

interface IndexDef {
  table: string;
  name: string;
  unique: boolean;
  columns: string[];
}

async function dropSecondaryIndexes(runner: QueryRunner): Promise<IndexDef[]> {
  const rows = (await runner.query(
    `SELECT TABLE_NAME t, INDEX_NAME n, NON_UNIQUE nu, COLUMN_NAME c, SEQ_IN_INDEX s FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY' AND TABLE_NAME IN (${BIG_TABLES.map(() => '?').join(',')}) ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    BIG_TABLES,
  )) as { t: string; n: string; nu: number | string; c: string }[];
  const defs = new Map<string, IndexDef>();
  for (const r of rows) {
    const key = `${r.t}.${r.n}`;
    const d = defs.get(key) ?? { table: r.t, name: r.n, unique: Number(r.nu) === 0, columns: [] };
    d.columns.push(r.c);
    defs.set(key, d);
  }
  const dropped: IndexDef[] = [];
  for (const d of defs.values()) {
    try {
      await runner.query(`ALTER TABLE \`${d.table}\` DROP INDEX \`${d.name}\``);
      dropped.push(d);
    } catch {
      // An index a foreign key needs stays: the key's own index is kept up to date while loading.
    }
  }
  return dropped;
}

async function rebuildIndexes(runner: QueryRunner, dropped: IndexDef[]): Promise<void> {
  const byTable = new Map<string, IndexDef[]>();
  for (const d of dropped) byTable.set(d.table, [...(byTable.get(d.table) ?? []), d]);
  for (const [table, defs] of byTable) {
    const adds = defs.map(
      (d) =>
        `ADD ${d.unique ? 'UNIQUE ' : ''}INDEX \`${d.name}\` (${d.columns.map((c) => `\`${c}\``).join(', ')})`,
    );
    await runner.query(`ALTER TABLE \`${table}\` ${adds.join(', ')}`);
  }
}

/** Loads a generated company into `ds` (schema already migrated) for the company `companyId`. */
export async function loadCompany(
  ds: DataSource,
  o: GeneratorOptions,
  companyId: string,
  log: (line: string) => void = () => undefined,
): Promise<LoadReport> {
  const started = Date.now();
  const runner = ds.createQueryRunner();
  await runner.connect();
  const mysql = isMysql(ds);
  let dropped: IndexDef[] = [];
  let indexMs = 0;
  let generateMs = 0;
  const writer = new BulkWriter(ds, runner);
  try {
    if (mysql) {
      await runner.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
      dropped = await dropSecondaryIndexes(runner);
    } else {
      await runner.query('PRAGMA foreign_keys = OFF');
      await runner.startTransaction();
    }
    const communities: Community[] = [];
    const timedNext = <T>(it: Iterator<T>) => {
      const g0 = Date.now();
      const r = it.next();
      generateMs += Date.now() - g0;
      return r;
    };
    const org = organisation(o, companyId, communities);
    for (let r = timedNext(org); !r.done; r = timedNext(org)) await writer.writeBatch(r.value);
    log(
      `  organisation: ${communities.length} communities, ${communities.reduce((n, c) => n + c.households.length, 0)} households`,
    );

    const sequences = new Map<string, number>();
    for (const s of (await runner.query('SELECT dayKey, lastValue FROM ticket_sequence')) as {
      dayKey: string;
      lastValue: number;
    }[])
      sequences.set(s.dayKey, Number(s.lastValue));
    const before = new Map(sequences);
    let loaded = 0;
    const gen = tickets(o, communities, sequences, 5000);
    for (let r = timedNext(gen); !r.done; r = timedNext(gen)) {
      // One commit (one log flush) per batch of tickets on MariaDB; SQLite is inside one transaction already.
      if (mysql) await runner.startTransaction();
      await writer.writeBatch(r.value);
      if (mysql) await runner.commitTransaction();
      loaded += r.value.ticket.length;
      if (loaded % 50_000 < r.value.ticket.length)
        log(
          `  tickets: ${loaded} / ${o.tickets} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    // The day counters, so tickets submitted later continue the numbering.
    const seqRows = [...sequences].filter(([day, n]) => before.get(day) !== n);
    for (const [day] of seqRows.filter(([day]) => before.has(day)))
      await runner.query('DELETE FROM ticket_sequence WHERE dayKey = ?', [day]);
    await writer.write(
      'ticket_sequence',
      seqRows.map(([dayKey, lastValue]) => ({ dayKey, lastValue })),
    );

    if (mysql) {
      const i0 = Date.now();
      await rebuildIndexes(runner, dropped);
      dropped = [];
      await runner.query(`ANALYZE TABLE ${BIG_TABLES.map((t) => `\`${t}\``).join(', ')}`);
      indexMs = Date.now() - i0;
      await runner.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
    } else {
      await runner.commitTransaction();
      await runner.query('PRAGMA foreign_keys = ON');
    }
    return {
      tables: [...writer.stats].map(([table, s]) => ({
        table,
        rows: s.rows,
        seconds: s.ms / 1000,
      })),
      indexSeconds: indexMs / 1000,
      generateSeconds: generateMs / 1000,
      totalSeconds: (Date.now() - started) / 1000,
      communities,
    };
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    if (dropped.length) await rebuildIndexes(runner, dropped).catch(() => undefined);
    throw err;
  } finally {
    await runner.release();
  }
}
