import { randomBytes } from 'node:crypto';
import { decryptMessage, encryptMessage, sha1Signature } from './msg-crypt';
import { UserChatMessage } from './chat-state';

/** Where and how WeChat pushes the mini-program's customer-service messages (its admin's 消息推送 settings). */
export interface PushTarget {
  /** The product's push URL, e.g. http://127.0.0.1:3000/api/wechat/push */
  url: string;
  token: string;
  /** The EncodingAESKey (43 characters); required for safe mode. */
  encodingAesKey?: string;
  format: 'json' | 'xml';
  mode: 'plain' | 'safe';
  /** WeChat waits 5 s for an answer … */
  timeoutMs?: number;
  /** … and tries 3 times in all. */
  tries?: number;
}

/** One try of a push: the answer's status and body, or why there was none. */
export interface PushAttempt {
  at: string;
  status?: number;
  body?: string;
  error?: string;
}

export interface PushResult {
  delivered: boolean;
  attempts: PushAttempt[];
  /** The product's passive reply, decrypted in safe mode ('success' or e.g. a transfer_customer_service message). */
  reply?: string;
}

let msgSeq = 0n;
const MSG_BASE = 7_300_000_000_000_000_000n;

/** WeChat's fields for a user's message or event (receive.html), MsgId a 64-bit number as its digits. */
export function pushFields(
  appUserName: string,
  openid: string,
  message: UserChatMessage,
  createTime: number,
): Record<string, string | number> {
  const head = { ToUserName: appUserName, FromUserName: openid, CreateTime: createTime };
  msgSeq += 1n;
  const MsgId = (MSG_BASE + msgSeq).toString();
  switch (message.type) {
    case 'text':
      return { ...head, MsgType: 'text', Content: message.text, MsgId };
    case 'image': {
      const media = randomBytes(12).toString('hex');
      return {
        ...head,
        MsgType: 'image',
        PicUrl: `https://mmbiz.qpic.cn/local/${media}/0`,
        MediaId: `local-media-${media}`,
        MsgId,
      };
    }
    case 'miniprogrampage':
      return {
        ...head,
        MsgType: 'miniprogrampage',
        MsgId,
        Title: message.title,
        AppId: 'wxlocalapp',
        PagePath: message.pagePath,
        ThumbUrl: '',
        ThumbMediaId: '',
      };
    case 'enter':
      return {
        ...head,
        MsgType: 'event',
        Event: 'user_enter_tempsession',
        SessionFrom: message.sessionFrom,
      };
  }
}

/** JSON (numbers bare, MsgId a bare 64-bit literal as WeChat sends it) or XML with CDATA text. */
export function formatPush(
  format: 'json' | 'xml',
  fields: Record<string, string | number>,
): string {
  if (format === 'json') {
    return `{${Object.entries(fields)
      .map(
        ([k, v]) =>
          `${JSON.stringify(k)}:${typeof v === 'number' || k === 'MsgId' ? String(v) : JSON.stringify(v)}`,
      )
      .join(',')}}`;
  }
  const body = Object.entries(fields)
    .map(([k, v]) =>
      typeof v === 'number' || k === 'MsgId'
        ? `<${k}>${v}</${k}>`
        : `<${k}><![CDATA[${v}]]></${k}>`,
    )
    .join('');
  return `<xml>${body}</xml>`;
}

/** Sends one push as WeChat does: signed, encrypted in safe mode, retried when no answer came within the timeout. */
export async function deliverPush(
  target: PushTarget,
  appid: string,
  fields: Record<string, string | number>,
  now: () => number,
): Promise<PushResult> {
  const plain = formatPush(target.format, fields);
  const timestamp = String(Math.floor(now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e10));
  const query = new URLSearchParams({
    signature: sha1Signature(target.token, timestamp, nonce),
    timestamp,
    nonce,
  });
  let body = plain;
  if (target.mode === 'safe') {
    if (!target.encodingAesKey) throw new Error('safe mode needs the EncodingAESKey');
    const encrypted = encryptMessage(target.encodingAesKey, appid, plain);
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', sha1Signature(target.token, timestamp, nonce, encrypted));
    body = formatPush(target.format, { ToUserName: String(fields.ToUserName), Encrypt: encrypted });
  }
  const attempts: PushAttempt[] = [];
  const tries = target.tries ?? 3;
  for (let i = 0; i < tries; i++) {
    const attempt: PushAttempt = { at: new Date(now()).toISOString() };
    attempts.push(attempt);
    try {
      const res = await fetch(`${target.url}?${query}`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': target.format === 'json' ? 'application/json' : 'text/xml' },
        signal: AbortSignal.timeout(target.timeoutMs ?? 5000),
      });
      attempt.status = res.status;
      attempt.body = await res.text();
      // An answer that is not a 2xx counts as none: WeChat tries again.
      if (res.ok)
        return { delivered: true, attempts, reply: readReply(target, appid, attempt.body) };
    } catch (err) {
      attempt.error =
        (err as Error).name === 'TimeoutError'
          ? 'no answer within the timeout'
          : (err as Error).message;
    }
  }
  return { delivered: false, attempts };
}

function readReply(target: PushTarget, appid: string, body: string): string {
  if (target.mode !== 'safe' || body === 'success' || body === '') return body;
  const encrypted =
    /"Encrypt"\s*:\s*"([^"]+)"/.exec(body)?.[1] ??
    /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body)?.[1];
  return encrypted && target.encodingAesKey
    ? (decryptMessage(target.encodingAesKey, appid, encrypted) ?? body)
    : body;
}
