import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NotificationKind } from '@linli/contracts';
import { DEFAULT_CALLBACK_POLICY } from '@linli/domain';
import { DEFAULT_TEMPLATE_FIELDS } from './wechat-templates';
import {
  ConfigError,
  DEFAULT_RATE_LIMITS,
  DEMO_PUSH_AES_KEY,
  DEMO_PUSH_TOKEN,
  type AppConfig,
  type ConfigProblem,
  type RateLimitedOperation,
  type RateLimitRule,
} from './config-types';
import { SETTINGS, type SettingName, type Settings } from './settings';

export * from './config-types';
export { parseMysqlUrl, SETTINGS } from './settings';

/** The server's own directory: apps/server/src under Jest, apps/server/dist when built. */
const SERVER_DIR = path.resolve(__dirname, '..');
const DEV_JWT_SECRET = 'linli-dev-secret-not-for-production';

export interface LoadConfigOptions {
  /** Base for relative paths (LINLI_DATA_DIR). Default: process.cwd(). */
  cwd?: string;
}

/** Parses every setting of SETTINGS (blank counts as unset); each problem names its setting. */
export function parseSettings(env: Record<string, string | undefined>): {
  settings: Settings;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const settings: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = env[name]?.trim() || undefined;
    const result = SETTINGS[name].schema.safeParse(value);
    if (result.success) settings[name] = result.data;
    else {
      for (const issue of result.error.issues)
        problems.push({ setting: name, message: issue.message });
      // The raw value, so the rules across settings below still run and report their own problems.
      settings[name] = value;
    }
  }
  return { settings: settings as Settings, problems };
}
/** Read and validate the settings. Throws ConfigError listing every problem found. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const { settings: s, problems } = parseSettings(env);
  const problem = (setting: string, message: string) => problems.push({ setting, message });

  // Rules across settings. Production must be fully configured; demo mode there only when asked for by name (issue #10).
  const nodeEnv = s.NODE_ENV;
  const appid = s.WECHAT_APPID;
  const secret = s.WECHAT_SECRET;
  if (appid && !secret) problem('WECHAT_SECRET', 'is required when WECHAT_APPID is set');
  const demoAsked = s.LINLI_DEMO;
  const demoInProduction = nodeEnv === 'production' && demoAsked;
  if (nodeEnv === 'production' && !demoAsked) {
    const missing =
      'is required in production (NODE_ENV=production); to run the demo there instead, set LINLI_DEMO=1';
    if (!appid) problem('WECHAT_APPID', missing);
    if (!appid && !secret) problem('WECHAT_SECRET', missing);
    if (!s.JWT_SECRET) problem('JWT_SECRET', 'is required in production (NODE_ENV=production)');
  }
  const demoMode = !appid || demoInProduction;
  const productionMode = nodeEnv === 'production' && !demoMode;

  const dataDir = path.resolve(cwd, s.LINLI_DATA_DIR);
  const uploadsDir = path.join(dataDir, 'uploads');
  try {
    mkdirSync(uploadsDir, { recursive: true });
  } catch (err) {
    problem('LINLI_DATA_DIR', `cannot create directory ${dataDir}: ${(err as Error).message}`);
  }
  if (env.DATABASE_REPLICA_URLS?.trim() && !s.DATABASE_URL)
    problem(
      'DATABASE_REPLICA_URLS',
      'needs DATABASE_URL: read replicas are of a MySQL/MariaDB primary',
    );
  if (problems.length > 0) throw new ConfigError(problems);

  // Every limit times LINLI_RATE_LIMIT_MULTIPLIER (default 1): tests and load runs raise them in one place.
  const multiplier = s.LINLI_RATE_LIMIT_MULTIPLIER;
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
  const demoTemplates = Object.fromEntries(
    Object.values(NotificationKind).map((k) => [
      k,
      { id: `demo-tpl-${k}`, fields: { ...DEFAULT_TEMPLATE_FIELDS } },
    ]),
  );
  return {
    port: s.PORT,
    nodeEnv,
    demoMode,
    productionMode,
    demoInProduction,
    apiDocs: !productionMode || s.LINLI_API_DOCS,
    limits: { jsonBytes: s.LINLI_JSON_LIMIT_KB * 1024, jsonDepth: s.LINLI_JSON_MAX_DEPTH },
    rateLimits,
    trustProxy: s.LINLI_TRUST_PROXY,
    database: s.DATABASE_URL ?? { type: 'sqlite', path: path.join(dataDir, 'linli.sqlite') },
    databaseReplicas: s.DATABASE_REPLICA_URLS,
    redisUrl: s.REDIS_URL,
    dataDir,
    uploadsDir,
    h5Dir: path.resolve(cwd, s.LINLI_H5_DIR ?? path.resolve(SERVER_DIR, '../../miniapp/dist/h5')),
    wechat: { appid, secret, apiBase: s.WECHAT_API_BASE, timeoutMs: s.WECHAT_TIMEOUT_MS },
    jwt: { secret: s.JWT_SECRET ?? DEV_JWT_SECRET, ttlSeconds: 7 * 24 * 3600 },
    uploadUrlTtlSeconds: 24 * 3600,
    hotline: s.LINLI_HOTLINE,
    sla: {
      warnShare: s.LINLI_SLA_WARN_PERCENT / 100,
      escalateToManagerAfterMinutes: s.LINLI_ESCALATE_MANAGER_MINUTES,
      autoCloseAfterHours: s.LINLI_AUTO_CLOSE_HOURS,
      sweepIntervalSeconds: s.LINLI_SLA_SWEEP_SECONDS,
      maxExtensionDays: s.LINLI_MAX_EXTENSION_DAYS,
    },
    outbox: {
      templates: s.LINLI_WECHAT_TEMPLATES ?? (demoMode ? demoTemplates : {}),
      pollMs: s.LINLI_OUTBOX_POLL_MS,
      batchSize: s.LINLI_OUTBOX_BATCH_SIZE,
      skipLocked: s.LINLI_DB_SKIP_LOCKED === 1,
      maxAttempts: s.LINLI_OUTBOX_MAX_ATTEMPTS,
      backoffMs: s.LINLI_OUTBOX_BACKOFF_MS,
      claimTtlMs: s.LINLI_OUTBOX_CLAIM_TTL_MS,
      quietHours: s.LINLI_QUIET_HOURS,
    },
    moveOut: {
      noticeDays: s.LINLI_MOVE_OUT_NOTICE_DAYS,
      maxAheadDays: s.LINLI_MOVE_OUT_MAX_AHEAD_DAYS,
      graceDays: s.LINLI_RELEASE_SLIP_GRACE_DAYS,
    },
    householdReviewMonths: s.LINLI_HOUSEHOLD_REVIEW_MONTHS,
    demoHistory: s.LINLI_DEMO_HISTORY ?? nodeEnv !== 'test',
    reportsSweepSeconds: s.LINLI_REPORTS_SWEEP_SECONDS,
    dashboardFreezeDays: s.LINLI_DASHBOARD_FREEZE_DAYS,
    dashboardRefreshMinutes: s.LINLI_DASHBOARD_REFRESH_MINUTES,
    retention: {
      enabled: s.LINLI_RETENTION_ENABLED ?? productionMode,
      years: s.LINLI_RETENTION_YEARS,
      sweepSeconds: s.LINLI_RETENTION_SWEEP_SECONDS,
    },
    feedback: {
      callback: {
        maxAttempts: s.LINLI_CALLBACK_MAX_ATTEMPTS,
        retryAfterDays: s.LINLI_CALLBACK_RETRY_DAYS,
        handlerMayCallBack: s.LINLI_CALLBACK_HANDLER_ALLOWED === 1,
        dueDays: { ...DEFAULT_CALLBACK_POLICY.dueDays, complaint: s.LINLI_CALLBACK_DUE_DAYS },
      },
      sampling: {
        formalSharePct: s.LINLI_SAMPLE_FORMAL_PERCENT,
        inPersonSharePct: s.LINLI_SAMPLE_IN_PERSON_PERCENT,
        supervisorSharePct: s.LINLI_SAMPLE_SUPERVISOR_PERCENT,
      },
    },
    shutdownTimeoutMs: s.LINLI_SHUTDOWN_TIMEOUT_MS,
    wechatPush: {
      token: s.WECHAT_PUSH_TOKEN ?? (demoMode ? DEMO_PUSH_TOKEN : null),
      encodingAesKey: s.WECHAT_PUSH_AES_KEY ?? (demoMode ? DEMO_PUSH_AES_KEY : null),
      handover: s.LINLI_CHAT_HANDOVER,
      pollMs: s.LINLI_CHAT_INBOX_POLL_MS,
      maxAttempts: s.LINLI_CHAT_INBOX_MAX_ATTEMPTS,
      backoffMs: s.LINLI_CHAT_INBOX_BACKOFF_MS,
      claimTtlMs: 60_000,
      demoFormat: s.LINLI_DEMO_PUSH_FORMAT,
      demoMode: s.LINLI_DEMO_PUSH_MODE,
    },
  };
}
