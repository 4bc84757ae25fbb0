import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NotificationKind } from '@linli/contracts';
import {
  DEFAULT_CALLBACK_POLICY,
  DEFAULT_FREEZE_DAYS,
  DEFAULT_RETENTION,
  DEFAULT_SAMPLING_POLICY,
  DEFAULT_MOVE_OUT_POLICY,
  MoveOutPolicy,
} from '@linli/domain';
import { DEFAULT_TEMPLATE_FIELDS, parseWechatTemplates } from './wechat-templates';

import {
  ConfigError,
  DEFAULT_RATE_LIMITS,
  DEMO_PUSH_AES_KEY,
  DEMO_PUSH_TOKEN,
  type AppConfig,
  type ConfigProblem,
  type FeedbackSettings,
  type MysqlDatabaseConfig,
  type OutboxSettings,
  type RateLimitedOperation,
  type RateLimitRule,
  type RequestLimits,
  type SlaSettings,
  type WechatPushSettings,
} from './config-types';

export * from './config-types';

/** The server's own directory: apps/server/src under Jest, apps/server/dist when built. */
const SERVER_DIR = path.resolve(__dirname, '..');
const DEV_JWT_SECRET = 'linli-dev-secret-not-for-production';
const NODE_ENVS = ['development', 'test', 'production'] as const;

export interface LoadConfigOptions {
  /** Base for relative paths (LINLI_DATA_DIR). Default: process.cwd(). */
  cwd?: string;
}

/** Read and validate the settings. Throws ConfigError listing every problem found. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const problems: ConfigProblem[] = [];
  const problem = (setting: string, message: string) => problems.push({ setting, message });
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const port = parsePort(value('PORT') ?? '3000');
  if (port === undefined) problem('PORT', `must be a port number 1-65535, got "${env.PORT}"`);

  const nodeEnvRaw = value('NODE_ENV') ?? 'development';
  const nodeEnv = NODE_ENVS.find((e) => e === nodeEnvRaw);
  if (!nodeEnv) problem('NODE_ENV', `must be one of ${NODE_ENVS.join(', ')}, got "${nodeEnvRaw}"`);

  const appid = value('WECHAT_APPID') ?? null;
  const secret = value('WECHAT_SECRET') ?? null;
  if (appid && !secret) problem('WECHAT_SECRET', 'is required when WECHAT_APPID is set');
  if (appid && !/^wx[0-9a-zA-Z_-]{4,}$/.test(appid))
    problem('WECHAT_APPID', `must look like wx0123456789abcdef, got "${appid}"`);
  // Production must be fully configured; demo mode there only when asked for by name (issue #10).
  const demoAsked = value('LINLI_DEMO') === '1';
  const demoInProduction = nodeEnv === 'production' && demoAsked;
  if (nodeEnv === 'production' && !demoAsked) {
    const missing =
      'is required in production (NODE_ENV=production); to run the demo there instead, set LINLI_DEMO=1';
    if (!appid) problem('WECHAT_APPID', missing);
    if (!appid && !secret) problem('WECHAT_SECRET', missing);
  }
  const demoMode = !appid || demoInProduction;
  const productionMode = nodeEnv === 'production' && !demoMode;
  const apiDocs = !productionMode || value('LINLI_API_DOCS') === '1';

  const apiBase = (value('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!isHttpUrl(apiBase)) problem('WECHAT_API_BASE', `must be an http(s) URL, got "${apiBase}"`);

  const jwtSecret = value('JWT_SECRET');
  if (nodeEnv === 'production' && !demoAsked && !jwtSecret)
    problem('JWT_SECRET', 'is required in production (NODE_ENV=production)');
  if (jwtSecret && jwtSecret.length < 16) problem('JWT_SECRET', 'must be at least 16 characters');

  const dataDir = path.resolve(cwd, value('LINLI_DATA_DIR') ?? './data');
  const uploadsDir = path.join(dataDir, 'uploads');
  try {
    mkdirSync(uploadsDir, { recursive: true });
  } catch (err) {
    problem('LINLI_DATA_DIR', `cannot create directory ${dataDir}: ${(err as Error).message}`);
  }
  const h5Dir = path.resolve(
    cwd,
    value('LINLI_H5_DIR') ?? path.resolve(SERVER_DIR, '../../miniapp/dist/h5'),
  );

  const databaseUrl = value('DATABASE_URL');
  let database: AppConfig['database'] = {
    type: 'sqlite',
    path: path.join(dataDir, 'linli.sqlite'),
  };
  if (databaseUrl) {
    const parsed = parseMysqlUrl(databaseUrl);
    if (typeof parsed === 'string') problem('DATABASE_URL', parsed);
    else database = parsed;
  }
  const databaseReplicas: MysqlDatabaseConfig[] = [];
  const replicaUrls = value('DATABASE_REPLICA_URLS');
  if (replicaUrls) {
    if (!databaseUrl)
      problem(
        'DATABASE_REPLICA_URLS',
        'needs DATABASE_URL: read replicas are of a MySQL/MariaDB primary',
      );
    for (const url of replicaUrls
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)) {
      const parsed = parseMysqlUrl(url);
      if (typeof parsed === 'string') problem('DATABASE_REPLICA_URLS', parsed);
      else databaseReplicas.push(parsed);
    }
  }

  const hotline = value('LINLI_HOTLINE') ?? '400-800-1234';
  if (!/^[0-9+][0-9 -]{2,19}$/.test(hotline))
    problem('LINLI_HOTLINE', `must be a phone number, got "${hotline}"`);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max))
      problem(name, `must be a whole number ${min}-${max}, got "${raw}"`);
    return n;
  };
  const sla: SlaSettings = {
    warnShare: integer('LINLI_SLA_WARN_PERCENT', 80, 1, 99) / 100,
    escalateToManagerAfterMinutes: integer(
      'LINLI_ESCALATE_MANAGER_MINUTES',
      24 * 60,
      1,
      30 * 24 * 60,
    ),
    autoCloseAfterHours: integer('LINLI_AUTO_CLOSE_HOURS', 72, 1, 30 * 24),
    sweepIntervalSeconds: integer('LINLI_SLA_SWEEP_SECONDS', 30, 0, 3600),
    maxExtensionDays: integer('LINLI_MAX_EXTENSION_DAYS', 30, 1, 365),
  };

  let templates: OutboxSettings['templates'] = demoMode
    ? Object.fromEntries(
        Object.values(NotificationKind).map((k) => [
          k,
          { id: `demo-tpl-${k}`, fields: { ...DEFAULT_TEMPLATE_FIELDS } },
        ]),
      )
    : {};
  const templatesRaw = value('LINLI_WECHAT_TEMPLATES');
  if (templatesRaw) {
    const parsed = parseWechatTemplates(templatesRaw);
    parsed.problems.forEach((p) => problem('LINLI_WECHAT_TEMPLATES', p));
    templates = parsed.templates;
  }
  const quietRaw = value('LINLI_QUIET_HOURS') ?? '22:00-08:00';
  const quietMatch = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(quietRaw);
  if (!quietMatch) problem('LINLI_QUIET_HOURS', `must look like 22:00-08:00, got "${quietRaw}"`);
  const [, qh1, qm1, qh2, qm2] = quietMatch ?? ['', '22', '00', '08', '00'];
  const outbox: OutboxSettings = {
    templates,
    pollMs: integer('LINLI_OUTBOX_POLL_MS', 1000, 0, 3_600_000),
    batchSize: integer('LINLI_OUTBOX_BATCH_SIZE', 50, 1, 1000),
    skipLocked: integer('LINLI_DB_SKIP_LOCKED', 1, 0, 1) === 1,
    maxAttempts: integer('LINLI_OUTBOX_MAX_ATTEMPTS', 8, 1, 100),
    backoffMs: integer('LINLI_OUTBOX_BACKOFF_MS', 5000, 1, 3_600_000),
    claimTtlMs: integer('LINLI_OUTBOX_CLAIM_TTL_MS', 60_000, 100, 3_600_000),
    quietHours: {
      startMinute: Number(qh1) * 60 + Number(qm1),
      endMinute: Number(qh2) * 60 + Number(qm2),
    },
  };
  /** Moving out (docs/domain-rules.md §4): LINLI_MOVE_OUT_NOTICE_DAYS, LINLI_MOVE_OUT_MAX_AHEAD_DAYS, LINLI_RELEASE_SLIP_GRACE_DAYS. */
  const moveOut: MoveOutPolicy = {
    noticeDays: integer('LINLI_MOVE_OUT_NOTICE_DAYS', DEFAULT_MOVE_OUT_POLICY.noticeDays, 0, 30),
    maxAheadDays: integer(
      'LINLI_MOVE_OUT_MAX_AHEAD_DAYS',
      DEFAULT_MOVE_OUT_POLICY.maxAheadDays,
      1,
      365,
    ),
    graceDays: integer('LINLI_RELEASE_SLIP_GRACE_DAYS', DEFAULT_MOVE_OUT_POLICY.graceDays, 0, 30),
  };
  const wechatTimeoutMs = integer('WECHAT_TIMEOUT_MS', 5000, 50, 60_000);
  const householdReviewMonths = integer('LINLI_HOUSEHOLD_REVIEW_MONTHS', 3, 1, 24);
  const reportsSweepSeconds = integer('LINLI_REPORTS_SWEEP_SECONDS', 3600, 0, 86_400);
  const dashboardFreezeDays = integer('LINLI_DASHBOARD_FREEZE_DAYS', DEFAULT_FREEZE_DAYS, 1, 366);
  const dashboardRefreshMinutes = integer('LINLI_DASHBOARD_REFRESH_MINUTES', 10, 0, 1440);
  const retentionRaw = value('LINLI_RETENTION_ENABLED');
  if (retentionRaw !== undefined && retentionRaw !== '0' && retentionRaw !== '1')
    problem('LINLI_RETENTION_ENABLED', `must be 0 or 1, got "${retentionRaw}"`);
  const retention = {
    enabled: retentionRaw === undefined ? productionMode : retentionRaw === '1',
    years: integer('LINLI_RETENTION_YEARS', DEFAULT_RETENTION.years, 1, 30),
    sweepSeconds: integer('LINLI_RETENTION_SWEEP_SECONDS', 3600, 0, 86_400),
  };
  const feedback: FeedbackSettings = {
    callback: {
      maxAttempts: integer(
        'LINLI_CALLBACK_MAX_ATTEMPTS',
        DEFAULT_CALLBACK_POLICY.maxAttempts,
        1,
        10,
      ),
      retryAfterDays: integer(
        'LINLI_CALLBACK_RETRY_DAYS',
        DEFAULT_CALLBACK_POLICY.retryAfterDays,
        1,
        30,
      ),
      handlerMayCallBack: integer('LINLI_CALLBACK_HANDLER_ALLOWED', 0, 0, 1) === 1,
      dueDays: {
        ...DEFAULT_CALLBACK_POLICY.dueDays,
        complaint: integer(
          'LINLI_CALLBACK_DUE_DAYS',
          DEFAULT_CALLBACK_POLICY.dueDays.complaint,
          1,
          30,
        ),
      },
    },
    sampling: {
      formalSharePct: integer(
        'LINLI_SAMPLE_FORMAL_PERCENT',
        DEFAULT_SAMPLING_POLICY.formalSharePct,
        0,
        100,
      ),
      inPersonSharePct: integer(
        'LINLI_SAMPLE_IN_PERSON_PERCENT',
        DEFAULT_SAMPLING_POLICY.inPersonSharePct,
        0,
        100,
      ),
      supervisorSharePct: integer(
        'LINLI_SAMPLE_SUPERVISOR_PERCENT',
        DEFAULT_SAMPLING_POLICY.supervisorSharePct,
        0,
        100,
      ),
    },
  };
  const demoHistoryRaw = value('LINLI_DEMO_HISTORY');
  if (demoHistoryRaw !== undefined && demoHistoryRaw !== '0' && demoHistoryRaw !== '1')
    problem('LINLI_DEMO_HISTORY', `must be 0 or 1, got "${demoHistoryRaw}"`);
  const demoHistory = demoHistoryRaw === undefined ? nodeEnv !== 'test' : demoHistoryRaw === '1';
  // Every limit times LINLI_RATE_LIMIT_MULTIPLIER (default 1): tests and load runs raise them in one place.
  const multiplier = integer('LINLI_RATE_LIMIT_MULTIPLIER', 1, 1, 1_000_000);
  const rateLimits = Object.fromEntries(
    Object.entries(DEFAULT_RATE_LIMITS).map(([op, r]) => [
      op,
      {
        perUser: r.perUser === null ? null : r.perUser * multiplier,
        perIp: r.perIp * multiplier,
        windowSeconds: r.windowSeconds,
      },
    ]),
  ) as Record<RateLimitedOperation, RateLimitRule>;
  const trustRaw = value('LINLI_TRUST_PROXY');
  const trustProxy: number | string | false =
    trustRaw === undefined ? false : /^\d+$/.test(trustRaw) ? Number(trustRaw) : trustRaw;
  if (typeof trustProxy === 'string' && !/^[0-9a-fA-F:.,/ a-z]+$/.test(trustProxy))
    problem(
      'LINLI_TRUST_PROXY',
      `must be a hop count or addresses/subnets (e.g. 1, loopback, 10.0.0.0/8), got "${trustRaw}"`,
    );
  const limits: RequestLimits = {
    jsonBytes: integer('LINLI_JSON_LIMIT_KB', 100, 1, 10_240) * 1024,
    jsonDepth: integer('LINLI_JSON_MAX_DEPTH', 16, 2, 256),
  };

  const redisUrl = value('REDIS_URL') ?? null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl))
    problem('REDIS_URL', `must look like redis://host:6379/0, got "${redisUrl}"`);
  const shutdownTimeoutMs = integer('LINLI_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000);
  const pushToken = value('WECHAT_PUSH_TOKEN') ?? (demoMode ? DEMO_PUSH_TOKEN : null);
  if (pushToken && !/^[A-Za-z0-9]{3,32}$/.test(pushToken))
    problem(
      'WECHAT_PUSH_TOKEN',
      'must be 3–32 letters or digits, as the mini-program admin allows',
    );
  const pushAesKey = value('WECHAT_PUSH_AES_KEY') ?? (demoMode ? DEMO_PUSH_AES_KEY : null);
  if (pushAesKey && !/^[A-Za-z0-9]{43}$/.test(pushAesKey))
    problem(
      'WECHAT_PUSH_AES_KEY',
      'must be the 43-character EncodingAESKey from the mini-program admin',
    );
  const handover = value('LINLI_CHAT_HANDOVER') ?? 'bot';
  if (handover !== 'bot' && handover !== 'transfer')
    problem('LINLI_CHAT_HANDOVER', `must be bot or transfer, got "${handover}"`);
  const demoFormat = value('LINLI_DEMO_PUSH_FORMAT') ?? 'json';
  if (demoFormat !== 'json' && demoFormat !== 'xml')
    problem('LINLI_DEMO_PUSH_FORMAT', `must be json or xml, got "${demoFormat}"`);
  const demoPushMode = value('LINLI_DEMO_PUSH_MODE') ?? 'safe';
  if (demoPushMode !== 'plain' && demoPushMode !== 'safe')
    problem('LINLI_DEMO_PUSH_MODE', `must be plain or safe, got "${demoPushMode}"`);
  const wechatPush: WechatPushSettings = {
    token: pushToken,
    encodingAesKey: pushAesKey,
    handover: handover === 'transfer' ? 'transfer' : 'bot',
    pollMs: integer('LINLI_CHAT_INBOX_POLL_MS', 500, 0, 60_000),
    maxAttempts: integer('LINLI_CHAT_INBOX_MAX_ATTEMPTS', 8, 1, 100),
    backoffMs: integer('LINLI_CHAT_INBOX_BACKOFF_MS', 2000, 1, 600_000),
    claimTtlMs: 60_000,
    demoFormat: demoFormat === 'xml' ? 'xml' : 'json',
    demoMode: demoPushMode === 'plain' ? 'plain' : 'safe',
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    nodeEnv: nodeEnv!,
    demoMode,
    productionMode,
    demoInProduction,
    apiDocs,
    limits,
    rateLimits,
    trustProxy,
    database,
    databaseReplicas,
    redisUrl,
    dataDir,
    uploadsDir,
    h5Dir,
    wechat: { appid, secret, apiBase, timeoutMs: wechatTimeoutMs },
    jwt: { secret: jwtSecret ?? DEV_JWT_SECRET, ttlSeconds: 7 * 24 * 3600 },
    uploadUrlTtlSeconds: 24 * 3600,
    hotline,
    sla,
    outbox,
    moveOut,
    householdReviewMonths,
    demoHistory,
    reportsSweepSeconds,
    dashboardFreezeDays,
    dashboardRefreshMinutes,
    retention,
    feedback,
    shutdownTimeoutMs,
    wechatPush,
  };
}

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 65535 ? n : undefined;
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** mysql://user:password@host:3306/db → connection settings, or the reason it is not usable. */
export function parseMysqlUrl(raw: string): MysqlDatabaseConfig | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL like mysql://user:password@host:3306/database';
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:')
    return `must start with mysql:// (got ${url.protocol}//)`;
  if (!url.hostname) return 'has no host';
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database))
    return 'must name the database (letters, digits, _) after the host, e.g. /linli';
  const port = url.port ? Number(url.port) : 3306;
  return {
    type: 'mysql',
    host: url.hostname,
    port,
    username: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database,
  };
}
