import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

const HEADER = '楼栋,单元,房号,姓名,身份,关系,手机号,入住日期,证件号';

function csv(name: string, rows: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-sheet-')), name);
  writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
  return file;
}

async function importFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button(page, '选择文件导入').click();
  await (await chooser).setFiles(file);
}

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: the office imports its household spreadsheet',
  () => {
    const app = useLinliApp();

    it('a sheet with a bad row imports nothing and says which row; the corrected sheet goes in', () =>
      app.scenario(async () => {
        const supervisor = await app.openAs('supervisor');
        await goTo(supervisor, '住户资料导入');
        await see(supervisor, '导入步骤');

        await importFile(
          supervisor,
          csv('bad.csv', [
            '3栋,1单元,101,刘先生,业主,本人,13900000011,2026-11-01,',
            '3栋,1单元,102,陈女士,业主,本人,12345,2026-11-01,',
          ]),
        );
        await see(supervisor, '未导入');
        await see(supervisor, '第 3 行', { exact: false });
        await shot(supervisor, 'sheet-01-rejected-row');

        await importFile(
          supervisor,
          csv('good.csv', [
            '3栋,1单元,101,刘先生,业主,本人,13900000011,2026-11-01,',
            '3栋,1单元,102,陈女士,业主,本人,13900000012,2026-11-01,',
          ]),
        );
        await see(supervisor, '导入完成');
        await see(supervisor, '新建房屋 2 间，已有房屋 0 间');
        await see(supervisor, '新登记住户 2 人', { exact: false });
        await shot(supervisor, 'sheet-02-imported');

        // The new building is there for the staff to open.
        await supervisor.goto(`${app.server.baseUrl}/`);
        await goTo(supervisor, '住户档案');
        await see(supervisor, '3栋');
      }));
  },
);
