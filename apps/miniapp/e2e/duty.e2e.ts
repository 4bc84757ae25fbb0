import { browserTestsEnabled } from './support/browser';
import { goTo, shot, useLinliApp } from './support/app';
import { button, see, visible } from './support/people';

// Jest's testTimeout is global-only in multi-project runs, so the browser test sets its own.
jest.setTimeout(180_000);

/** A China-time instant `hours` from now, as typed in the form. */
function typed(hours: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + hours * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

(browserTestsEnabled ? describe : describe.skip)('H5 mini-program: the duty rota', () => {
  const app = useLinliApp();

  it('the supervisor puts the assistant on duty for 1栋; the assistant sees the shift on the rota', () =>
    app.scenario(async () => {
      const supervisor = await app.openAs('supervisor');
      await goTo(supervisor, '值班表');
      await see(supervisor, '未来两周没有排班', { exact: false });
      await visible(supervisor, '1栋', { exact: true }).click();
      await visible(supervisor, '李管家', { exact: true }).click();
      await supervisor.locator('input[placeholder="开始，如 2026-11-24 08:00"]').fill(typed(-1));
      await supervisor.locator('input[placeholder="结束，如 2026-11-24 20:00"]').fill(typed(11));
      await button(supervisor, '添加班次').click();
      await see(supervisor, '1栋 · 李管家');
      await see(supervisor, '值班中');
      await shot(supervisor, 'duty-01-supervisor-planned');

      const assistant = await app.openAs('assistant');
      await goTo(assistant, '值班表');
      await see(assistant, '1栋 · 李管家');
      expect(await button(assistant, '添加班次').count()).toBe(0);
      await shot(assistant, 'duty-02-assistant-reads');
    }));
});
