import { XMLParser } from 'fast-xml-parser';
import type { ChatInbound } from './chat-port';

/**
 * WeChat's push bodies, JSON or XML, as flat string fields (ToUserName, FromUserName, CreateTime,
 * MsgType, Content, MsgId, Event, SessionFrom, PicUrl, MediaId, Title, PagePath, Encrypt…).
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
 */
export type PushFields = Record<string, string>;

const xml = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  trimValues: false,
  processEntities: true,
});

/** Parses a push body. MsgId is a 64-bit number: kept as its digits, not rounded to a double. Null when unreadable. */
export function parsePushBody(raw: string): { format: 'json' | 'xml'; fields: PushFields } | null {
  const text = raw.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text.replace(/"MsgId"\s*:\s*(\d+)/g, '"MsgId":"$1"'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? { format: 'json', fields: flatten(parsed as Record<string, unknown>) }
        : null;
    } catch {
      return null;
    }
  }
  if (text.startsWith('<')) {
    try {
      const parsed = xml.parse(text) as { xml?: unknown };
      return parsed.xml && typeof parsed.xml === 'object'
        ? { format: 'xml', fields: flatten(parsed.xml as Record<string, unknown>) }
        : null;
    } catch {
      return null;
    }
  }
  return null;
}

function flatten(record: Record<string, unknown>): PushFields {
  const fields: PushFields = {};
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[name] = String(value);
  }
  return fields;
}

/**
 * The chat message or event a push carries, with its dedupe key (MsgId; for events FromUserName +
 * CreateTime + Event, as WeChat's docs advise). Null for pushes the chat does not handle.
 */
export function toChatInbound(fields: PushFields): ChatInbound | null {
  const openid = fields.FromUserName;
  const created = Number(fields.CreateTime);
  if (!openid || !Number.isFinite(created) || created <= 0) return null;
  const sentAt = new Date(created * 1000);
  const msgKey = fields.MsgId
    ? `msg:${fields.MsgId}`
    : `t:${openid}:${fields.CreateTime}:${fields.MsgType}`;
  switch (fields.MsgType) {
    case 'text':
      return { key: msgKey, openid, kind: 'text', text: fields.Content ?? '', sentAt };
    case 'image':
      return {
        key: msgKey,
        openid,
        kind: 'image',
        ...(fields.MediaId ? { mediaId: fields.MediaId } : {}),
        ...(fields.PicUrl ? { picUrl: fields.PicUrl } : {}),
        sentAt,
      };
    case 'miniprogrampage':
      return {
        key: msgKey,
        openid,
        kind: 'miniprogrampage',
        pagePath: fields.PagePath ?? '',
        title: fields.Title ?? '',
        sentAt,
      };
    case 'event':
      if (fields.Event !== 'user_enter_tempsession') return null;
      return {
        key: `ev:${openid}:${fields.CreateTime}:${fields.Event}`,
        openid,
        kind: 'enter',
        sessionFrom: fields.SessionFrom ?? '',
        sentAt,
      };
    default:
      return null;
  }
}

/** A passive reply in the push's format (WeChat reads XML replies to XML pushes and JSON to JSON). */
export function formatReply(format: 'json' | 'xml', fields: PushFields): string {
  // WeChat's JSON has CreateTime as a number, as in its pushes.
  if (format === 'json')
    return JSON.stringify(
      Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k, k === 'CreateTime' ? Number(v) : v]),
      ),
    );
  const body = Object.entries(fields)
    .map(([name, value]) =>
      /^\d+$/.test(value)
        ? `<${name}>${value}</${name}>`
        : `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`,
    )
    .join('');
  return `<xml>${body}</xml>`;
}
