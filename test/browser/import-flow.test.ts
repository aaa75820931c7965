/**
 * The demo sheet through the real sidebar, as a user would do it: check the mapping, Check, jump
 * to a problem, fix cells (typing in the grid, and with a one-click fix), preview, import, read
 * the results and the history, and find the customers in the sandbox.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CustomerOut } from '@upflow-sheets/upflow-sandbox/schemas';
import { DEMO_LINES } from '../../packages/playground/demo-sheet';
import { isMarked, isUnmarked, openSession, stepper, waitUntil } from './session';

const SHEET = 'Upflow - All of the above';
/** The demo's mistakes (packages/playground/demo-sheet.ts) and where Check puts them. */
const PROBLEMS = { postalCode: 'F7', vat: 'D8', workflow: 'N9', email: 'O10', mainContact: 'U12', accountManager: 'M13' };
const IMPORT_TIMEOUT_MS = 60_000;

test('the real sidebar checks, fixes and imports the demo sheet into the sandbox', { timeout: 240_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'flow');
  const text = async (a1: string) => (await s.cell(a1).textContent()) ?? '';

  await step('the sidebar opens beside the grid and maps every column', async () => {
    // Every column is matched: the mapping is one line, and opens on demand.
    await sidebar.getByTestId('mapping-summary').waitFor();
    assert.match(await sidebar.getByTestId('mapping-summary').innerText(), /All 21 columns matched/);
    await sidebar.getByTestId('show-columns').click();
    await sidebar.getByTestId('mapping-table').waitFor();
    assert.equal(await sidebar.getByTestId('sheet-select').inputValue(), SHEET);
    assert.equal(await sidebar.getByTestId('template-select').inputValue(), 'all');
    const fieldOf = (column: string) => sidebar.getByTestId(`mapping-row-${column}`).locator('select').inputValue();
    assert.deepEqual(await Promise.all(['A', 'F', 'N', 'O', 'U'].map(fieldOf)), ['customerName', 'postalCode', 'workflow', 'contactEmail', 'mainContact']);
    assert.equal(await sidebar.getByTestId('missing-required').count(), 0);
    assert.equal(await text('A2'), 'Boulangeries Martin');
    assert.equal(await text(PROBLEMS.postalCode), '1000');
    await s.screenshot('flow-1-mapping');
  });

  await step('Check lists every problem and marks its cell on the sheet', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    for (const cell of Object.values(PROBLEMS)) {
      await sidebar.getByTestId(`problem-${cell}`).waitFor();
      await waitUntil(`${cell} is marked`, () => isMarked(s.cell(cell)));
    }
    assert.match(await sidebar.getByTestId(`problem-${PROBLEMS.email}`).innerText(), /missing the @/);
    await sidebar.getByTestId('problem-list').scrollIntoViewIfNeeded();
    await s.screenshot('flow-2-check');
  });

  await step('a problem in the list selects its cell in the grid, whose note explains it', async () => {
    await sidebar.getByTestId(`problem-${PROBLEMS.email}`).click();
    await waitUntil('the grid selects O10', async () => (await page.getByTestId('name-box').textContent()) === PROBLEMS.email);
    assert.match((await s.cell(PROBLEMS.email).getAttribute('class')) ?? '', /\bactive\b/);
    await s.cell(PROBLEMS.email).hover();
    await page.getByTestId('note-popover').waitFor();
    assert.match((await page.getByTestId('note-popover').textContent()) ?? '', /missing the @/);
  });

  await step('typing the right value in the grid runs onEdit, which clears the mark', async () => {
    await s.cell(PROBLEMS.email).click();
    await page.keyboard.type('accounts@brightcloud.co.uk');
    await page.keyboard.press('Enter');
    await waitUntil('O10 holds the new email', async () => (await text(PROBLEMS.email)) === 'accounts@brightcloud.co.uk');
    await waitUntil('O10 is no longer marked', () => isUnmarked(s.cell(PROBLEMS.email)));
    assert.equal(await page.getByTestId('name-box').textContent(), 'O11');
    // Back in the sidebar, the list says it is older than the sheet.
    await sidebar.getByTestId('check-summary').click();
    await sidebar.getByTestId('recheck').waitFor();
  });

  await step('one-click fixes in the sidebar change the cells and clear their marks', async () => {
    await sidebar.getByTestId(`fix-${PROBLEMS.workflow}`).click();
    await waitUntil('N9 holds the workflow without its odd space', async () => (await text(PROBLEMS.workflow)) === 'Grands comptes');
    await waitUntil('N9 is no longer marked', () => isUnmarked(s.cell(PROBLEMS.workflow)));
    await sidebar.getByTestId(`fix-${PROBLEMS.postalCode}`).click();
    await waitUntil('F7 got its leading zero back', async () => (await text(PROBLEMS.postalCode)) === '01000');
    await waitUntil('F7 is no longer marked', () => isUnmarked(s.cell(PROBLEMS.postalCode)));
    await s.screenshot('flow-3-fixed');
  });

  await step('Check again: only the problems left are listed', async () => {
    await sidebar.getByTestId('check-button').click();
    await waitUntil('the fixed problems are gone', async () => (await sidebar.getByTestId(`problem-${PROBLEMS.email}`).count()) === 0);
    for (const fixed of [PROBLEMS.workflow, PROBLEMS.postalCode]) assert.equal(await sidebar.getByTestId(`problem-${fixed}`).count(), 0);
    for (const left of [PROBLEMS.vat, PROBLEMS.mainContact, PROBLEMS.accountManager]) await sidebar.getByTestId(`problem-${left}`).waitFor();
  });

  await step('Preview tells what the import will do', async () => {
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview').waitFor();
    assert.match(await sidebar.getByTestId('import-button').innerText(), /Import 12 lines/);
    await sidebar.getByTestId('import-button').scrollIntoViewIfNeeded();
    await s.screenshot('flow-4-preview');
  });

  await step("Import shows its progress, then each line's result next to it", async () => {
    // Every state of the progress bar is recorded as it is drawn: the import may finish between
    // two polls of Playwright's, and a bar never drawn must fail the step.
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    assert.ok(frame, 'the sidebar frame is loaded');
    await frame.evaluate(`(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="progress"]');
        if (bar) window.progressSeen.push(bar.getAttribute('aria-valuetext'));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    // Slow answers, as over the Internet, leave the bar on screen long enough to be seen.
    await s.sandboxFaults({ slowMs: 300 });
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('progress').or(sidebar.getByTestId('import-result')).first().waitFor();
    if (await sidebar.getByTestId('progress').isVisible()) await s.screenshot('flow-5-progress');
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    const seen = (await frame.evaluate('window.progressSeen')) as string[];
    assert.ok(seen.length > 0, 'the progress bar was drawn');
    assert.match(seen[0] ?? '', /^\d+ of 12 lines$/);
    await s.sandboxFaults({});
    assert.match(await sidebar.getByTestId('import-result').innerText(), /Import finished/);
    // The grid redraws after the sidebar's last call returns: wait for it to show every line's result.
    const results = DEMO_LINES.map((_, i) => `V${i + 2}`);
    await waitUntil(
      'the results column appears with a result on every line',
      async () => (await text('V1')) === 'Upflow import result' && (await Promise.all(results.map(text))).every(Boolean),
    );
    assert.match(await text('V2'), /^Unchanged/, 'Boulangeries Martin: as in the sandbox (its phones only written differently)');
    assert.match(await text('V5'), /^Updated/, 'Acme Ltd: another street spelling');
    assert.match(await text('V6'), /^Unchanged/, 'Dupont Industries SAS: as in the sandbox');
    assert.match(await text('V7'), /^Created/);
    assert.match(await text('V8'), /^Not imported/);
    await page.getByTestId('toast').waitFor();
    assert.match((await page.getByTestId('toast').textContent()) ?? '', /7 created, 2 updated, 2 unchanged/);
    // Selecting a result brings the results column into view for the screenshot.
    await s.cell('V8').click();
    await s.screenshot('flow-6-imported');
  });

  await step('History lists the import', async () => {
    await sidebar.getByTestId('tab-history').click();
    await sidebar.getByTestId('history-list').waitFor();
    assert.match(await sidebar.getByTestId('history-list').innerText(), new RegExp(SHEET));
    await s.screenshot('flow-7-history');
  });

  await step('the customers are in the sandbox, as fixed in the sheet', async () => {
    const duval = await s.sandboxApi<CustomerOut>('GET', '/customers/external:C-5001');
    assert.equal(duval.status, 200);
    assert.equal(duval.body.name, 'Fromagerie Duval');
    assert.equal(duval.body.address.zipcode, '01000');
    const bright = await s.sandboxApi<CustomerOut>('GET', '/customers/external:C-5004');
    assert.deepEqual(
      bright.body.contacts!.map((c) => c.email),
      ['accounts@brightcloud.co.uk'],
    );
    assert.equal((await s.sandboxApi('GET', '/customers/external:C-5002')).status, 404, 'a line with errors is not sent');
    const sandboxPage = await page.context().newPage();
    await sandboxPage.goto(s.playground.sandboxPage);
    assert.match(await sandboxPage.locator('body').innerText(), /Fromagerie Duval/);
    await sandboxPage.close();
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
