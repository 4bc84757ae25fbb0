/**
 * The bare baseline of bench/baseline.ts (issue #16): a plain node:http server with a mysql2 pool that,
 * per request, executes the SQL statements the product executed for the same request (captured on the
 * wire by bench/baseline.ts and handed over in BARE_STATEMENTS, a JSON file). Values that differ between
 * two captured submits (new ids, the idempotency key, the ticket code) are placeholders here and get
 * fresh values per request, so inserts do not collide; everything else runs verbatim, including
 * START TRANSACTION / COMMIT and the day-counter row's UPDATE, so the baseline waits on the same locks.
 *
 *   POST /submit  reads the JSON body, runs the submit's statements on one pooled connection, answers 201
 *   GET  /queue   runs the queue's statements, answers 200 with the last statement's rows
 *
 * Plain JavaScript on purpose: nothing but node:http, node:crypto and mysql2 in the request path.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createPool } from 'mysql2/promise';

const statements = JSON.parse(readFileSync(process.env.BARE_STATEMENTS, 'utf8'));
const url = new URL(process.env.DATABASE_URL);
const pool = createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z',
  connectionLimit: 10, // TypeORM's mysql2 default, as the product runs
});

let serial = 0;
/** Fresh values for one request's placeholders: a UUID for a UUID, a code with the run's own counter for a code. */
function fill(template, placeholders) {
  const fresh = new Map();
  const value = (name) => {
    if (!fresh.has(name)) {
      const kind = placeholders[name];
      serial += 1;
      fresh.set(
        name,
        kind === 'uuid'
          ? randomUUID()
          : `${kind}-${process.pid % 1000}${String(serial).padStart(6, '0')}`,
      );
    }
    return fresh.get(name);
  };
  return template.map((sql) => sql.replace(/\{\{ph:(\d+)\}\}/g, (_, n) => value(n)));
}

async function run(list, placeholders) {
  const connection = await pool.getConnection();
  let rows = null;
  try {
    for (const sql of fill(list, placeholders)) [rows] = await connection.query(sql);
  } catch (err) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    connection.release();
  }
  return rows;
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      let body = null;
      if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const route =
        req.url === '/submit' && req.method === 'POST'
          ? statements.submit
          : req.url === '/queue'
            ? statements.queue
            : null;
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const rows = await run(route.sql, route.placeholders);
      res.writeHead(route === statements.submit ? 201 : 200, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ rows, echo: body?.idempotencyKey ?? null }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'BARE_FAILED', message: String(err?.message ?? err) }));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log(`bare baseline listening on ${process.env.PORT}`),
);
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
