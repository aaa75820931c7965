/**
 * The sidebar tells the truth about the sheet on screen (issue 12): at 300 px wide the next step
 * is always in view; it follows the tab the user opens and drops what it showed of another sheet;
 * an edit in the grid makes the list say at once that it is older than the sheet; the end of an
 * import counts every kind of line with a next step; and when Upflow fails, the failure says what
 * happened and that nothing was sent, next to the button pressed, not inside the last import's card.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { colorsAt, near, type Rgb } from './pixels';
import { openSession, stepper, waitUntil } from './session';

const DEMO = 'Upflow - All of the above';
const TEMPLATE_SHEET = 'Upflow - Customers';
/** --blue in sidebar/styles.css: the colour of the main button. */
const ACTION_BLUE: Rgb = [0x1a, 0x73, 0xe8];
/** Upflow answering 500 to every request makes the client retry for a while before it gives up. */
const UPFLOW_DOWN_TIMEOUT_MS = 90_000;
/** The add-on's backoff before it gives up costs no time: its sleeps move its clock (test-clock.ts). */
const CLOCK_SPEED = 1;

/** The box of a sidebar element in the page's coordinates, that is in a page screenshot's pixels. */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  assert.ok(b, 'the element is laid out');
  return b;
}

/**
 * The action bar lies inside the sidebar's 300 px frame, and its main button is painted there
 * (checked on a screenshot): nothing hides it and no scrolling is needed to reach it.
 */
async function assertNextStepInView(page: Page, sidebar: FrameLocator, shot: string, button: string): Promise<void> {
  const frame = await box(page.getByTestId('sidebar-frame'));
  assert.ok(Math.abs(frame.width - 300) <= 1, `the sidebar is 300 px wide (${frame.width})`);
  const bar = await box(sidebar.getByTestId('action-bar'));
  assert.ok(bar.y >= frame.y && bar.y + bar.height <= frame.y + frame.height + 0.5, 'the action bar is inside the sidebar, top to bottom');
  assert.ok(bar.x >= frame.x - 0.5 && bar.x + bar.width <= frame.x + frame.width + 0.5, 'the action bar is inside the sidebar, left to right');
  const main = await box(sidebar.getByTestId(button));
  assert.ok(main.y >= bar.y && main.y + main.height <= bar.y + bar.height, `${button} is in the action bar`);
  assert.ok(main.height >= 24 && main.width >= 24, `${button} is a target of at least 24 px`);
  const [center, left] = await colorsAt(page, readFileSync(shot), [
    { x: main.x + 4, y: main.y + main.height / 2 },
    { x: main.x + 2, y: main.y + 3 },
  ]);
  assert.ok(near(center!, ACTION_BLUE) || near(left!, ACTION_BLUE), `${button} is painted blue on the screenshot (saw ${center} and ${left})`);
}

test('the sidebar follows the sheet on screen, keeps the next step in view and says what happened', { timeout: 360_000 }, async (t) => {
  const s = await openSession(t, { clockSpeed: CLOCK_SPEED });
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'truth');
  const frameOf = () => {
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    assert.ok(frame, 'the sidebar frame is loaded');
    return frame;
  };

  await step('at 300 px wide, every column mapped: one line of mapping and Check in view at the bottom', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    assert.equal(await sidebar.getByTestId('mapping-table').count(), 0, 'the 21 mapped columns are folded');
    assert.match(await sidebar.getByTestId('action-context').innerText(), new RegExp(`‘${DEMO}’: 15 lines to check`));
    await assertNextStepInView(page, sidebar, await s.screenshot('truth-1-folded'), 'check-button');
  });

  await step('opened, the 21 columns run far below the fold and the action bar stays in view', async () => {
    await sidebar.getByTestId('show-columns').click();
    await sidebar.getByTestId('mapping-table').waitFor();
    const [scrollHeight, innerHeight] = (await frameOf().evaluate('[document.documentElement.scrollHeight, window.innerHeight]')) as [number, number];
    assert.ok(scrollHeight > innerHeight * 1.5, `the sidebar's page is much longer than its window (${scrollHeight} px for ${innerHeight})`);
    await assertNextStepInView(page, sidebar, await s.screenshot('truth-2-columns-open'), 'check-button');
    await frameOf().evaluate('window.scrollTo(0, document.documentElement.scrollHeight / 2)');
    await assertNextStepInView(page, sidebar, await s.screenshot('truth-3-scrolled'), 'check-button');
  });

  await step('a sheet from a template: the sidebar works on it and checks its 3 lines', async () => {
    await sidebar.getByRole('button', { name: 'Start from a template' }).click();
    await sidebar.getByTestId('insert-template-customers').click();
    await waitUntil('the sidebar works on the new sheet', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === TEMPLATE_SHEET);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    assert.match(await sidebar.getByTestId('check-summary').innerText(), /3 lines checked/);
  });

  await step("the user opens the demo tab: the sidebar follows and drops the other sheet's check", async () => {
    await page.getByTestId(`tab-${DEMO}`).click();
    await waitUntil('the sidebar works on the sheet on screen', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === DEMO);
    await sidebar.getByTestId('mapping-summary').waitFor();
    assert.equal(await sidebar.getByTestId('check-summary').count(), 0, 'no "No problem found" left from the other sheet');
    assert.match(await sidebar.getByTestId('action-context').innerText(), new RegExp(`‘${DEMO}’: 15 lines to check`));
    await s.screenshot('truth-4-followed');
  });

  await step('picking a sheet in the sidebar puts it on screen too', async () => {
    await sidebar.getByTestId('sheet-select').selectOption(TEMPLATE_SHEET);
    await waitUntil('the grid shows the picked sheet', async () => /\bactive\b/.test((await page.getByTestId(`tab-${TEMPLATE_SHEET}`).getAttribute('class')) ?? ''));
    await page.getByTestId(`tab-${DEMO}`).click();
    await waitUntil('the sidebar is back on the demo', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === DEMO);
  });

  await step('an edit in the grid: the list says at once it is older than the sheet, and Check again is the next step', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview').waitFor();
    // The keyboard stays in the grid: the sidebar never gets the focus back.
    await s.cell('A2').click();
    await page.keyboard.type('Boulangeries Martin SA');
    await page.keyboard.press('Enter');
    await sidebar.getByTestId('sheet-changed').waitFor();
    assert.equal(await frameOf().evaluate('document.hasFocus()'), false, 'the sidebar noticed without getting the focus');
    assert.equal(await sidebar.getByTestId('preview').count(), 0, 'the preview of the older sheet is gone');
    assert.equal(await sidebar.getByTestId('import-button').count(), 0, 'no import of what the sheet no longer holds');
    assert.match(await sidebar.getByTestId('action-context').innerText(), /changed since the last check/);
    assert.match((await sidebar.getByTestId('check-button').getAttribute('class')) ?? '', /\baction\b/);
    await s.screenshot('truth-5-sheet-changed');
  });

  await step('the end of an import counts created, updated, unchanged, failed and skipped lines', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const count = async (kind: string) => (await sidebar.getByTestId(`count-${kind}`).locator('.num').innerText()).trim();
    assert.deepEqual(await Promise.all(['created', 'updated', 'unchanged', 'failed', 'skipped'].map(count)), ['4', '3', '1', '0', '7']);
    const result = await sidebar.getByTestId('import-result').innerText();
    assert.match(result, /7 lines not imported/);
    assert.match(await sidebar.getByTestId('next-steps').innerText(), /7 lines not imported because of errors the check found/);
    await sidebar.getByTestId('copy-failed').waitFor();
    await s.screenshot('truth-6-import-counts');
  });

  await step('with nothing left to change, the preview offers no import', async () => {
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('nothing-to-send').waitFor();
    assert.equal(await sidebar.getByTestId('import-button').count(), 0);
    assert.match(await sidebar.getByTestId('action-context').innerText(), /nothing to send/);
  });

  await step('Upflow down at Import: what happened, that nothing was sent and what to do, next to Import', async () => {
    await s.cell('E6').click();
    await page.keyboard.type("9 avenue de l'Europe");
    await page.keyboard.press('Enter');
    await sidebar.getByTestId('sheet-changed').waitFor();
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').waitFor();
    assert.match(await sidebar.getByTestId('import-button').innerText(), /Import 8 lines/);
    await s.sandboxFaults({ errorRate: 1 });
    await sidebar.getByTestId('import-button').click();
    const error = sidebar.getByTestId('action-bar').getByTestId('error-job');
    await error.waitFor({ timeout: UPFLOW_DOWN_TIMEOUT_MS });
    await s.sandboxFaults({});
    const text = await error.innerText();
    assert.match(text, /The import could not start: Upflow is not answering right now/);
    assert.match(text, /Nothing was sent to Upflow/);
    assert.match(text, /Wait a few minutes, then try again/);
    assert.doesNotMatch(text, /Internal server error/);
    assert.equal(await sidebar.getByTestId('import-result').count(), 0, "the last import's card is gone: the failure is not read as part of it");
    await assertNextStepInView(page, sidebar, await s.screenshot('truth-7-upflow-down'), 'import-button');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
