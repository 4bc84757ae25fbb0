import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NotificationKind } from '@linli/contracts';
import { CallbackPolicy, DEFAULT_CALLBACK_POLICY, DEFAULT_FREEZE_DAYS, DEFAULT_RETENTION, DEFAULT_SAMPLING_POLICY, DEFAULT_MOVE_OUT_POLICY, MoveOutPolicy, SamplingPolicy } from '@linli/domain';
import { DEFAULT_TEMPLATE_FIELDS, parseWechatTemplates, TemplateSetting } from './wechat-templates';

/** The server's settings, validated once at boot. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  nodeEnv: 'development' | 'test' | 'production';
  /** No WECHAT_APPID: a local WeChat server answers, demo personas may log in. Under NODE_ENV=production only with LINLI_DEMO=1. */
  demoMode: boolean;
  /** NODE_ENV=production, fully configured (AppID, secret, JWT secret): no demo login, no test clock. */
  productionMode: boolean;
  /** NODE_ENV=production running demo mode because LINLI_DEMO=1 asked for it: said loudly at boot. */
  demoInProduction: boolean;
  /** The OpenAPI document and its page at /api/docs: on outside production, in production only with LINLI_API_DOCS=1. */
  apiDocs: boolean;
  /** Request bodies (JSON) are refused before validation above these bounds: see docs/security.md. */
  limits: RequestLimits;
  /** How often a user and an address may call each limited operation (docs/security.md). */
  rateLimits: Record<RateLimitedOperation, RateLimitRule>;
  /** Express's `trust proxy` (LINLI_TRUST_PROXY: a hop count, or addresses/subnets): the client's address behind a reverse proxy. */
  trustProxy: number | string | false;
  database: SqliteDatabaseConfig | MysqlDatabaseConfig;
  /**
   * Read replicas of the MySQL/MariaDB primary (DATABASE_REPLICA_URLS, comma-separated mysql:// URLs):
   * the dashboard and reports read from them; everything else, and every write, uses the primary
   * (docs/deployment.md). Empty: everything on the primary.
   */
  databaseReplicas: MysqlDatabaseConfig[];
  /** Rate-limit counters in Redis (REDIS_URL, redis://host:6379/0); unset: in the database. */
  redisUrl: string | null;
  dataDir: string;
  uploadsDir: string;
  h5Dir: string;
  wechat: {
    appid: string | null;
    secret: string | null;
    apiBase: string;
    /** How long one call to WeChat may take before it counts as unavailable. */
    timeoutMs: number;
  };
  jwt: { secret: string; ttlSeconds: number };
  /** Upload URLs are signed and valid this long. */
  uploadUrlTtlSeconds: number;
  hotline: string;
  sla: SlaSettings;
  outbox: OutboxSettings;
  moveOut: MoveOutPolicy;
  /** The household file is reviewed every this many months (docs/domain-rules.md §3: quarterly). */
  householdReviewMonths: number;
  /** How often the scheduled reports (weekly review lists; monthly, quarterly, annual reports) are issued (0: off). */
  reportsSweepSeconds: number;
  /**
   * Days after a month's close at which 数据看板 freezes the month's figures (LINLI_DASHBOARD_FREEZE_DAYS,
   * default 7): from then on they are read from the stored snapshot, not recomputed (docs/dashboard.md).
   * At least 1: a frozen month's figures are as of the freeze, and the page takes a period whose `asOf`
   * falls in the month itself for the month still running.
   */
  dashboardFreezeDays: number;
  /**
   * Every this many minutes (LINLI_DASHBOARD_REFRESH_MINUTES, default 10; 0: off) the dashboard job stores a
   * provisional snapshot of each community's months not yet frozen, as of the round's start; 数据看板 and
   * the company view answer from one younger than this plus a slack, else compute live (docs/dashboard.md).
   */
  dashboardRefreshMinutes: number;
  /**
   * Retention (§12): finished records older than `years` have residents' text anonymised by a job every
   * `sweepSeconds`. LINLI_RETENTION_ENABLED=1|0; on by default only in production mode, never by default
   * in demo mode (the demo's history must stay as seeded). LINLI_RETENTION_YEARS (2), LINLI_RETENTION_SWEEP_SECONDS (3600).
   */
  retention: { enabled: boolean; years: number; sweepSeconds: number };
  /** Demo mode only: seed a past month of tickets into the demo community (off under NODE_ENV=test). */
  demoHistory: boolean;
  /** Callbacks (回访) and the monthly sample (docs/domain-rules.md §8), see FeedbackSettings. */
  feedback: FeedbackSettings;
  /**
   * On SIGTERM: in-flight requests and job rounds get this long to finish (LINLI_SHUTDOWN_TIMEOUT_MS,
   * default 10000); then the process exits anyway (docs/deployment.md).
   */
  shutdownTimeoutMs: number;
  /** WeChat's customer-service message push (docs/wechat-push.md). */
  wechatPush: WechatPushSettings;
}

/**
 * The mini-program's message push (消息推送), configured in its admin (开发管理 → 消息推送) with the same
 * values: WECHAT_PUSH_TOKEN, WECHAT_PUSH_AES_KEY (the EncodingAESKey, 43 characters; needed for safe
 * mode), LINLI_CHAT_HANDOVER (bot: the product answers; transfer: hand every conversation to WeChat's
 * own customer-service tools). In demo mode the token and key are demo values and the local WeChat
 * server pushes to the product itself.
 */
export interface WechatPushSettings {
  /** null: no push configured; GET/POST /api/wechat/push refuse everything. */
  token: string | null;
  encodingAesKey: string | null;
  handover: 'bot' | 'transfer';
  /** How often the inbound worker looks for pushed messages to hand to the conversation (LINLI_CHAT_INBOX_POLL_MS, default 500; 0: off). */
  pollMs: number;
  /** Attempts before a pushed message is given up (LINLI_CHAT_INBOX_MAX_ATTEMPTS, default 8). */
  maxAttempts: number;
  /** First retry delay after the handler threw; doubles per attempt (LINLI_CHAT_INBOX_BACKOFF_MS, default 2000). */
  backoffMs: number;
  /** A claimed message not settled within this is claimed again. */
  claimTtlMs: number;
  /** Demo mode: how the local WeChat server pushes (LINLI_DEMO_PUSH_FORMAT json|xml, LINLI_DEMO_PUSH_MODE plain|safe). */
  demoFormat: 'json' | 'xml';
  demoMode: 'plain' | 'safe';
}

/** Demo values of the push Token and EncodingAESKey: public, used only between the product and its own local WeChat server. */
export const DEMO_PUSH_TOKEN = 'linlidemopushtoken';
export const DEMO_PUSH_AES_KEY = 'LinliDemoEncodingAESKey0123456789abcdefghij';

/** Bounds on what a request may carry, checked before any validation or parsing into objects. */
export interface RequestLimits {
  /** A JSON body larger than this is answered 413 PAYLOAD_TOO_LARGE (LINLI_JSON_LIMIT_KB, default 100). */
  jsonBytes: number;
  /** A JSON body nested deeper than this is answered 400 (LINLI_JSON_MAX_DEPTH, default 16). */
  jsonDepth: number;
}

/** Operations limited per user and per address: signing in, reporting, asking to join, checking a release slip, chasing a ticket. */
export type RateLimitedOperation = 'login' | 'ticketSubmit' | 'joinRequest' | 'slipVerify' | 'chase';

/** At most `perUser` calls by one signed-in user and `perIp` from one address in `windowSeconds` (null: not counted that way). */
export interface RateLimitRule {
  perUser: number | null;
  perIp: number;
  windowSeconds: number;
}

/** The defaults, before LINLI_RATE_LIMIT_MULTIPLIER. */
export const DEFAULT_RATE_LIMITS: Record<RateLimitedOperation, RateLimitRule> = {
  login: { perUser: null, perIp: 20, windowSeconds: 60 },
  ticketSubmit: { perUser: 10, perIp: 60, windowSeconds: 60 },
  joinRequest: { perUser: 5, perIp: 30, windowSeconds: 60 },
  slipVerify: { perUser: 30, perIp: 60, windowSeconds: 60 },
  chase: { perUser: 5, perIp: 30, windowSeconds: 60 },
};

/**
 * Callbacks and sampling; each an environment setting with the domain brief's default:
 * LINLI_CALLBACK_MAX_ATTEMPTS (3), LINLI_CALLBACK_RETRY_DAYS (1), LINLI_CALLBACK_HANDLER_ALLOWED (0: the
 * handler may not call back their own ticket), LINLI_CALLBACK_DUE_DAYS (2: complaint callbacks due in),
 * LINLI_SAMPLE_FORMAL_PERCENT (10), LINLI_SAMPLE_IN_PERSON_PERCENT (30), LINLI_SAMPLE_SUPERVISOR_PERCENT (50).
 */
export interface FeedbackSettings {
  callback: CallbackPolicy;
  sampling: SamplingPolicy;
}

/** The WeChat notification outbox (subscribe messages); each is an environment setting. */
export interface OutboxSettings {
  /** Subscribe-message template (id and field layout) per kind of message (LINLI_WECHAT_TEMPLATES as JSON); in demo mode, demo ids. */
  templates: Partial<Record<NotificationKind, TemplateSetting>>;
  /** How often the worker looks for messages (LINLI_OUTBOX_POLL_MS, default 1000; 0 turns the timer off, e.g. in tests). */
  pollMs: number;
  /** Messages a worker claims at once (LINLI_OUTBOX_BATCH_SIZE, default 50). */
  batchSize: number;
  /**
   * Claim with SELECT … FOR UPDATE SKIP LOCKED (LINLI_DB_SKIP_LOCKED, default 1). 0 for MySQL-compatible
   * databases that do not implement it (docs/deployment.md): the claim is then a plain compare-and-set
   * UPDATE, still exactly once across instances, with more contention between them.
   */
  skipLocked: boolean;
  /** Attempts before a message is dead-lettered (LINLI_OUTBOX_MAX_ATTEMPTS, default 8). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt up to 30 minutes, with full jitter (LINLI_OUTBOX_BACKOFF_MS, default 5000). */
  backoffMs: number;
  /** A claimed message not settled within this is claimed again (a worker died mid-delivery). */
  claimTtlMs: number;
  /** Non-urgent messages wait out quiet hours, China time (LINLI_QUIET_HOURS, default 22:00-08:00). */
  quietHours: { startMinute: number; endMinute: number };
}

/** Time-limit defaults (docs/domain-rules.md §6–7, §13); each is an environment setting. */
export interface SlaSettings {
  /** Share of a limit after which the handler is warned (LINLI_SLA_WARN_PERCENT, default 80). */
  warnShare: number;
  /** A breach still open this long after reaching the supervisor goes to the company manager (LINLI_ESCALATE_MANAGER_MINUTES, default 1440). */
  escalateToManagerAfterMinutes: number;
  /** A resolved ticket the resident neither confirms nor reopens closes by itself after this (LINLI_AUTO_CLOSE_HOURS, default 72). */
  autoCloseAfterHours: number;
  /** How often the sweep looks for due milestones (LINLI_SLA_SWEEP_SECONDS, default 30; 0 turns the timer off, e.g. in tests). */
  sweepIntervalSeconds: number;
  /** The most one approved extension may add to a deadline (LINLI_MAX_EXTENSION_DAYS, default 30). */
  maxExtensionDays: number;
}

export interface SqliteDatabaseConfig {
  type: 'sqlite';
  path: string;
}

export interface MysqlDatabaseConfig {
  type: 'mysql';
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

/** A setting that is wrong or missing. The message names it, so the operator knows what to fix. */
export interface ConfigProblem {
  setting: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The server's own directory: apps/server/src under Jest, apps/server/dist when built. */
const SERVER_DIR = path.resolve(__dirname, '..');
const DEV_JWT_SECRET = 'linli-dev-secret-not-for-production';
const NODE_ENVS = ['development', 'test', 'production'] as const;

export interface LoadConfigOptions {
  /** Base for relative paths (LINLI_DATA_DIR). Default: process.cwd(). */
  cwd?: string;
}

/** Read and validate the settings. Throws ConfigError listing every problem found. */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): AppConfig {
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
  if (appid && !/^wx[0-9a-zA-Z_-]{4,}$/.test(appid)) problem('WECHAT_APPID', `must look like wx0123456789abcdef, got "${appid}"`);
  // Production must be fully configured; demo mode there only when asked for by name (issue #10).
  const demoAsked = value('LINLI_DEMO') === '1';
  const demoInProduction = nodeEnv === 'production' && demoAsked;
  if (nodeEnv === 'production' && !demoAsked) {
    const missing = 'is required in production (NODE_ENV=production); to run the demo there instead, set LINLI_DEMO=1';
    if (!appid) problem('WECHAT_APPID', missing);
    if (!appid && !secret) problem('WECHAT_SECRET', missing);
  }
  const demoMode = !appid || demoInProduction;
  const productionMode = nodeEnv === 'production' && !demoMode;
  const apiDocs = !productionMode || value('LINLI_API_DOCS') === '1';

  const apiBase = (value('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!isHttpUrl(apiBase)) problem('WECHAT_API_BASE', `must be an http(s) URL, got "${apiBase}"`);

  const jwtSecret = value('JWT_SECRET');
  if (nodeEnv === 'production' && !demoAsked && !jwtSecret) problem('JWT_SECRET', 'is required in production (NODE_ENV=production)');
  if (jwtSecret && jwtSecret.length < 16) problem('JWT_SECRET', 'must be at least 16 characters');

  const dataDir = path.resolve(cwd, value('LINLI_DATA_DIR') ?? './data');
  const uploadsDir = path.join(dataDir, 'uploads');
  try {
    mkdirSync(uploadsDir, { recursive: true });
  } catch (err) {
    problem('LINLI_DATA_DIR', `cannot create directory ${dataDir}: ${(err as Error).message}`);
  }
  const h5Dir = path.resolve(cwd, value('LINLI_H5_DIR') ?? path.resolve(SERVER_DIR, '../../miniapp/dist/h5'));

  const databaseUrl = value('DATABASE_URL');
  let database: AppConfig['database'] = { type: 'sqlite', path: path.join(dataDir, 'linli.sqlite') };
  if (databaseUrl) {
    const parsed = parseMysqlUrl(databaseUrl);
    if (typeof parsed === 'string') problem('DATABASE_URL', parsed);
    else database = parsed;
  }
  const databaseReplicas: MysqlDatabaseConfig[] = [];
  const replicaUrls = value('DATABASE_REPLICA_URLS');
  if (replicaUrls) {
    if (!databaseUrl) problem('DATABASE_REPLICA_URLS', 'needs DATABASE_URL: read replicas are of a MySQL/MariaDB primary');
    for (const url of replicaUrls.split(',').map((u) => u.trim()).filter(Boolean)) {
      const parsed = parseMysqlUrl(url);
      if (typeof parsed === 'string') problem('DATABASE_REPLICA_URLS', parsed);
      else databaseReplicas.push(parsed);
    }
  }

  const hotline = value('LINLI_HOTLINE') ?? '400-800-1234';
  if (!/^[0-9+][0-9 -]{2,19}$/.test(hotline)) problem('LINLI_HOTLINE', `must be a phone number, got "${hotline}"`);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) problem(name, `must be a whole number ${min}-${max}, got "${raw}"`);
    return n;
  };
  const sla: SlaSettings = {
    warnShare: integer('LINLI_SLA_WARN_PERCENT', 80, 1, 99) / 100,
    escalateToManagerAfterMinutes: integer('LINLI_ESCALATE_MANAGER_MINUTES', 24 * 60, 1, 30 * 24 * 60),
    autoCloseAfterHours: integer('LINLI_AUTO_CLOSE_HOURS', 72, 1, 30 * 24),
    sweepIntervalSeconds: integer('LINLI_SLA_SWEEP_SECONDS', 30, 0, 3600),
    maxExtensionDays: integer('LINLI_MAX_EXTENSION_DAYS', 30, 1, 365),
  };

  let templates: OutboxSettings['templates'] = demoMode
    ? Object.fromEntries(Object.values(NotificationKind).map((k) => [k, { id: `demo-tpl-${k}`, fields: { ...DEFAULT_TEMPLATE_FIELDS } }]))
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
    quietHours: { startMinute: Number(qh1) * 60 + Number(qm1), endMinute: Number(qh2) * 60 + Number(qm2) },
  };
  /** Moving out (docs/domain-rules.md §4): LINLI_MOVE_OUT_NOTICE_DAYS, LINLI_MOVE_OUT_MAX_AHEAD_DAYS, LINLI_RELEASE_SLIP_GRACE_DAYS. */
  const moveOut: MoveOutPolicy = {
    noticeDays: integer('LINLI_MOVE_OUT_NOTICE_DAYS', DEFAULT_MOVE_OUT_POLICY.noticeDays, 0, 30),
    maxAheadDays: integer('LINLI_MOVE_OUT_MAX_AHEAD_DAYS', DEFAULT_MOVE_OUT_POLICY.maxAheadDays, 1, 365),
    graceDays: integer('LINLI_RELEASE_SLIP_GRACE_DAYS', DEFAULT_MOVE_OUT_POLICY.graceDays, 0, 30),
  };
  const wechatTimeoutMs = integer('WECHAT_TIMEOUT_MS', 5000, 50, 60_000);
  const householdReviewMonths = integer('LINLI_HOUSEHOLD_REVIEW_MONTHS', 3, 1, 24);
  const reportsSweepSeconds = integer('LINLI_REPORTS_SWEEP_SECONDS', 3600, 0, 86_400);
  const dashboardFreezeDays = integer('LINLI_DASHBOARD_FREEZE_DAYS', DEFAULT_FREEZE_DAYS, 1, 366);
  const dashboardRefreshMinutes = integer('LINLI_DASHBOARD_REFRESH_MINUTES', 10, 0, 1440);
  const retentionRaw = value('LINLI_RETENTION_ENABLED');
  if (retentionRaw !== undefined && retentionRaw !== '0' && retentionRaw !== '1') problem('LINLI_RETENTION_ENABLED', `must be 0 or 1, got "${retentionRaw}"`);
  const retention = {
    enabled: retentionRaw === undefined ? productionMode : retentionRaw === '1',
    years: integer('LINLI_RETENTION_YEARS', DEFAULT_RETENTION.years, 1, 30),
    sweepSeconds: integer('LINLI_RETENTION_SWEEP_SECONDS', 3600, 0, 86_400),
  };
  const feedback: FeedbackSettings = {
    callback: {
      maxAttempts: integer('LINLI_CALLBACK_MAX_ATTEMPTS', DEFAULT_CALLBACK_POLICY.maxAttempts, 1, 10),
      retryAfterDays: integer('LINLI_CALLBACK_RETRY_DAYS', DEFAULT_CALLBACK_POLICY.retryAfterDays, 1, 30),
      handlerMayCallBack: integer('LINLI_CALLBACK_HANDLER_ALLOWED', 0, 0, 1) === 1,
      dueDays: { ...DEFAULT_CALLBACK_POLICY.dueDays, complaint: integer('LINLI_CALLBACK_DUE_DAYS', DEFAULT_CALLBACK_POLICY.dueDays.complaint, 1, 30) },
    },
    sampling: {
      formalSharePct: integer('LINLI_SAMPLE_FORMAL_PERCENT', DEFAULT_SAMPLING_POLICY.formalSharePct, 0, 100),
      inPersonSharePct: integer('LINLI_SAMPLE_IN_PERSON_PERCENT', DEFAULT_SAMPLING_POLICY.inPersonSharePct, 0, 100),
      supervisorSharePct: integer('LINLI_SAMPLE_SUPERVISOR_PERCENT', DEFAULT_SAMPLING_POLICY.supervisorSharePct, 0, 100),
    },
  };
  const demoHistoryRaw = value('LINLI_DEMO_HISTORY');
  if (demoHistoryRaw !== undefined && demoHistoryRaw !== '0' && demoHistoryRaw !== '1') problem('LINLI_DEMO_HISTORY', `must be 0 or 1, got "${demoHistoryRaw}"`);
  const demoHistory = demoHistoryRaw === undefined ? nodeEnv !== 'test' : demoHistoryRaw === '1';
  // Every limit times LINLI_RATE_LIMIT_MULTIPLIER (default 1): tests and load runs raise them in one place.
  const multiplier = integer('LINLI_RATE_LIMIT_MULTIPLIER', 1, 1, 1_000_000);
  const rateLimits = Object.fromEntries(
    Object.entries(DEFAULT_RATE_LIMITS).map(([op, r]) => [op, { perUser: r.perUser === null ? null : r.perUser * multiplier, perIp: r.perIp * multiplier, windowSeconds: r.windowSeconds }]),
  ) as Record<RateLimitedOperation, RateLimitRule>;
  const trustRaw = value('LINLI_TRUST_PROXY');
  const trustProxy: number | string | false = trustRaw === undefined ? false : /^\d+$/.test(trustRaw) ? Number(trustRaw) : trustRaw;
  if (typeof trustProxy === 'string' && !/^[0-9a-fA-F:.,/ a-z]+$/.test(trustProxy)) problem('LINLI_TRUST_PROXY', `must be a hop count or addresses/subnets (e.g. 1, loopback, 10.0.0.0/8), got "${trustRaw}"`);
  const limits: RequestLimits = {
    jsonBytes: integer('LINLI_JSON_LIMIT_KB', 100, 1, 10_240) * 1024,
    jsonDepth: integer('LINLI_JSON_MAX_DEPTH', 16, 2, 256),
  };

  const redisUrl = value('REDIS_URL') ?? null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) problem('REDIS_URL', `must look like redis://host:6379/0, got "${redisUrl}"`);
  const shutdownTimeoutMs = integer('LINLI_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000);
  const pushToken = value('WECHAT_PUSH_TOKEN') ?? (demoMode ? DEMO_PUSH_TOKEN : null);
  if (pushToken && !/^[A-Za-z0-9]{3,32}$/.test(pushToken)) problem('WECHAT_PUSH_TOKEN', 'must be 3–32 letters or digits, as the mini-program admin allows');
  const pushAesKey = value('WECHAT_PUSH_AES_KEY') ?? (demoMode ? DEMO_PUSH_AES_KEY : null);
  if (pushAesKey && !/^[A-Za-z0-9]{43}$/.test(pushAesKey)) problem('WECHAT_PUSH_AES_KEY', 'must be the 43-character EncodingAESKey from the mini-program admin');
  const handover = value('LINLI_CHAT_HANDOVER') ?? 'bot';
  if (handover !== 'bot' && handover !== 'transfer') problem('LINLI_CHAT_HANDOVER', `must be bot or transfer, got "${handover}"`);
  const demoFormat = value('LINLI_DEMO_PUSH_FORMAT') ?? 'json';
  if (demoFormat !== 'json' && demoFormat !== 'xml') problem('LINLI_DEMO_PUSH_FORMAT', `must be json or xml, got "${demoFormat}"`);
  const demoPushMode = value('LINLI_DEMO_PUSH_MODE') ?? 'safe';
  if (demoPushMode !== 'plain' && demoPushMode !== 'safe') problem('LINLI_DEMO_PUSH_MODE', `must be plain or safe, got "${demoPushMode}"`);
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
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return `must start with mysql:// (got ${url.protocol}//)`;
  if (!url.hostname) return 'has no host';
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) return 'must name the database (letters, digits, _) after the host, e.g. /linli';
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
