import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, Page, chromium } from 'playwright-core';

/**
 * The browser and the phone every scenario (and the H5 first-load benchmark) uses: Debian's Chromium,
 * never a downloaded one, and a 390 × 844 WeChat phone in China time.
 */
const PHONE_BROWSER = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../config/phone-browser.json'), 'utf8'),
) as { chromium: { executablePath: string; args: string[] }; phone: BrowserContextOptions };
export const CHROMIUM = PHONE_BROWSER.chromium.executablePath;
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
  return chromium.launch({ ...PHONE_BROWSER.chromium, headless: true });
}

/** A phone-sized browser profile: one per person, so each keeps their own login. */
export function newPhone(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE_BROWSER.phone, baseURL: baseUrl });
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
