import { goToTab, shot, useLinliApp } from './support/app';
import { browserTestsEnabled } from './support/browser';
import { button, cell, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

const DESCRIPTION = '单元门禁主板烧坏，需要厂家配件';

/** Twenty days from now at 18:00 China time, as typed: later than any 3-working-day limit, within the 30 days one request may add. */
function requestedDeadline(): { typed: string; shown: string } {
  const china = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000);
  const day = china.toISOString().slice(0, 10);
  return { typed: `${day} 18:00`, shown: `${day} 18:00` };
}

(browserTestsEnabled ? describe : describe.skip)(
  'H5 mini-program: a deadline extension needs the supervisor’s approval',
  () => {
    const app = useLinliApp();

    it('the assistant asks for a later deadline with the reason; the supervisor approves it from the home page', () =>
      app.scenario(async () => {
        const until = requestedDeadline();
        const resident = await app.openAs('resident');
        await button(resident, '我要报事').first().click();
        await visible(resident, '公共区域维修').click();
        await resident.locator('textarea').fill(DESCRIPTION);
        await button(resident, '提交报事').click();
        await see(resident, '接收微信通知');
        await visible(resident, '暂不', { exact: true }).click();
        await resident.waitForURL(/ticket\/detail/);

        const assistant = await app.openAs('assistant');
        await goToTab(assistant, '工单');
        await visible(assistant, DESCRIPTION).click();
        await button(assistant, '受理').click();
        await see(assistant, '接收微信通知');
        await visible(assistant, '暂不', { exact: true }).click();
        await see(assistant, '已受理');
        await button(assistant, '申请延期').click();
        await assistant
          .locator('input[placeholder="新期限，如 2026-11-30 18:00"]')
          .fill(until.typed);
        await assistant
          .locator('textarea[placeholder="延期原因（如等待配件、住户要求改期）"]')
          .fill('等待厂家配件到货');
        await button(assistant, '提交延期申请').click();
        await see(assistant, '待审批');
        await see(assistant, '李管家：等待厂家配件到货');
        await shot(assistant, 'extension-01-assistant-asked');

        const supervisor = await app.openAs('supervisor');
        await see(supervisor, '1 个延期申请待审批');
        await visible(supervisor, '1 个延期申请待审批').click();
        await see(supervisor, '等待厂家配件到货');
        await shot(supervisor, 'extension-02-supervisor-list');
        await visible(supervisor, '等待厂家配件到货').click();
        await supervisor
          .locator('textarea[placeholder="审批意见（驳回时必填）"]')
          .fill('同意，尽快联系厂家');
        await button(supervisor, '批准延期').click();
        await see(supervisor, '已批准');
        await see(supervisor, '张主任：同意，尽快联系厂家');
        await see(supervisor, `${until.shown} 前`, { exact: false });
        await shot(supervisor, 'extension-03-supervisor-approved');

        // The supervisor judges the case serious: the severity is recorded and shown.
        await cell(supervisor, '紧急/严重程度').click();
        await visible(supervisor, '非紧急 · 严重', { exact: true }).click();
        await see(supervisor, '已调整，时限已重新计算');
        await see(supervisor, '调整为非紧急、严重', { exact: false });
        await supervisor.locator('.detail__tags', { hasText: '严重' }).waitFor();
        await shot(supervisor, 'extension-04-supervisor-reclassified');

        await assistant.reload();
        await see(assistant, '已批准');
        await see(assistant, '批准延期');
        await shot(assistant, 'extension-05-assistant-sees-new-deadline');
      }));
  },
);
