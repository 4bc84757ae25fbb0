import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

/** Debian's Chromium: the only browser these tests use (never a downloaded one). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../screenshots');

/**
 * Whether the browser tests run: always under CI=true (where a missing browser must fail, not skip),
 * otherwise when Chromium is installed.
 */
export const browserTestsEnabled =
  process.env.CI === 'true' || process.env.CI === '1' || existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized browser profile: one per person, so each keeps their own login. */
export function newPhone(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN',
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Runs a browser scenario; when it fails, every open page is photographed (failure-N.png) before rethrowing. */
export async function withFailureScreenshots(
  browser: Browser,
  scenario: () => Promise<void>,
): Promise<void> {
  try {
    await scenario();
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    for (const [i, page] of pages.entries())
      await screenshot(page, `failure-${i + 1}`).catch(() => undefined);
    throw err;
  }
}
