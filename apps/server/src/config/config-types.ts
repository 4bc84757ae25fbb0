import type { NotificationKind } from '@linli/contracts';
import type { CallbackPolicy, MoveOutPolicy, SamplingPolicy } from '@linli/domain';
import type { TemplateSetting } from './wechat-templates';

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
export type RateLimitedOperation =
  'login' | 'ticketSubmit' | 'joinRequest' | 'slipVerify' | 'chase';

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
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}
