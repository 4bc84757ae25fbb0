import { NotificationKind } from '@linli/contracts';
import { fieldTypeOf } from '@linli/domain';

/** What of our message fills a template field. */
export type MessageSource = 'title' | 'body' | 'ticketCode' | 'at';
const SOURCES: readonly MessageSource[] = ['title', 'body', 'ticketCode', 'at'];

/** One subscribe-message template: its id in the WeChat console, and which of our values fills each of its fields. */
export interface TemplateSetting {
  id: string;
  /** Template field key (e.g. thing1, character_string2, time4) → our value. */
  fields: Record<string, MessageSource>;
}

/** The layout of the demo templates, and of any template configured by id alone. */
export const DEFAULT_TEMPLATE_FIELDS: Readonly<Record<string, MessageSource>> = {
  thing1: 'title',
  character_string2: 'ticketCode',
  thing3: 'body',
  time4: 'at',
};

const KINDS = Object.values(NotificationKind) as string[];

/**
 * LINLI_WECHAT_TEMPLATES: per kind of message, a template id (with the default field layout) or
 * `{"id": "…", "fields": {"thing2": "title", "time5": "at", …}}`. Every kind, key and source is
 * checked here, so a typo stops the server at boot instead of dead-lettering messages with 47003.
 */
export function parseWechatTemplates(raw: string): {
  templates: Partial<Record<NotificationKind, TemplateSetting>>;
  problems: string[];
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      templates: {},
      problems: [
        'must be JSON like {"ticket_assigned":"<template id>"} or {"ticket_assigned":{"id":"<template id>","fields":{"thing1":"title"}}}',
      ],
    };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { templates: {}, problems: ['must be a JSON object keyed by kind of message'] };
  const templates: Partial<Record<NotificationKind, TemplateSetting>> = {};
  const problems: string[] = [];
  for (const [kind, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!KINDS.includes(kind)) {
      problems.push(`unknown kind "${kind}" (kinds: ${KINDS.join(', ')})`);
      continue;
    }
    const setting =
      typeof value === 'string'
        ? { id: value, fields: { ...DEFAULT_TEMPLATE_FIELDS } }
        : toSetting(kind, value, problems);
    if (!setting) continue;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(setting.id))
      problems.push(
        `${kind}: template id must be 1-64 letters, digits, - or _, got "${setting.id}"`,
      );
    else templates[kind as NotificationKind] = setting;
  }
  return { templates, problems };
}

function toSetting(kind: string, value: unknown, problems: string[]): TemplateSetting | null {
  const v = value as { id?: unknown; fields?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.id !== 'string') {
    problems.push(`${kind}: must be a template id or {"id": "…", "fields": {…}}`);
    return null;
  }
  if (v.fields === undefined) return { id: v.id, fields: { ...DEFAULT_TEMPLATE_FIELDS } };
  if (
    !v.fields ||
    typeof v.fields !== 'object' ||
    Array.isArray(v.fields) ||
    Object.keys(v.fields).length === 0
  ) {
    problems.push(`${kind}: "fields" must map template field keys to ${SOURCES.join(' / ')}`);
    return null;
  }
  const fields: Record<string, MessageSource> = {};
  for (const [key, source] of Object.entries(v.fields as Record<string, unknown>)) {
    if (!fieldTypeOf(key))
      problems.push(
        `${kind}: "${key}" is not a WeChat field key (thing1, character_string2, time3, phrase4, …)`,
      );
    else if (typeof source !== 'string' || !(SOURCES as readonly string[]).includes(source))
      problems.push(
        `${kind}: field ${key} must be one of ${SOURCES.join(', ')}, got ${JSON.stringify(source)}`,
      );
    else fields[key] = source as MessageSource;
  }
  return { id: v.id, fields };
}
