/**
 * Markup typed into the sheet stays text everywhere it is shown: the grid, the notes the add-on
 * writes, the sidebar's mapping and problem list, and the sandbox's page after an import. No
 * script runs, so no dialog opens.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CustomerOut } from '@upflow-sheets/upflow-sandbox/schemas';
import { isMarked, openSession, stepper, waitUntil } from './session';

const MARKUP = '<img src=x onerror=alert(1)>';

test('markup in cells and headers shows as text in the grid, the notes, the sidebar and the sandbox', { timeout: 180_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'escaping');
  const text = async (a1: string) => (await s.cell(a1).textContent()) ?? '';
  const typeInto = async (a1: string, value: string) => {
    await s.cell(a1).click();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await waitUntil(`${a1} holds what was typed`, async () => (await text(a1)) === value);
  };

  await step('markup typed into a header and into cells shows as text in the grid', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await typeInto('V1', MARKUP);
    await typeInto('A17', MARKUP);
    await typeInto('A18', 'Evil Corp');
    await typeInto('O18', MARKUP);
    assert.equal(await page.locator('img').count(), 0);
  });

  await step('Extensions > Upflow import > Open reopens the sidebar, whose mapping shows the header as text', async () => {
    await page.getByTestId('menu-Extensions').click();
    await page.getByTestId('submenu-Upflow import').click();
    await page.getByTestId('menu-item-openSidebar').click();
    await waitUntil('the new sidebar lists column V', async () => (await sidebar.getByTestId('mapping-row-V').count()) === 1);
    assert.match(await sidebar.getByTestId('mapping-row-V').innerText(), /<img src=x onerror=alert\(1\)>/);
  });

  await step('the problem list and the note on the cell show the value as text', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('problem-O18').waitFor();
    assert.ok((await sidebar.getByTestId('problem-O18').innerText()).includes(MARKUP));
    await waitUntil('O18 is marked', () => isMarked(s.cell('O18')));
    await s.cell('O18').hover();
    await page.getByTestId('note-popover').waitFor();
    assert.ok(((await page.getByTestId('note-popover').textContent()) ?? '').includes(MARKUP));
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await sidebar.locator('img').count(), 0);
    await s.screenshot('escaping-1-sheet-and-sidebar');
  });

  await step("imported, the name shows as text on the sandbox's page", async () => {
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const found = await s.sandboxApi<{ customers: CustomerOut[] }>('GET', `/customers?name=${encodeURIComponent(MARKUP)}`);
    assert.equal(found.body.customers.length, 1);
    const sandboxPage = await page.context().newPage();
    await sandboxPage.goto(s.playground.sandboxPage);
    assert.ok((await sandboxPage.locator('body').innerText()).includes(MARKUP));
    assert.equal(await sandboxPage.locator('img').count(), 0);
    await s.screenshot('escaping-2-sandbox-page', sandboxPage);
    await sandboxPage.close();
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
