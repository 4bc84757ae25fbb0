/**
 * WeChat subscribe-message field rules (subscribeMessage.send "参数值内容限制"). Values are shaped
 * before sending so that WeChat never answers 47003 (argument invalid) because of our data.
 * Lengths count characters (code points), as WeChat does.
 */
import { CHINA_OFFSET_MS } from '../time/china-time';

export type SubscribeFieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

/** The field type is the key's letters: `thing2` → thing, `character_string9` → character_string. */
export function fieldTypeOf(key: string): SubscribeFieldType | null {
  const type = key.replace(/\d+$/, '');
  return (FIELD_TYPES as readonly string[]).includes(type) ? (type as SubscribeFieldType) : null;
}

const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;

const HAN = /\p{Script=Han}/u;
const chars = (s: string) => Array.from(s);

function truncate(value: string, max: number): string {
  const c = chars(value);
  return c.length <= max ? value : c.slice(0, max - 1).join('') + '…';
}

function chinaParts(instant: Date) {
  const d = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/**
 * Shape `value` for a field of `type`: texts are trimmed and cut to length, instants are written in
 * China time in WeChat's formats. Returns null when the value cannot be made valid (e.g. a phrase
 * with no Chinese characters): the caller must then choose another value, not send.
 */
export function shapeField(type: SubscribeFieldType, value: string | number | Date): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const p = chinaParts(value);
    if (type === 'time' || type === 'date') return `${p.date} ${p.time}`;
    return shapeField(type, `${p.date} ${p.time}`);
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  switch (type) {
    case 'thing':
      return truncate(text, 20);
    case 'phrase': {
      const han = chars(text).filter((c) => HAN.test(c));
      return han.length === 0 ? null : han.slice(0, 5).join('');
    }
    case 'character_string': {
      const ascii = chars(text)
        .filter((c) => /[\x21-\x7e]/.test(c))
        .join('');
      return ascii === '' ? null : ascii.slice(0, 32);
    }
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) && text.replace(/[-.]/g, '').length <= 32 ? text : null;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(text) ? text : null;
    case 'symbol':
      return /^[^\p{L}\p{N}\s]{1,5}$/u.test(text) ? text : null;
    case 'amount': {
      const m = /^[¥￥$]?\s*(\d{1,10}(\.\d{1,2})?)元?$/.exec(text);
      return m ? `¥${m[1]}` : null;
    }
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(text) ? text : null;
    case 'car_number':
      return chars(text).length <= 8 ? text : null;
    case 'name': {
      const c = chars(text);
      if (c.some((ch) => HAN.test(ch))) return c.length <= 10 ? text : c.slice(0, 10).join('');
      return c.length <= 20 ? text : c.slice(0, 20).join('');
    }
    case 'time':
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$|^\d{2}:\d{2}$/.test(text) ? text : null;
  }
}

/** Whether an already-shaped value satisfies WeChat's rule for `type`. */
export function isValidField(type: SubscribeFieldType, value: string): boolean {
  return shapeField(type, value) === value;
}
