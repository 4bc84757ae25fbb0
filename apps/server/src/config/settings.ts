import {
  DEFAULT_CALLBACK_POLICY,
  DEFAULT_FREEZE_DAYS,
  DEFAULT_MOVE_OUT_POLICY,
  DEFAULT_RETENTION,
  DEFAULT_SAMPLING_POLICY,
} from '@linli/domain';
import { z } from 'zod';
import type { MysqlDatabaseConfig, OutboxSettings } from './config-types';
import { parseWechatTemplates } from './wechat-templates';

/**
 * Every environment variable the server reads, declared once: its type and default (a zod schema over
 * the trimmed value, undefined when unset or blank) and its one-line meaning. loadConfig (app-config.ts)
 * parses each one and names the setting in every problem; the README's configuration table is checked
 * against this list (test/config-docs.spec.ts).
 */
export interface Setting<T> {
  meaning: string;
  schema: z.ZodType<T, string | undefined>;
}

const raw = z.string().optional();
const fail = (ctx: z.RefinementCtx, message: string) => ctx.addIssue({ code: 'custom', message });
const setting = <T>(meaning: string, schema: z.ZodType<T, string | undefined>): Setting<T> => ({
  meaning,
  schema,
});

/** A whole number in [min, max], `fallback` when unset. */
function whole(fallback: number, min: number, max: number, meaning: string): Setting<number> {
  return setting(
    meaning,
    raw.transform((v, ctx) => {
      if (v === undefined) return fallback;
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n >= min && n <= max)) fail(ctx, `must be a whole number ${min}-${max}, got "${v}"`);
      return n;
    }),
  );
}

/** Free text, checked by `ok` when set; `fallback` when unset. */
function text<F extends string | null>(
  fallback: F,
  meaning: string,
  ok: (v: string) => boolean = () => true,
  message: (v: string) => string = () => '',
): Setting<string | F> {
  return setting(
    meaning,
    raw.transform((v, ctx) => {
      if (v !== undefined && !ok(v)) fail(ctx, message(v));
      return v ?? fallback;
    }),
  );
}

/** One of a few words; `fallback` when unset. */
function oneOf<const W extends string>(words: readonly W[], fallback: W, meaning: string) {
  return setting<W>(
    meaning,
    raw.transform((v, ctx) => {
      const w = v ?? fallback;
      if ((words as readonly string[]).includes(w)) return w as W;
      const list = words.length === 2 ? words.join(' or ') : `one of ${words.join(', ')}`;
      fail(ctx, `must be ${list}, got "${w}"`);
      return fallback;
    }),
  );
}

/** 0 or 1; undefined when unset (the default then depends on the mode). */
const zeroOrOne = (meaning: string) =>
  setting<boolean | undefined>(
    meaning,
    raw.transform((v, ctx) => {
      if (v !== undefined && v !== '0' && v !== '1') fail(ctx, `must be 0 or 1, got "${v}"`);
      return v === undefined ? undefined : v === '1';
    }),
  );

/** Anything other than 1 is off. */
const onlyOne = (meaning: string) =>
  setting<boolean>(
    meaning,
    raw.transform((v) => v === '1'),
  );

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
  return {
    type: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database,
  };
}

const mysqlUrls = (meaning: string) =>
  setting<MysqlDatabaseConfig[]>(
    meaning,
    raw.transform((v, ctx) => {
      const urls = (v ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      const parsed = urls.map(parseMysqlUrl);
      for (const p of parsed) if (typeof p === 'string') fail(ctx, p);
      return parsed.filter((p): p is MysqlDatabaseConfig => typeof p !== 'string');
    }),
  );

function isHttpUrl(v: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

const M = DEFAULT_MOVE_OUT_POLICY;
const C = DEFAULT_CALLBACK_POLICY;
const S = DEFAULT_SAMPLING_POLICY;

export const SETTINGS = {
  PORT: setting(
    'HTTP port',
    raw.transform((v, ctx) => {
      const n = /^\d+$/.test(v ?? '3000') ? Number(v ?? '3000') : NaN;
      if (!(n >= 1 && n <= 65535)) fail(ctx, `must be a port number 1-65535, got "${v}"`);
      return n;
    }),
  ),
  NODE_ENV: oneOf(['development', 'test', 'production'], 'development', 'the mode'),
  WECHAT_APPID: text(
    null,
    'the mini-program AppID; unset: demo mode',
    (v) => /^wx[0-9a-zA-Z_-]{4,}$/.test(v),
    (v) => `must look like wx0123456789abcdef, got "${v}"`,
  ),
  WECHAT_SECRET: text(null, 'the AppSecret, required with WECHAT_APPID'),
  LINLI_DEMO: onlyOne('1: demo mode even under NODE_ENV=production'),
  LINLI_API_DOCS: onlyOne('1: serve /api/docs in production mode too'),
  WECHAT_API_BASE: setting(
    "WeChat's API base URL",
    raw.transform((v, ctx) => {
      const base = (v ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
      if (!isHttpUrl(base)) fail(ctx, `must be an http(s) URL, got "${base}"`);
      return base;
    }),
  ),
  WECHAT_TIMEOUT_MS: whole(5000, 50, 60_000, 'timeout of a call to WeChat'),
  JWT_SECRET: text(
    null,
    'signs session tokens; required in production',
    (v) => v.length >= 16,
    () => 'must be at least 16 characters',
  ),
  LINLI_DATA_DIR: text('./data', 'data directory (SQLite file, uploads), relative to the cwd'),
  LINLI_H5_DIR: text(null, 'the H5 build served at /; default apps/miniapp/dist/h5'),
  DATABASE_URL: setting<MysqlDatabaseConfig | null>(
    'mysql://user:password@host:3306/db; unset: SQLite in the data directory',
    raw.transform((v, ctx) => {
      if (v === undefined) return null;
      const parsed = parseMysqlUrl(v);
      if (typeof parsed !== 'string') return parsed;
      fail(ctx, parsed);
      return null;
    }),
  ),
  DATABASE_REPLICA_URLS: mysqlUrls('comma-separated read replicas of DATABASE_URL'),
  REDIS_URL: text(
    null,
    'Redis for shared rate limits; unset: the database',
    (v) => /^rediss?:\/\/[^\s]+$/.test(v),
    (v) => `must look like redis://host:6379/0, got "${v}"`,
  ),
  LINLI_HOTLINE: text(
    '400-800-1234',
    'the service hotline shown to residents',
    (v) => /^[0-9+][0-9 -]{2,19}$/.test(v),
    (v) => `must be a phone number, got "${v}"`,
  ),
  LINLI_SLA_WARN_PERCENT: whole(80, 1, 99, 'share of a time limit that triggers the warning'),
  LINLI_ESCALATE_MANAGER_MINUTES: whole(1440, 1, 43_200, 'overdue minutes before the manager'),
  LINLI_AUTO_CLOSE_HOURS: whole(72, 1, 720, 'hours before a resolved ticket closes itself'),
  LINLI_SLA_SWEEP_SECONDS: whole(30, 0, 3600, 'interval of the sweeps; 0: off'),
  LINLI_MAX_EXTENSION_DAYS: whole(30, 1, 365, 'longest extension of a time limit'),
  LINLI_WECHAT_TEMPLATES: setting<OutboxSettings['templates'] | null>(
    'subscribe-message template ids by kind (JSON); demo mode: demo ids',
    raw.transform((v, ctx) => {
      if (v === undefined) return null;
      const parsed = parseWechatTemplates(v);
      parsed.problems.forEach((p) => fail(ctx, p));
      return parsed.templates;
    }),
  ),
  LINLI_QUIET_HOURS: setting(
    'China-time hours without subscribe messages',
    raw.transform((v, ctx) => {
      const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v ?? '22:00-08:00');
      if (!m) fail(ctx, `must look like 22:00-08:00, got "${v}"`);
      const [, h1, m1, h2, m2] = m ?? ['', '22', '00', '08', '00'];
      return {
        startMinute: Number(h1) * 60 + Number(m1),
        endMinute: Number(h2) * 60 + Number(m2),
      };
    }),
  ),
  LINLI_OUTBOX_POLL_MS: whole(1000, 0, 3_600_000, 'outbox polling interval; 0: off'),
  LINLI_OUTBOX_BATCH_SIZE: whole(50, 1, 1000, 'messages claimed per outbox batch'),
  LINLI_DB_SKIP_LOCKED: whole(1, 0, 1, '1: claim with SKIP LOCKED on MySQL/MariaDB'),
  LINLI_OUTBOX_MAX_ATTEMPTS: whole(8, 1, 100, 'deliveries tried before a message is dead'),
  LINLI_OUTBOX_BACKOFF_MS: whole(5000, 1, 3_600_000, 'first retry delay, doubling'),
  LINLI_OUTBOX_CLAIM_TTL_MS: whole(60_000, 100, 3_600_000, 'lease of a claimed message'),
  LINLI_MOVE_OUT_NOTICE_DAYS: whole(M.noticeDays, 0, 30, 'days of notice for a move-out'),
  LINLI_MOVE_OUT_MAX_AHEAD_DAYS: whole(M.maxAheadDays, 1, 365, 'furthest move-out date'),
  LINLI_RELEASE_SLIP_GRACE_DAYS: whole(M.graceDays, 0, 30, 'days a release slip stays valid'),
  LINLI_HOUSEHOLD_REVIEW_MONTHS: whole(3, 1, 24, 'months between household reviews'),
  LINLI_REPORTS_SWEEP_SECONDS: whole(3600, 0, 86_400, 'interval of the report jobs; 0: off'),
  LINLI_DASHBOARD_FREEZE_DAYS: whole(DEFAULT_FREEZE_DAYS, 1, 366, 'days until a month freezes'),
  LINLI_DASHBOARD_REFRESH_MINUTES: whole(10, 0, 1440, 'provisional snapshot interval; 0: live'),
  LINLI_RETENTION_ENABLED: zeroOrOne('1|0: retention; default on only in production mode'),
  LINLI_RETENTION_YEARS: whole(DEFAULT_RETENTION.years, 1, 30, 'years records are kept'),
  LINLI_RETENTION_SWEEP_SECONDS: whole(3600, 0, 86_400, 'interval of the retention job'),
  LINLI_CALLBACK_MAX_ATTEMPTS: whole(C.maxAttempts, 1, 10, 'callback attempts'),
  LINLI_CALLBACK_RETRY_DAYS: whole(C.retryAfterDays, 1, 30, 'days between callback attempts'),
  LINLI_CALLBACK_HANDLER_ALLOWED: whole(0, 0, 1, '1: the handler may make the callback'),
  LINLI_CALLBACK_DUE_DAYS: whole(C.dueDays.complaint, 1, 30, "a complaint's callback due days"),
  LINLI_SAMPLE_FORMAL_PERCENT: whole(S.formalSharePct, 0, 100, 'formal sample share'),
  LINLI_SAMPLE_IN_PERSON_PERCENT: whole(S.inPersonSharePct, 0, 100, 'in-person sample share'),
  LINLI_SAMPLE_SUPERVISOR_PERCENT: whole(S.supervisorSharePct, 0, 100, 'supervisor share'),
  LINLI_DEMO_HISTORY: zeroOrOne('1|0: seed demo history; default on except under test'),
  LINLI_RATE_LIMIT_MULTIPLIER: whole(1, 1, 1_000_000, 'multiplies every rate limit'),
  LINLI_TRUST_PROXY: setting<number | string | false>(
    'proxy hops or addresses to trust for the client IP; unset: none',
    raw.transform((v, ctx) => {
      if (v === undefined) return false;
      if (/^\d+$/.test(v)) return Number(v);
      if (!/^[0-9a-fA-F:.,/ a-z]+$/.test(v))
        fail(
          ctx,
          `must be a hop count or addresses/subnets (e.g. 1, loopback, 10.0.0.0/8), got "${v}"`,
        );
      return v;
    }),
  ),
  LINLI_JSON_LIMIT_KB: whole(100, 1, 10_240, 'largest JSON body'),
  LINLI_JSON_MAX_DEPTH: whole(16, 2, 256, 'deepest JSON body'),
  LINLI_SHUTDOWN_TIMEOUT_MS: whole(10_000, 100, 600_000, 'bound of a graceful shutdown'),
  WECHAT_PUSH_TOKEN: text(
    null,
    'message-push Token; demo mode: a demo token',
    (v) => /^[A-Za-z0-9]{3,32}$/.test(v),
    () => 'must be 3–32 letters or digits, as the mini-program admin allows',
  ),
  WECHAT_PUSH_AES_KEY: text(
    null,
    'message-push EncodingAESKey; demo mode: a demo key',
    (v) => /^[A-Za-z0-9]{43}$/.test(v),
    () => 'must be the 43-character EncodingAESKey from the mini-program admin',
  ),
  LINLI_CHAT_HANDOVER: oneOf(['bot', 'transfer'], 'bot', 'who answers the chat after a ticket'),
  LINLI_CHAT_INBOX_POLL_MS: whole(500, 0, 60_000, 'chat inbox polling interval; 0: off'),
  LINLI_CHAT_INBOX_MAX_ATTEMPTS: whole(8, 1, 100, 'hand-overs tried per inbound message'),
  LINLI_CHAT_INBOX_BACKOFF_MS: whole(2000, 1, 600_000, 'first hand-over retry delay'),
  LINLI_DEMO_PUSH_FORMAT: oneOf(['json', 'xml'], 'json', "demo push's format"),
  LINLI_DEMO_PUSH_MODE: oneOf(['plain', 'safe'], 'safe', "demo push's encryption mode"),
};

export type SettingName = keyof typeof SETTINGS;
export type Settings = {
  [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;
};
