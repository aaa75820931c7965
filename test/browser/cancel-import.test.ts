/**
 * Cancelling an import midway (issue 12, point 4): the card says how many lines were never sent
 * and how to send them, and importing the sheet again sends only those, each line ending with a
 * result. The sheet imported stays on screen throughout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSheet } from '../../bench/generate';
import { openSession, stepper, waitUntil } from './session';

const SHEET = 'customers';
/** Two lines per customer, none with a mistake: more customers than one step of the import sends. */
const LINES = 400;
const CUSTOMERS = LINES / 2;
/**
 * The add-on's clock runs ten times faster: a step of the import (25 s, src/server/import-run.ts)
 * lasts 2.5 s. Answers 400 ms slow (4 s of the add-on's time), so that the first step ends with
 * lines still to send, and Cancel comes while the import runs.
 */
const CLOCK_SPEED = 10;
const SLOW_MS = 400;
const IMPORT_TIMEOUT_MS = 120_000;

function csv(): Buffer {
  const { headers, rows } = generateSheet(LINES, { errorRate: 0 });
  return Buffer.from([headers, ...rows].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n'));
}

test('a cancelled import says how many lines were never sent, and the next import sends just those', { timeout: 300_000 }, async (t) => {
  const s = await openSession(t, { clockSpeed: CLOCK_SPEED });
  if (!s) return;
  const { sidebar } = s;
  const step = stepper(t, s, 'cancel');
  const count = async (kind: string) => Number((await sidebar.getByTestId(`count-${kind}`).locator('.num').innerText()).trim());
  let created = 0;

  await step(`a sheet of ${CUSTOMERS} customers goes to Upflow slowly`, async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await sidebar.getByRole('button', { name: 'Import a CSV file' }).click();
    await sidebar.getByTestId('csv-input').setInputFiles({ name: `${SHEET}.csv`, mimeType: 'text/csv', buffer: csv() });
    await waitUntil('the sidebar works on the new sheet', async () => (await sidebar.getByTestId('sheet-select').inputValue()) === SHEET);
    await sidebar.getByTestId('mapping-summary').waitFor();
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').waitFor();
    assert.match(await sidebar.getByTestId('import-button').innerText(), new RegExp(`^Import ${LINES} lines$`));
    await s.sandboxFaults({ slowMs: SLOW_MS });
    await sidebar.getByTestId('import-button').click();
    const done = () =>
      sidebar
        .getByTestId('progress')
        .getAttribute('aria-valuenow', { timeout: 1_000 })
        .then(Number, () => 0);
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    while ((await done()) === 0) {
      assert.ok(Date.now() < deadline, 'some lines are sent');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  await step('Cancel: the card says how many lines were never sent and what to do', async () => {
    await sidebar.getByTestId('cancel-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    await s.sandboxFaults({});
    // The first import of a spreadsheet creates its hidden history sheet: the user's tab stays on screen.
    assert.match((await s.page.getByTestId(`tab-${SHEET}`).getAttribute('class')) ?? '', /\bactive\b/, 'the imported sheet is still on screen');
    assert.equal(await sidebar.getByTestId('sheet-select').inputValue(), SHEET);
    const card = await sidebar.getByTestId('import-result').innerText();
    assert.match(card, /Import cancelled/);
    created = await count('created');
    const never = (await sidebar.getByTestId('next-steps').innerText()).match(/([\d,]+) lines? (?:was|were) never sent: import the sheet again to send (?:it|them)\./);
    assert.ok(never, 'the card says how many lines were never sent');
    const notSent = Number(never[1]!.replace(/,/g, ''));
    assert.ok(created > 0 && created < CUSTOMERS, `some customers were created before the cancel (${created})`);
    assert.equal(notSent, LINES - 2 * created, 'two lines per created customer were sent, the rest never');
    await s.screenshot('cancel-1-cancelled');
  });

  await step('imported again, only the lines never sent go, and every line has its result', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview-counts').waitFor();
    const cells = (await sidebar.getByTestId('preview-counts').locator('tbody tr').first().locator('td').allInnerTexts()).map((c) => Number(c.trim()));
    assert.deepEqual(cells, [CUSTOMERS - created, 0, created], 'new: the customers never sent; unchanged: those sent before the cancel');
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    assert.deepEqual([await count('created'), await count('unchanged'), await count('failed'), await count('skipped')], [CUSTOMERS - created, created, 0, 0]);
    const listed = await s.sandboxApi<{ total: number }>('GET', '/customers?limit=1');
    assert.equal(listed.body.total, 6 + CUSTOMERS, "the seed's 6 customers and those of the sheet, none twice");
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
