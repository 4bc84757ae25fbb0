/**
 * Issue #10, bad input and misconfiguration: bodies bounded in depth and size before validation, security
 * headers, production mode that refuses to start half-configured, OpenAPI docs off in production.
 */
import { ApiRoutes, DemoPersona, ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonDepthOf } from '../src/common/http/json-depth';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { bearer, loginPersona } from './support/login';
import { SERVER_MAIN } from './support/server-process';
import { createTestApp, TestApp } from './support/test-app';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'linli-hardening-'));
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('jsonDepthOf', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[["}', 1],
    [deep(2000), 2000],
  ])('%s → %i', (text, depth) => {
    expect(jsonDepthOf(Buffer.from(text))).toBe(depth);
  });
});

describe('request bodies', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = (await loginPersona(t, DemoPersona.Resident)).token;
  });
  afterAll(() => t?.close());

  it.each([
    ['a public route', () => t.http().post(ApiRoutes.wechatLogin)],
    ['a resident’s ticket submission', () => t.http().post(ApiRoutes.tickets).set(bearer(token))],
  ])(
    'answers JSON nested 2,000 levels deep (4 KB) on %s with 400 {code, message}, writing nothing',
    async (_, request) => {
      const before = await t.dataSource.getRepository(Ticket).count();
      for (const body of [deep(2000), `{"description":${deep(2000)}}`, deepObject(1000)]) {
        const res = await request().set('Content-Type', 'application/json').send(body).expect(400);
        expect(res.body).toEqual({
          code: ErrorCode.VALIDATION_FAILED,
          message: '提交的内容层级太深',
        });
      }
      expect(await t.dataSource.getRepository(Ticket).count()).toBe(before);
    },
  );

  it.each([
    ['a NUL character', '{"description":"水管\\u0000漏水"}'],
    ['a lone high surrogate', '{"description":"水管\\ud83d漏水"}'],
    ['a lone low surrogate', '{"description":"\\ude00"}'],
    ['a raw NUL byte', '{"description":"水管\u0000漏水"}'],
  ])('refuses a string with %s (400, nothing written)', async (_, body) => {
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(400);
    expect(res.body).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      message: '提交的内容含有无效字符',
    });
  });

  it('accepts emoji (a proper surrogate pair, escaped or not) and an escaped backslash before u', async () => {
    for (const body of [
      '{"description":"\\ud83d\\ude00"}',
      '{"description":"😀"}',
      '{"description":"C:\\\\u0000"}',
    ]) {
      const res = await t
        .http()
        .post(ApiRoutes.tickets)
        .set(bearer(token))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body.message).not.toBe('提交的内容含有无效字符');
      expect(res.body.fields.map((f: { field: string }) => f.field)).not.toContain('description');
    }
  });

  it('lets ordinary nesting through to validation', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(token))
      .send({ description: '水管漏水', photoIds: [[['x']]] })
      .expect(400);
    expect(res.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(res.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'photoIds' })]),
    );
  });

  it('answers a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ description: 'x'.repeat(t.config.limits.jsonBytes) });
    const res = await t
      .http()
      .post(ApiRoutes.tickets)
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(413);
    expect(res.body).toEqual({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE,
    });
  });

  it('sends security headers from helmet and no X-Powered-By', async () => {
    const res = await t.http().get(ApiRoutes.meta).expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('production configuration', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ LINLI_DATA_DIR: dataDir(), ...env });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems.map((p) => p.setting).sort();
    }
    return [];
  };

  it('refuses to start in production without an AppID, its secret and a JWT secret', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET',
      'WECHAT_APPID',
      'WECHAT_SECRET',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' })).toEqual([
      'WECHAT_APPID',
      'WECHAT_SECRET',
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        WECHAT_APPID: 'wx0123456789abcdef',
        WECHAT_SECRET: 's',
      }),
    ).toEqual(['JWT_SECRET']);
  });

  it('the built server exits at boot in production without an AppID, naming what is missing, and never listens', () => {
    const run = spawnSync(process.execPath, [SERVER_MAIN], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LINLI_DATA_DIR: dataDir(), PORT: '1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"level":"fatal"');
    expect(run.stderr).toContain('WECHAT_APPID');
    expect(run.stdout).not.toContain('listening');
  }, 60_000);

  it('runs demo mode in production only when LINLI_DEMO=1 asks for it, and marks it', () => {
    const config = loadConfig({
      LINLI_DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      LINLI_DEMO: '1',
    });
    expect(config).toMatchObject({
      demoMode: true,
      productionMode: false,
      demoInProduction: true,
      apiDocs: true,
    });
    expect(loadConfig({ LINLI_DATA_DIR: dataDir() }).demoInProduction).toBe(false);
  });

  describe('a fully configured production server', () => {
    const env = {
      NODE_ENV: 'production',
      WECHAT_APPID: 'wxprod000000000001',
      WECHAT_SECRET: 's',
      JWT_SECRET: 'production-secret-0123456789',
    };
    let t: TestApp;
    afterEach(() => t?.close());

    it('serves no demo login and no OpenAPI docs', async () => {
      t = await createTestApp({ env });
      expect(
        (
          await t
            .http()
            .post(ApiRoutes.demoLogin)
            .send({ persona: DemoPersona.Resident })
            .expect(404)
        ).body.code,
      ).toBe(ErrorCode.NOT_FOUND);
      await t.http().get('/api/docs-json').expect(404);
      await t.http().get('/api/docs').expect(404);
    }, 60_000);

    it('serves the OpenAPI docs when LINLI_API_DOCS=1', async () => {
      t = await createTestApp({ env: { ...env, LINLI_API_DOCS: '1' } });
      expect((await t.http().get('/api/docs-json').expect(200)).body.openapi).toMatch(/^3\./);
    }, 60_000);
  });
});
