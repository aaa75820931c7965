/**
 * The playground around the sidebar: edits kept across a restart, Reset, Sheets' own refusal of
 * a value outside a dropdown, the add-on's menu opening the sidebar on another view, and the
 * google.script.run the playground gives the sidebar.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper, waitUntil } from './session';

test('the playground keeps edits across restarts, resets, refuses bad dropdown values, runs menu items and relays google.script.run', { timeout: 180_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'playground');
  const text = async (a1: string) => (await s.cell(a1).textContent()) ?? '';

  await step('an edit survives a restart of the playground', async () => {
    await s.cell('A2').click();
    await page.keyboard.type('Boulangeries Martin SA');
    await page.keyboard.press('Enter');
    await waitUntil('A2 holds the edit', async () => (await text('A2')) === 'Boulangeries Martin SA');
    await s.restart();
    await waitUntil('A2 still holds the edit', async () => (await text('A2')) === 'Boulangeries Martin SA');
    await sidebar.getByTestId('mapping-summary').waitFor();
  });

  await step("Reset brings back the starting sheet and the sandbox's demo organisation", async () => {
    const created = await s.sandboxApi('POST', '/customers', { name: 'Temporary customer', externalId: 'TMP-1' });
    assert.equal(created.status, 201);
    await page.getByTestId('reset-button').click();
    await page.getByTestId('reset-button').click();
    await waitUntil('A2 is back to the demo', async () => (await text('A2')) === 'Boulangeries Martin');
    assert.equal((await s.sandboxApi('GET', '/customers/external:TMP-1')).status, 404);
    await sidebar.getByTestId('mapping-summary').waitFor();
  });

  await step('a value outside a dropdown is refused, as Sheets refuses it', async () => {
    await s.cell('T3').click();
    await page.keyboard.type('CEO');
    await page.keyboard.press('Enter');
    await page.getByTestId('error-bar').waitFor();
    assert.match((await page.getByTestId('error-bar').textContent()) ?? '', /There was a problem/);
    assert.equal(await text('T3'), 'Purchaser');
  });

  await step('Extensions > Upflow import > Import history opens the sidebar on its history', async () => {
    await page.getByTestId('menu-Extensions').click();
    await page.getByTestId('submenu-Upflow import').click();
    await page.getByTestId('menu-item-openHistory').click();
    await sidebar.getByTestId('history-list').waitFor();
    assert.equal(await sidebar.getByTestId('tab-history').getAttribute('aria-selected'), 'true');
    await s.screenshot('playground-history-from-menu');
  });

  await step('google.script.run in the sidebar: values, user objects and failures as in Apps Script', async () => {
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    assert.ok(frame, 'the sidebar frame is loaded');
    const calls = (await frame.evaluate(`Promise.all([
      new Promise((resolve) => google.script.run.withSuccessHandler((value, user) => resolve([value.ok, value.value.environment, user])).withUserObject('mine').getSettings()),
      new Promise((resolve) => google.script.run.withFailureHandler((error, user) => resolve([error instanceof Error, error.message, user])).withUserObject(7).noSuchFunction()),
      new Promise((resolve) => google.script.run.withFailureHandler((error) => resolve(error.message)).onEdit_()),
    ])`)) as unknown[];
    assert.deepEqual(calls, [[true, 'custom', 'mine'], [true, 'Script function not found: noSuchFunction', 7], 'Script function not found: onEdit_']);
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
