import { ApiRoutes, DemoPersona, ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { ArgumentsHost, HttpStatus } from '@nestjs/common';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AllExceptionsFilter } from '../src/common/errors/all-exceptions.filter';
import { AppException } from '../src/common/errors/app-exception';
import { httpStatusFor } from '../src/common/errors/http-status';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('health, meta and docs', () => {
  it('reports the database up', async () => {
    const res = await t.http().get(ApiRoutes.health).expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', time: expect.any(String) });
    expect(Date.parse(res.body.time)).not.toBeNaN();
  });

  it('tells the client it is in demo mode, the hotline and the server time', async () => {
    t.clock.set({ now: new Date('2026-11-22T02:00:00Z'), freeze: true });
    const res = await t.http().get(ApiRoutes.meta).expect(200);
    expect(res.body).toEqual({
      demoMode: true,
      hotline: '400-800-1234',
      now: '2026-11-22T02:00:00.000Z',
    });
    t.clock.set({ freeze: false });
  });

  it('serves the OpenAPI document with every API route and bearer auth', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/meta',
        '/api/auth/wechat-login',
        '/api/auth/demo-login',
        '/api/me',
        '/api/tickets',
        '/api/tickets/{id}/actions',
        '/api/uploads',
        '/api/test-clock',
      ]),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(res.body.info.description).toMatch(/test-clock` is public/);
    await t.http().get('/api/docs').expect(200).expect('content-type', /html/);
  });
});

describe('error shape', () => {
  it('answers unknown API routes with NOT_FOUND JSON', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ code: ErrorCode.NOT_FOUND, message: ERROR_MESSAGES.NOT_FOUND });
  });

  it('answers malformed JSON with VALIDATION_FAILED', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.wechatLogin)
      .set('Content-Type', 'application/json')
      .send('{"code": ')
      .expect(400);
    expect(res.body).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      message: '请求内容不是有效的 JSON',
    });
  });

  it('names each invalid or unexpected field with a Chinese message', async () => {
    const session = await loginPersona(t, DemoPersona.Resident);
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(session))
      .send({ description: '', photoIds: 'x', idempotencyKey: 'k', hack: 1 })
      .expect(400);
    expect(res.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    const fields = Object.fromEntries(
      (res.body.fields as { field: string; message: string }[]).map((f) => [f.field, f.message]),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'categoryCode',
      'description',
      'hack',
      'idempotencyKey',
      'photoIds',
    ]);
    for (const message of Object.values(fields)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(fields.hack).toBe('不允许提交此字段');
  });

  it('asks for a session (401), refuses a bad token (401) and a wrong role (403)', async () => {
    expect((await t.http().get(ApiRoutes.me).expect(401)).body.code).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect((await t.http().get(ApiRoutes.me).set(bearer('not.a.jwt')).expect(401)).body.code).toBe(
      ErrorCode.AUTH_TOKEN_INVALID,
    );
    const resident = await loginPersona(t, DemoPersona.Resident);
    expect(
      (await t.http().get(ApiRoutes.myQueue).set(bearer(resident)).expect(403)).body.code,
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('never sends a stack trace: unexpected errors become INTERNAL', () => {
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      status: (s: number) => ((sent.status = s), res),
      json: (b: unknown) => (sent.body = b),
    };
    const host = {
      switchToHttp: () => ({
        getResponse: () => res,
        getRequest: () => ({ method: 'GET', originalUrl: '/api/x' }),
      }),
    } as unknown as ArgumentsHost;
    const filter = new AllExceptionsFilter();
    (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
    filter.catch(new TypeError('secret internals at /srv/app.js:12'), host);
    expect(sent).toEqual({
      status: 500,
      body: { code: ErrorCode.INTERNAL, message: ERROR_MESSAGES.INTERNAL },
    });
    filter.catch(new AppException(ErrorCode.TICKET_STALE), host);
    expect(sent).toEqual({
      status: 409,
      body: { code: ErrorCode.TICKET_STALE, message: ERROR_MESSAGES.TICKET_STALE },
    });
  });

  it.each(Object.values(ErrorCode))('maps %s to an HTTP error status', (code) => {
    expect(httpStatusFor(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatusFor(code)).toBeLessThan(600);
  });

  it.each([
    [ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST],
    [ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED],
    [ErrorCode.AUTH_TOKEN_INVALID, HttpStatus.UNAUTHORIZED],
    [ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN],
    [ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND],
    [ErrorCode.TICKET_NOT_FOUND, HttpStatus.NOT_FOUND],
    [ErrorCode.UPLOAD_NOT_FOUND, HttpStatus.NOT_FOUND],
    [ErrorCode.CONFLICT, HttpStatus.CONFLICT],
    [ErrorCode.TICKET_STALE, HttpStatus.CONFLICT],
    [ErrorCode.UPLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE],
    [ErrorCode.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR],
  ])('%s is HTTP %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });
});

describe('health when the database is down', () => {
  it('answers 503 degraded', async () => {
    await t.dataSource.destroy();
    const res = await t.http().get(ApiRoutes.health).expect(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'down' });
  });
});

describe('the H5 mini-program at /', () => {
  let h5: TestApp;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-h5-'));
    mkdirSync(path.join(dir, 'js'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>邻里</title>');
    writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log("linli")');
    writeFileSync(
      path.join(dir, 'js', 'app.1a2b3c4d.js'),
      `console.log("${'linli '.repeat(500)}")`,
    );
    h5 = await createTestApp({ env: { LINLI_H5_DIR: dir } });
  });
  afterAll(() => h5?.close());

  it('serves index.html at / and for client-side routes, and the assets as they are', async () => {
    expect((await h5.http().get('/').expect(200).expect('content-type', /html/)).text).toContain(
      '<title>邻里</title>',
    );
    expect(
      (await h5.http().get('/pages/tickets/detail?id=1').expect(200).expect('content-type', /html/))
        .text,
    ).toContain('邻里');
    expect(
      (
        await h5
          .http()
          .get('/js/app.js')
          .expect(200)
          .expect('content-type', /javascript/)
      ).text,
    ).toContain('linli');
  });

  it('compresses the text assets as the browser accepts, and lets it keep the content-hashed ones', async () => {
    const br = await h5.http().get('/js/app.1a2b3c4d.js').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBeLessThan(200);
    const gzip = await h5
      .http()
      .get('/js/app.1a2b3c4d.js')
      .set('Accept-Encoding', 'gzip')
      .expect(200)
      .expect('content-type', /javascript/);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(`console.log("${'linli '.repeat(500)}")`);
    const index = await h5
      .http()
      .get('/')
      .set('Accept-Encoding', 'gzip')
      .expect(200)
      .expect('content-type', /html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toContain('<title>邻里</title>');
    const plain = await h5.http().get('/js/app.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log("linli")');
  });

  it('keeps /api paths for the API: unknown ones are NOT_FOUND JSON, not the app', async () => {
    expect((await h5.http().get('/api/unknown').expect(404)).body.code).toBe(ErrorCode.NOT_FOUND);
    expect((await h5.http().get('/api').expect(404)).body.code).toBe(ErrorCode.NOT_FOUND);
    await h5.http().get(ApiRoutes.health).expect(200);
  });
});
