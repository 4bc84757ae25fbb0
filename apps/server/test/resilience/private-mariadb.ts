import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../support/server-process';
import { until } from './support';

const run = promisify(execFile);

/**
 * A MariaDB server of the test's own (datadir under /tmp, a loopback port), so a test can set up
 * replication without touching the shared server on 3306. Root has no password, as on the shared one.
 */
export interface PrivateMariadb {
  port: number;
  url(database: string): string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startPrivateMariadb(options: {
  serverId: number;
  binlog: boolean;
}): Promise<PrivateMariadb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-mariadb-'));
  const datadir = path.join(dir, 'data');
  // Its own tmpdir: two instances bootstrapped at once in the shared /tmp once failed in CI ("Could not
  // remove temporary table '/tmp/#sql-temptable-…', error 2"). A failed bootstrap is tried once more on
  // a clean datadir.
  const tmp = path.join(dir, 'tmp');
  mkdirSync(tmp);
  const install = () =>
    run(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--tmpdir=${tmp}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { timeout: 60_000 },
    );
  await install().catch(() => {
    rmSync(datadir, { recursive: true, force: true });
    return install();
  });
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${path.join(dir, 'mysqld.sock')}`,
    `--tmpdir=${tmp}`,
    '--user=root',
    `--server-id=${options.serverId}`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=64M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...(options.binlog ? [`--log-bin=${path.join(dir, 'binlog')}`, '--binlog-format=ROW'] : []),
  ];
  const child: ChildProcess = spawn(
    process.platform === 'linux' ? '/usr/sbin/mariadbd' : 'mariadbd',
    args,
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = await createConnection({
      host: '127.0.0.1',
      port,
      user: 'root',
      password: '',
      multipleStatements: false,
    });
    try {
      const [rows] = await c.query(sql, params);
      return rows as T[];
    } finally {
      await c.end();
    }
  };
  await until(
    `mariadbd on ${port}`,
    async () =>
      query('SELECT 1').then(
        () => true,
        () => false,
      ),
    30_000,
  );
  return {
    port,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    query,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
