/**
 * Assign customers (issue 12, point 5): when the organisation's customer details come from an
 * accounting integration, the add-on only assigns account managers and workflows to customers
 * Upflow finds by External ID. Check must not block a line for a postal code, a VAT number or an
 * email it does not send, and the preview speaks of matched and not found customers, never new.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper, waitUntil } from './session';

const DEMO = 'Upflow - All of the above';
/** The demo's mistakes in fields Assign does not send (packages/playground/demo-sheet.ts). */
const NOT_SENT = { postalCode: 'F7', vat: 'D8', email: 'O10' };
/** What Assign sends, so still blocks its line: an account manager who is not a member, a workflow with an invisible space. */
const UNKNOWN_MANAGER = 'M13';
const ODD_WORKFLOW = 'N9';

test('in Assign mode, Check blocks a line only for what Assign sends, and the preview matches customers', { timeout: 240_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { sidebar } = s;
  const step = stepper(t, s, 'assign');

  await step('imported, the postal code, VAT and email mistakes block their lines', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    for (const cell of Object.values(NOT_SENT)) await sidebar.getByTestId(`problem-${cell}`).waitFor();
    assert.match(await sidebar.getByTestId('action-context').innerText(), /10 of 15 lines ready/);
  });

  await step('the user says customer details come from the accounting software', async () => {
    await sidebar.getByTestId('tab-settings').click();
    await sidebar.locator('#set-source').selectOption('NATIVE_ACCOUNTING');
    await sidebar.getByTestId('save-settings').click();
    await sidebar.getByText('Settings saved.').waitFor();
    await sidebar.getByTestId('tab-import').click();
    await waitUntil('the sidebar is on the demo', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === DEMO);
    await sidebar.getByTestId('mapping-summary').waitFor();
    assert.equal(await sidebar.getByTestId('check-summary').count(), 0, 'the check made for an import is gone');
    assert.match(await sidebar.getByTestId('action-context').innerText(), /15 lines to check/);
  });

  await step('Check: the postal code, VAT and email no longer block; the account manager and workflow still do', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId(`problem-${UNKNOWN_MANAGER}`).waitFor();
    for (const cell of Object.values(NOT_SENT)) assert.equal(await sidebar.getByTestId(`problem-${cell}`).count(), 0, `${cell} is not listed: Assign does not send it`);
    await sidebar.getByTestId(`problem-${ODD_WORKFLOW}`).waitFor();
    assert.match(await sidebar.getByTestId('action-context').innerText(), /13 of 15 lines ready/);
    await s.screenshot('assign-1-check');
  });

  await step('the preview counts matched and not found customers, never new ones', async () => {
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview').waitFor();
    const cells = await sidebar.getByTestId('preview-counts').locator('th, td').allInnerTexts();
    assert.deepEqual(
      cells.map((c) => c.trim()),
      ['', 'Matched', 'Not found', 'Customers', '4', '7'],
    );
    const preview = await sidebar.getByTestId('preview').innerText();
    assert.doesNotMatch(preview, /\bnew\b/i);
    assert.match(await sidebar.getByTestId('preview-unmatched').innerText(), /^8 lines will be skipped: Upflow holds no customer with their External ID/);
    assert.match(preview, /2 lines with errors will be skipped/);
    assert.match(await sidebar.getByTestId('preview-notices').innerText(), /Line 7: The customer was not found/);
    assert.match(await sidebar.getByTestId('action-context').innerText(), /13 of 15 lines ready, 8 of them not found in Upflow\./);
    assert.match(await sidebar.getByTestId('import-button').innerText(), /^Assign 5 lines$/);
    await s.screenshot('assign-2-preview');
  });

  await step('Assign: matched customers get their result, the others say they were not found', async () => {
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const count = async (kind: string) => (await sidebar.getByTestId(`count-${kind}`).locator('.num').innerText()).trim();
    assert.deepEqual(await Promise.all(['created', 'updated', 'unchanged', 'failed', 'skipped'].map(count)), ['0', '1', '3', '0', '10']);
    assert.match(await sidebar.getByTestId('next-steps').innerText(), /10 lines not assigned: an error the check found, or no customer in Upflow with that External ID/);
    await waitUntil('the results column appears', async () => ((await s.cell('V1').textContent()) ?? '') === 'Upflow import result');
    const result = async (row: number) => (await s.cell(`V${row}`).textContent()) ?? '';
    for (const row of [2, 5, 6]) assert.match(await result(row), /^Unchanged/, `line ${row}: its customer is matched and already so`);
    for (const row of [7, 8, 10])
      assert.match(await result(row), /^Not imported: The customer was not found: Upflow holds no customer with this External ID/, `line ${row} says why`);
    const duval = await s.sandboxApi('GET', '/customers/external:C-5001');
    assert.equal(duval.status, 404, 'Assign created no customer');
    await s.cell('V7').click();
    await s.screenshot('assign-3-result');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
