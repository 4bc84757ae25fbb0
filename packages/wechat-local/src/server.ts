import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ChatState } from './chat/chat-state';
import { createLocalChat, localChatRoute } from './chat/local-chat';
import { wechatError } from './errors';
import { LoginCodes } from './login-codes';
import { PlatformState } from './platform-state';
import { ROUTES } from './router';
import { InjectedFailure, LocalWechatOptions, LocalWechatServer, RecordedRequest } from './types';

const FIVE_MINUTES = 5 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;

interface PendingFailure {
  failure: InjectedFailure;
  remaining: number;
  path?: string;
}

/** Start a server speaking WeChat's HTTP API on 127.0.0.1. Resolves once it is listening. */
export async function startLocalWechatServer(
  options: LocalWechatOptions,
): Promise<LocalWechatServer> {
  let baseNow = options.now ?? (() => Date.now());
  // POST /__local/clock moves this server's clock forward (quota windows in tests and demos).
  let clockOffsetMs = 0;
  const now = () => baseNow() + clockOffsetMs;
  const clock = { advance: (ms: number) => ((clockOffsetMs += ms), now()) };
  const codes = new LoginCodes(now, options.codeTtlMs ?? FIVE_MINUTES);
  const app = { appid: options.appid, secret: options.secret };
  const received: RecordedRequest[] = [];
  const failures: PendingFailure[] = [];
  const platform = new PlatformState(now);
  const chatState = new ChatState(now);
  const chatMedia = new Set<string>();
  const chat = createLocalChat(options.appid, chatState, now);
  const randomFailures = new Map<
    string,
    { share: number; failures: InjectedFailure[]; random: () => number }
  >();
  let phoneCodeSeq = 0;
  let latencyMs = options.latencyMs ?? 0;

  function takeFailure(path: string): InjectedFailure | undefined {
    const randomly = randomFailures.get(path);
    if (randomly && randomly.random() < randomly.share)
      return randomly.failures[Math.floor(randomly.random() * randomly.failures.length)];
    const pending = failures.find((f) => f.remaining > 0 && (!f.path || f.path === path));
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining === 0) failures.splice(failures.indexOf(pending), 1);
    return pending.failure;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: now(),
    };
    received.push(record);
    const body = await readJsonBody(req);
    if (body !== undefined) record.body = body;

    if (record.path.startsWith('/__local/')) {
      // A browser page (the H5 demo chat window) may call the inspection API from another origin.
      if (record.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': 'Content-Type',
        });
        res.end();
        return;
      }
      const local = await localChatRoute(chat, record.method, record.path, body, clock);
      const answer = local ?? { status: 404, body: { error: 'not found' } };
      record.status = answer.status;
      record.response = answer.body;
      res.writeHead(answer.status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(JSON.stringify(answer.body));
      return;
    }
    const failure = takeFailure(record.path);
    if (failure === 'timeout') {
      // Never answer: the caller's own timeout has to fire. Note when the caller gave up.
      res.once('close', () => (record.abandonedAt = now()));
      return;
    }
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs)); // WeChat's round trip
    const route = ROUTES[`${record.method} ${record.path}`];
    const result =
      failure !== undefined
        ? { status: 200, body: wechatError(failure) }
        : route
          ? route({
              query: record.query,
              body,
              app,
              codes,
              platform,
              chat: { state: chatState, media: chatMedia, now },
            })
          : { status: 404, body: wechatError(44004) };
    record.status = result.status ?? 200;
    record.response = result.body;
    // WeChat sends its JSON as text/plain on these endpoints: clients must parse the text themselves.
    res.writeHead(record.status, { 'Content-Type': 'text/plain' });
    res.end(JSON.stringify(result.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(JSON.stringify(wechatError(-1)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    mintCode: (openid, mintOptions) => codes.mint(openid, mintOptions?.unionid),
    failNext(failure, count = 1, path) {
      if (!Number.isInteger(count) || count < 1)
        throw new RangeError(`failNext count must be a positive integer, got ${count}`);
      failures.push({ failure, remaining: count, path });
    },
    failRandomly(share, failureList, path, random = Math.random) {
      if (!(share >= 0 && share <= 1))
        throw new RangeError(`failRandomly share must be 0–1, got ${share}`);
      if (share === 0) randomFailures.delete(path);
      else randomFailures.set(path, { share, failures: failureList, random });
    },
    revoke: (openid, templateId = '*') => void platform.revoked.add(`${openid} ${templateId}`),
    expireTokens: () => platform.expireTokens(),
    mintPhoneCode(phone) {
      phoneCodeSeq += 1;
      const code = `phone-${phoneCodeSeq}-${Math.random().toString(36).slice(2, 10)}`;
      platform.phoneCodes.set(code, phone);
      return code;
    },
    delivered: platform.delivered,
    chat,
    advanceClock: (ms) => clock.advance(ms),
    useClock(source) {
      baseNow = source;
    },
    setLatency(ms) {
      if (!(ms >= 0)) throw new RangeError(`latency must be ≥ 0 ms, got ${ms}`);
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // including requests held by a 'timeout' failure
      }),
  };
}

function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (chunks.length === 0) return resolve(undefined);
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}
