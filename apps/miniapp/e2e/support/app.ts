/**
 * One module for what every browser scenario does (issue #17): start the built server and Chromium for the
 * file, open a phone signed in as a demo persona, go to a tab or to a page, and take a named screenshot.
 *
 *   const app = useLinliApp();
 *   it('…', () => app.scenario(async () => {
 *     const admin = await app.openAs('admin');
 *     await goTo(admin, '工作日历');
 *     await shot(admin, 'calendar-01-admin-warning');
 *   }));
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPhone, screenshot, withFailureScreenshots } from './browser';
import { RunningServer, startLinli } from './linli-server';
import { cell, loginAs, see, visible } from './people';

/** The demo personas, as the login page lists them. */
export const PERSONAS = {
  resident: '住户 · 王女士',
  newcomer: '新住户 · 赵先生',
  assistant: '礼宾助理 · 李管家',
  supervisor: '管理处主任 · 张主任',
  departmentHead: '工程部经理 · 孙经理',
  admin: '公司管理员 · 系统管理员',
  guard: '门岗 · 刘师傅',
} as const;
export type Persona = keyof typeof PERSONAS;

/** The tab bar's tabs, with something each shows once it is on screen (not a page hidden behind it). */
const TABS = {
  首页: /^您好/,
  工单: /^(全部报事|我的工单队列|小区工单)$/,
  我的: /^退出登录$/,
} as const;
export type Tab = keyof typeof TABS;

/** What a phone's browser profile allows beyond the defaults (e.g. the clipboard, to paste a code). */
export interface PhoneOptions {
  permissions?: string[];
}

export interface LinliApp {
  /** The running server (its baseUrl, its output); set once beforeAll has run. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new phone (its own browser profile, so its own login) signed in as `persona`, on the home page. */
  openAs(persona: Persona, options?: PhoneOptions): Promise<Page>;
  /** A new phone, not signed in yet (sign it in later with `signIn`, e.g. after others have acted). */
  newPage(options?: PhoneOptions): Promise<Page>;
  /** Runs a scenario; when it fails, every open page is photographed (failure-N.png) first. */
  scenario(run: () => Promise<void>): Promise<void>;
}

/**
 * Starts the built server (demo mode, a fresh database; `env` adds to its environment) and Chromium before
 * the scenarios of the describe it is called in, and stops both after them.
 */
export function useLinliApp(env: Record<string, string> = {}): LinliApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startLinli(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the app is not started yet: use it inside a test');
    return value;
  };
  const newPage = async (options: PhoneOptions = {}): Promise<Page> => {
    const phone = await newPhone(started(browser), started(server).baseUrl);
    if (options.permissions) await phone.grantPermissions(options.permissions);
    return phone.newPage();
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    newPage,
    async openAs(persona, options = {}) {
      const page = await newPage(options);
      await signIn(page, persona);
      return page;
    },
    scenario: (run) => withFailureScreenshots(started(browser), run),
  };
}

/** Signs a phone in as `persona` from the persona picker, and waits for the home page. */
export const signIn = (page: Page, persona: Persona): Promise<void> =>
  loginAs(page, PERSONAS[persona]);

/** Taps a tab of the tab bar and waits until that tab (not the page behind it) is on screen. */
export async function goToTab(page: Page, tab: Tab): Promise<void> {
  await visible(page, tab, { exact: true }).click();
  await page.getByText(TABS[tab]).filter({ visible: true }).first().waitFor();
}

/**
 * Opens a page by the entry that leads to it (a cell of the 我的 tab unless `from` names another tab) and,
 * when given, waits for something the page shows.
 */
export async function goTo(
  page: Page,
  entry: string,
  options: { from?: Tab; shows?: string } = {},
): Promise<void> {
  await goToTab(page, options.from ?? '我的');
  await cell(page, entry).click();
  if (options.shows) await see(page, options.shows);
}

/** A full-page screenshot, saved as e2e/screenshots/<name>.png. */
export const shot = (page: Page, name: string): Promise<void> => screenshot(page, name);
