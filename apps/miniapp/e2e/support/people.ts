import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { solidPng } from './png';

/** The resident's photo of the leak: a real PNG file on disk, as the file picker hands it over. */
export function writePhoto(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-photo-')), 'leak.png');
  writeFileSync(file, solidPng(96, 96, [64, 128, 200]));
  return file;
}

/**
 * Taro's H5 router keeps earlier pages in the DOM, hidden: a person only sees (and taps) what is
 * visible, so every lookup is restricted to visible elements.
 */
export const visible = (page: Page, text: string, options?: { exact?: boolean }) =>
  page.getByText(text, options).filter({ visible: true }).first();
export const see = (page: Page, text: string, options?: { exact?: boolean }) =>
  visible(page, text, options).waitFor();

/** A NutUI button by its label (the label's own element sits under the button, which takes the tap). */
export const button = (page: Page, label: string) =>
  page.locator('taro-button-core', { hasText: label }).filter({ visible: true });

export async function loginAs(page: Page, persona: string): Promise<void> {
  await page.goto('/');
  await see(page, '选择演示身份');
  await visible(page, persona).click();
  await see(page, '您好');
}

/** Taps the 工单 tab and waits until the tickets page (not the home page behind it) is on screen. */
export async function openTicketsTab(page: Page): Promise<void> {
  await visible(page, '工单', { exact: true }).click();
  await page
    .getByText(/^(全部报事|我的工单队列|小区工单)$/)
    .filter({ visible: true })
    .first()
    .waitFor();
}

/** A NutUI cell (a tappable row) by its text. */
export const cell = (page: Page, text: string) =>
  page.locator('.nut-cell', { hasText: text }).filter({ visible: true }).first();
