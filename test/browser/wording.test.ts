/**
 * The sidebar speaks to a sales person and never claims more than happened (issue 12): a file
 * that is not text is refused, a headers-only file is not "No problem found", Assign speaks of
 * matched and not found customers, and a check without Upflow says what it did not verify, with
 * the way to Settings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper, waitUntil } from './session';

const DEMO = 'Upflow - All of the above';
/** The first bytes of an .xlsx file (a ZIP archive): what a workbook renamed .csv holds. */
const WORKBOOK_BYTES = Buffer.concat([
  Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000', 'latin1'),
  Buffer.alloc(64),
  Buffer.from('[Content_Types].xml', 'latin1'),
  Buffer.alloc(200, 7),
]);

test("the sidebar says what happened in the user's words, and never more than happened", { timeout: 240_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'wording');
  const tabs = () => page.getByTestId('sheet-tabs').getByRole('button').allInnerTexts();

  await step('a workbook renamed .csv is refused, and no sheet of garbage appears', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    const before = await tabs();
    await sidebar.getByRole('button', { name: 'Import a CSV file' }).click();
    await sidebar.getByTestId('csv-input').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: WORKBOOK_BYTES });
    await sidebar.getByTestId('error-csv').waitFor();
    assert.match(await sidebar.getByTestId('error-csv').innerText(), /“?customers\.csv"? is not a CSV text file.*save it as CSV/s);
    assert.deepEqual(await tabs(), before);
  });

  await step('a headers-only file: a new sheet, "no line" and nothing sent, never "No problem found"', async () => {
    await sidebar.getByTestId('csv-input').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('Customer name,Customer ID\n') });
    await waitUntil(
      'the sidebar works on the new sheet',
      async () => (await sidebar.getByTestId('sheet-select').count()) === 1 && (await sidebar.getByTestId('sheet-select').inputValue()) === 'empty',
    );
    assert.match(await sidebar.getByTestId('status').innerText(), /headers but no line below them/);
    assert.doesNotMatch(await sidebar.getByTestId('status').innerText(), /Imported/);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    const summary = await sidebar.getByTestId('check-summary').innerText();
    assert.match(summary, /no line below the headers/);
    assert.doesNotMatch(summary, /No problem found/);
    const next = await sidebar.getByTestId('action-context').innerText();
    assert.match(next, /has no line below its headers/);
    assert.doesNotMatch(next, /fix the errors/i);
  });

  await step('Assign customers: the preview speaks of matched and not found customers', async () => {
    await page.getByTestId(`tab-${DEMO}`).click();
    await sidebar.getByTestId('tab-settings').click();
    await sidebar.locator('#set-source').selectOption('NATIVE_ACCOUNTING');
    await sidebar.getByTestId('save-settings').click();
    await sidebar.getByText('Settings saved.').waitFor();
    await sidebar.getByTestId('tab-import').click();
    await waitUntil('the sidebar is on the demo', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === DEMO);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview').waitFor();
    const counts = await sidebar.getByTestId('preview-counts').innerText();
    assert.match(counts, /Matched/);
    assert.match(counts, /Not found/);
    assert.doesNotMatch(counts, /New/);
    assert.match(await sidebar.getByTestId('import-button').innerText(), /^Assign \d+ lines?$/);
    await s.screenshot('wording-1-assign');
  });

  await step('without an API key, Check says what it did not verify and leads to Settings', async () => {
    await sidebar.getByTestId('tab-settings').click();
    await sidebar.getByRole('button', { name: 'Remove saved credentials' }).click();
    await sidebar.getByRole('button', { name: 'Remove', exact: true }).click();
    await sidebar.getByText('Saved credentials removed.').waitFor();
    await sidebar.getByTestId('tab-import').click();
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-notices').waitFor();
    assert.match(await sidebar.getByTestId('check-notices').innerText(), /account managers and workflows/);
    await sidebar.getByTestId('check-notices').getByRole('button', { name: 'Open Settings' }).click();
    assert.equal(await sidebar.getByTestId('tab-settings').getAttribute('aria-selected'), 'true');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
