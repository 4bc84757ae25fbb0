import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  DEMO_PUSH_AES_KEY,
  DEMO_PUSH_TOKEN,
  loadConfig,
} from '../src/config/app-config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'linli-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ LINLI_DATA_DIR: dataDir(), ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems.map((p) => p.setting);
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('runs in demo mode on SQLite with nothing set', () => {
    const cwd = dataDir();
    const config = loadConfig({}, { cwd });
    expect(config).toMatchObject({
      port: 3000,
      demoMode: true,
      productionMode: false,
      hotline: '400-800-1234',
    });
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.database).toEqual({
      type: 'sqlite',
      path: path.join(cwd, 'data', 'linli.sqlite'),
    });
    expect(config.wechat.apiBase).toBe('https://api.weixin.qq.com');
    expect(config.h5Dir).toBe(path.resolve(__dirname, '../../miniapp/dist/h5'));
  });

  it('reads a MySQL URL and production settings', () => {
    const config = loadConfig({
      LINLI_DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: 's3cret',
      JWT_SECRET: 'a-long-production-secret',
      DATABASE_URL: 'mysql://linli:p%40ss@db.internal:3307/linli',
      PORT: '8080',
    });
    expect(config).toMatchObject({ port: 8080, demoMode: false, productionMode: true });
    expect(config.database).toEqual({
      type: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'linli',
      password: 'p@ss',
      database: 'linli',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://root@localhost' }, 'DATABASE_URL'],
    [{ WECHAT_APPID: 'wx0123456789abcdef' }, 'WECHAT_SECRET'],
    [{ WECHAT_APPID: 'not-an-appid', WECHAT_SECRET: 'x' }, 'WECHAT_APPID'],
    [{ WECHAT_API_BASE: 'ftp://example.com' }, 'WECHAT_API_BASE'],
    [
      { NODE_ENV: 'production', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'x' },
      'JWT_SECRET',
    ],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LINLI_HOTLINE: 'call us' }, 'LINLI_HOTLINE'],
    [{ DATABASE_REPLICA_URLS: 'mysql://ro@replica:3306/linli' }, 'DATABASE_REPLICA_URLS'],
    [
      { DATABASE_URL: 'mysql://root@db/linli', DATABASE_REPLICA_URLS: 'mysql://ro@replica' },
      'DATABASE_REPLICA_URLS',
    ],
    [{ LINLI_SHUTDOWN_TIMEOUT_MS: '5' }, 'LINLI_SHUTDOWN_TIMEOUT_MS'],
  ])('refuses %j, naming %s', (env, setting) => {
    expect(problemsOf(env)).toEqual([setting]);
  });

  it('reads the read replicas and the shutdown bound', () => {
    const config = loadConfig({
      LINLI_DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://linli@primary/linli',
      DATABASE_REPLICA_URLS: 'mysql://ro@replica-1:3306/linli, mysql://ro@replica-2:3307/linli',
      LINLI_SHUTDOWN_TIMEOUT_MS: '20000',
    });
    expect(config.databaseReplicas.map((r) => `${r.host}:${r.port}`)).toEqual([
      'replica-1:3306',
      'replica-2:3307',
    ]);
    expect(config.shutdownTimeoutMs).toBe(20_000);
    expect(loadConfig({ LINLI_DATA_DIR: dataDir() })).toMatchObject({
      databaseReplicas: [],
      shutdownTimeoutMs: 10_000,
    });
  });

  it('freezes 数据看板’s months 7 days after their close unless told otherwise, never on the close itself', () => {
    expect(loadConfig({ LINLI_DATA_DIR: dataDir() }).dashboardFreezeDays).toBe(7);
    expect(
      loadConfig({ LINLI_DATA_DIR: dataDir(), LINLI_DASHBOARD_FREEZE_DAYS: '10' })
        .dashboardFreezeDays,
    ).toBe(10);
    expect(problemsOf({ LINLI_DASHBOARD_FREEZE_DAYS: '0' })).toEqual([
      'LINLI_DASHBOARD_FREEZE_DAYS',
    ]);
    expect(loadConfig({ LINLI_DATA_DIR: dataDir() }).dashboardRefreshMinutes).toBe(10);
    expect(
      loadConfig({ LINLI_DATA_DIR: dataDir(), LINLI_DASHBOARD_REFRESH_MINUTES: '0' })
        .dashboardRefreshMinutes,
    ).toBe(0);
    expect(problemsOf({ LINLI_DASHBOARD_REFRESH_MINUTES: '-1' })).toEqual([
      'LINLI_DASHBOARD_REFRESH_MINUTES',
    ]);
    expect(problemsOf({ LINLI_DASHBOARD_REFRESH_MINUTES: '1441' })).toEqual([
      'LINLI_DASHBOARD_REFRESH_MINUTES',
    ]);
  });

  it('refuses a data directory that cannot be created', () => {
    const file = path.join(dataDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    expect(problemsOf({ LINLI_DATA_DIR: file })).toEqual(['LINLI_DATA_DIR']);
  });

  it('reports every problem at once, each with its setting in the message', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ LINLI_DATA_DIR: dataDir(), PORT: '-1', DATABASE_URL: 'nonsense' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.problems.map((p) => p.setting)).toEqual(['PORT', 'DATABASE_URL']);
    expect(error?.message).toMatch(/PORT: .*\n.*DATABASE_URL: /);
  });

  it('creates the data directory with its uploads folder', () => {
    const dir = path.join(dataDir(), 'nested', 'data');
    const config = loadConfig({ LINLI_DATA_DIR: dir });
    expect(config.uploadsDir).toBe(path.join(dir, 'uploads'));
    expect(statSync(config.uploadsDir).isDirectory()).toBe(true);
  });
});

describe('WeChat message push settings', () => {
  it('uses the demo Token and EncodingAESKey in demo mode, and none when a real AppID is set without them', () => {
    expect(loadConfig({ LINLI_DATA_DIR: dataDir() }).wechatPush).toMatchObject({
      token: DEMO_PUSH_TOKEN,
      encodingAesKey: DEMO_PUSH_AES_KEY,
      handover: 'bot',
      demoFormat: 'json',
      demoMode: 'safe',
    });
    const real = loadConfig({
      LINLI_DATA_DIR: dataDir(),
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: 's3cret',
    }).wechatPush;
    expect([real.token, real.encodingAesKey]).toEqual([null, null]);
    const set = loadConfig({
      LINLI_DATA_DIR: dataDir(),
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: 's3cret',
      WECHAT_PUSH_TOKEN: 'abc123',
      WECHAT_PUSH_AES_KEY: 'a'.repeat(43),
      LINLI_CHAT_HANDOVER: 'transfer',
    }).wechatPush;
    expect([set.token, set.encodingAesKey, set.handover]).toEqual([
      'abc123',
      'a'.repeat(43),
      'transfer',
    ]);
  });

  it('refuses a Token, EncodingAESKey, hand-over or demo push setting WeChat would not accept', () => {
    expect(
      problemsOf({
        WECHAT_PUSH_TOKEN: 'has space',
        WECHAT_PUSH_AES_KEY: 'short',
        LINLI_CHAT_HANDOVER: 'human',
        LINLI_DEMO_PUSH_FORMAT: 'yaml',
        LINLI_DEMO_PUSH_MODE: 'compat',
      }),
    ).toEqual(
      expect.arrayContaining([
        'WECHAT_PUSH_TOKEN',
        'WECHAT_PUSH_AES_KEY',
        'LINLI_CHAT_HANDOVER',
        'LINLI_DEMO_PUSH_FORMAT',
        'LINLI_DEMO_PUSH_MODE',
      ]),
    );
  });
});

describe('LINLI_WECHAT_TEMPLATES', () => {
  const load = (templates: unknown) =>
    loadConfig({ LINLI_DATA_DIR: dataDir(), LINLI_WECHAT_TEMPLATES: JSON.stringify(templates) })
      .outbox.templates;
  const problems = (templates: unknown) => {
    try {
      load(templates);
    } catch (err) {
      return (err as ConfigError).problems.map((p) => p.message);
    }
    throw new Error('expected the templates to be refused');
  };

  it('takes a template id alone (the default layout) or an id with its own field layout', () => {
    const templates = load({
      ticket_assigned: 'tpl-A',
      sla_escalated: { id: 'tpl-B', fields: { phrase1: 'title', thing2: 'body', date3: 'at' } },
    });
    expect(templates).toEqual({
      ticket_assigned: {
        id: 'tpl-A',
        fields: { thing1: 'title', character_string2: 'ticketCode', thing3: 'body', time4: 'at' },
      },
      sla_escalated: { id: 'tpl-B', fields: { phrase1: 'title', thing2: 'body', date3: 'at' } },
    });
  });

  it.each([
    [{ ticket_closed: 'tpl' }, 'unknown kind "ticket_closed"'],
    [
      { ticket_updated: { id: 'tpl', fields: { headline1: 'title' } } },
      '"headline1" is not a WeChat field key',
    ],
    [
      { ticket_updated: { id: 'tpl', fields: { thing1: 'subject' } } },
      'field thing1 must be one of title, body, ticketCode, at, got "subject"',
    ],
    [
      { ticket_updated: { fields: { thing1: 'title' } } },
      'must be a template id or {"id": "…", "fields": {…}}',
    ],
    [{ ticket_updated: 'has spaces in it' }, 'template id must be 1-64 letters'],
    [['tpl'], 'must be a JSON object keyed by kind of message'],
  ])('refuses %j at boot', (templates, message) => {
    expect(problems(templates).join('\n')).toContain(message);
  });

  it('refuses text that is not JSON', () => {
    expect(problemsOf({ LINLI_WECHAT_TEMPLATES: '{ticket_assigned: tpl}' })).toEqual([
      'LINLI_WECHAT_TEMPLATES',
    ]);
  });
});
