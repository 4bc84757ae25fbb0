import { Role } from '@linli/contracts';

/**
 * 我的, as data: groups of entries and who sees each one. A feature adds its entry to the group where
 * people look for it (我的房屋: their home; 我的服务: messages and help; 工作台: daily staff work;
 * 管理: settings a supervisor or admin changes now and then; staff see 工作台 first) with a `who` rule; the page draws the rest.
 */
export interface MeContext {
  role: Role;
  /** A resident with an active room. */
  bound: boolean;
  unread: number;
  hotline: string | null;
}

export type MenuIconName =
  | 'home'
  | 'user-add'
  | 'location'
  | 'order'
  | 'qr'
  | 'check'
  | 'message'
  | 'phone'
  | 'people'
  | 'notice'
  | 'clock'
  | 'list'
  | 'setting'
  | 'scan'
  | 'store'
  | 'eye'
  | 'retweet'
  | 'edit';

export interface MeEntry {
  key: string;
  title: string;
  icon: MenuIconName;
  color: string;
  /** Who sees the entry. */
  who: (ctx: MeContext) => boolean;
  /** A short hint on the right (a few words; it never wraps). */
  value?: (ctx: MeContext) => string | undefined;
  badge?: (ctx: MeContext) => number;
  /** Where a tap goes: a page, or an action the page performs. */
  to: string | { action: 'call-hotline' };
}

export interface MeGroup {
  key: string;
  title: string;
  entries: MeEntry[];
}

export const boundResident = (ctx: MeContext) => ctx.role === Role.Resident && ctx.bound;
export const unboundResident = (ctx: MeContext) => ctx.role === Role.Resident && !ctx.bound;
export const office = (ctx: MeContext) =>
  ctx.role === Role.Assistant || ctx.role === Role.Supervisor || ctx.role === Role.Admin;
export const desk = (ctx: MeContext) => ctx.role === Role.Assistant || ctx.role === Role.Supervisor;
export const managers = (ctx: MeContext) => ctx.role === Role.Supervisor || ctx.role === Role.Admin;

export const GREEN = '#1a7f5a';
export const BLUE = '#2f7ae5';
export const ORANGE = '#f08a24';
export const PURPLE = '#7b61d9';
export const RED = '#e5483d';
export const GREY = '#8a8f99';

export interface VisibleEntry extends Omit<MeEntry, 'who' | 'value' | 'badge'> {
  value?: string;
  badge?: number;
}

/** The groups this person sees: entries filtered by `who`, values worked out, empty groups dropped. */
export function visibleGroups(
  groups: MeGroup[],
  ctx: MeContext,
): { key: string; title: string; entries: VisibleEntry[] }[] {
  return groups
    .map((g) => ({
      key: g.key,
      title: g.title,
      entries: g.entries
        .filter((e) => e.who(ctx))
        .map(({ who: _who, value, badge, ...rest }) => ({
          ...rest,
          value: value?.(ctx),
          badge: badge?.(ctx),
        })),
    }))
    .filter((g) => g.entries.length > 0);
}

/** Residents never see the demo clock; staff in a demo build do, marked as a demo tool. */
export const showsDemoClock = (role: Role, demoMode: boolean) => demoMode && role !== Role.Resident;
