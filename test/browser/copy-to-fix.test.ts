/**
 * Fixing what an import left behind in a sheet of its own (issue 12, point 10): once the failed
 * and skipped lines are copied to a new sheet, the sidebar works on that copy, so what is sent
 * next is what the user fixed there, not the original's lines. A failed result is light red on
 * the sheet (point 8). A sheet started from a template is not taken for real customers: Check
 * warns about its example lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CustomerOut } from '@upflow-sheets/upflow-sandbox/schemas';
import { colorsAt, near } from './pixels';
import { isMarked, openSession, stepper, waitUntil } from './session';

const DEMO = 'Upflow - All of the above';
const COPY = `${DEMO} - to fix`;
/** Bright Cloud's email cell: given the email of a contact Upflow holds for another customer (not in the sheet, so Check cannot tell), Upflow refuses the line. */
const EMAIL = 'O10';
const TAKEN_EMAIL = 'factures@dupont-logistique.fr';
const FIXED_EMAIL = 'accounts@brightcloud.co.uk';
/** The light red of a result to fix again (src/server/result-column.ts). */
const LIGHT_RED: [number, number, number] = [0xf4, 0xcc, 0xcc];
const IMPORT_TIMEOUT_MS = 60_000;

test('the lines copied out to fix are what the next import sends; template example lines are flagged', { timeout: 300_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'copy-to-fix');
  const text = async (a1: string) => (await s.cell(a1).textContent()) ?? '';
  const onSheet = (name: string) => waitUntil(`the sidebar works on ‘${name}’`, async () => (await sidebar.getByTestId('sheet-select').inputValue()) === name);
  const count = async (kind: string) => (await sidebar.getByTestId(`count-${kind}`).locator('.num').innerText()).trim();

  await step('an import where Upflow refuses one line and the check blocks others', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await s.cell(EMAIL).click();
    await page.keyboard.type(TAKEN_EMAIL);
    await page.keyboard.press('Enter');
    await waitUntil(`${EMAIL} holds the other customer's email`, async () => (await text(EMAIL)) === TAKEN_EMAIL);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    assert.equal(await count('failed'), '1');
    await sidebar.getByTestId('resend-failed').waitFor();
    await waitUntil('the results column appears', async () => (await text('V1')) === 'Upflow import result');
    assert.match(await text('V10'), /^Failed: The email factures@dupont-logistique\.fr is already used by a contact of customer Dupont Logistique/);
  });

  await step('the failed result is light red on the sheet', async () => {
    // Two lines below the result, so the grid shows it and the selection does not paint over it.
    await s.cell('V12').click();
    const shot = await s.screenshot('copy-to-fix-1-failed');
    const cell = await s.cell('V10').boundingBox();
    assert.ok(cell, 'the result cell is laid out');
    // In the cell's left padding, clear of its text and of the grid lines.
    const seen = await colorsAt(
      page,
      readFileSync(shot),
      [0.3, 0.5, 0.7].map((f) => ({ x: cell.x + 2.5, y: cell.y + cell.height * f })),
    );
    assert.ok(seen.filter((c) => near(c, LIGHT_RED, 12)).length >= 2, `the failed result is light red (saw ${seen.join(' / ')})`);
  });

  await step('the lines not imported are copied to a new sheet, which the sidebar then works on', async () => {
    const skipped = Number(await count('skipped'));
    await sidebar.getByTestId('copy-failed').click();
    await onSheet(COPY);
    await waitUntil('the copy is on screen', async () => /\bactive\b/.test((await page.getByTestId(`tab-${COPY}`).getAttribute('class')) ?? ''));
    assert.equal(await sidebar.getByTestId('resend-failed').count(), 0, 'no Re-send of the original sheet is left on screen');
    assert.equal(await sidebar.getByTestId('import-result').count(), 0, "the original's import card is gone");
    const names = await Promise.all(Array.from({ length: skipped + 2 }, (_, i) => text(`A${i + 2}`)));
    assert.ok(names.includes('Bright Cloud Solutions Ltd'), 'the line Upflow refused is in the copy');
    assert.ok(names.includes('Garage Lefort & Fils'), 'a line the check blocked (its VAT number) is in the copy');
    assert.equal(names.filter(Boolean).length, skipped + 1, 'one line per line not imported, nothing else');
  });

  let brightRow = 0;
  await step('fixed in the copy, the refused line is sent from the copy, and the original is left as it was', async () => {
    for (let row = 2; !brightRow; row++) if ((await text(`A${row}`)) === 'Bright Cloud Solutions Ltd') brightRow = row;
    await s.cell(`O${brightRow}`).click();
    await page.keyboard.type(FIXED_EMAIL);
    await page.keyboard.press('Enter');
    await waitUntil('the copy holds the fixed email', async () => (await text(`O${brightRow}`)) === FIXED_EMAIL);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').waitFor();
    assert.match(await sidebar.getByTestId('action-context').innerText(), new RegExp(`‘${COPY}’: 2 of 5 lines ready`));
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    assert.match(await sidebar.getByTestId('import-result').innerText(), new RegExp(`for ‘${COPY}’`));
    assert.equal(await count('created'), '1');
    assert.equal(await count('failed'), '0');
    const bright = await s.sandboxApi<CustomerOut>('GET', '/customers/external:C-5004');
    assert.equal(bright.status, 200);
    assert.deepEqual(
      bright.body.contacts!.map((c) => c.email),
      [FIXED_EMAIL],
      'Upflow got the email fixed in the copy',
    );
    await waitUntil("the copy's line has its result", async () => /^Created · /.test(await text(`V${brightRow}`)));
    await page.getByTestId(`tab-${DEMO}`).click();
    await onSheet(DEMO);
    assert.equal(await text(EMAIL), TAKEN_EMAIL, 'the original keeps what the user typed there');
    assert.match(await text('V10'), /^Failed/, "the original's result is not rewritten by the copy's import");
    await s.screenshot('copy-to-fix-2-sent-from-copy');
  });

  await step("a sheet from a template: Check warns that its lines are the template's examples", async () => {
    await sidebar.getByRole('button', { name: 'Start from a template' }).click();
    await sidebar.getByTestId('insert-template-customers').click();
    await onSheet('Upflow - Customers');
    await sidebar.getByTestId('check-button').click();
    const group = sidebar.getByTestId('group-TEMPLATE_EXAMPLE');
    await group.waitFor();
    assert.match(await group.innerText(), /Example lines of the template\s*3/);
    // Warnings may come folded: the user opens them.
    if (!(await sidebar.getByTestId('problem-A2').isVisible())) await group.click();
    assert.match(await sidebar.getByTestId('problem-A2').innerText(), /This is an example line of the template \(".+"\), not one of your customers/);
    for (const row of [2, 3, 4]) await waitUntil(`A${row} is marked on the sheet`, () => isMarked(s.cell(`A${row}`)));
    await s.screenshot('copy-to-fix-3-template');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
