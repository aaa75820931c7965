/**
 * One-click fixes the user can trust (issue 12): the safe ones are listed before they are
 * applied, guesses are offered one by one as questions, and the last batch can be undone, which
 * puts the previous values back on the sheet. The list narrows by kind or column, and every
 * problem can be copied to a sheet of its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMarked, openSession, stepper, waitUntil } from './session';

/** The demo's postal code that lost its leading zero as a number (certain) and its mistyped workflow (a guess). */
const POSTAL = 'F7';
const WORKFLOW = 'N9';
/** As typed in the demo: a non-breaking space between the words. */
const TYPED_WORKFLOW = 'Grands\u00a0comptes';

test(
  'fixes are listed before they are applied, guesses asked one by one, the last batch undone; the list filters, exports and copies blocked lines out',
  { timeout: 180_000 },
  async (t) => {
    const s = await openSession(t);
    if (!s) return;
    const { sidebar } = s;
    const step = stepper(t, s, 'fixes');
    const text = async (a1: string) => (await s.cell(a1).textContent()) ?? '';

    await step('Check: the safe fixes wait for a review, the guess is a question', async () => {
      await sidebar.getByTestId('check-button').click();
      await sidebar.getByTestId('fix-all').waitFor();
      assert.match(await sidebar.getByTestId('fix-all').innerText(), /^Review 1 safe fix$/);
      assert.match(await sidebar.getByTestId(`fix-${WORKFLOW}`).innerText(), /^Did you mean ‘Grands comptes’\? Use it$/);
      assert.match(await sidebar.getByTestId('guesses-note').innerText(), /guesses: check each one/);
    });

    await step('the review lists the cell and its new value, and changes nothing yet', async () => {
      await sidebar.getByTestId('fix-all').click();
      await sidebar.getByTestId('fix-review').waitFor();
      assert.match(await sidebar.getByTestId('fix-review').innerText(), /F7 → ‘01000’/);
      assert.doesNotMatch(await sidebar.getByTestId('fix-review').innerText(), /N9/, 'the guess is not in the batch');
      assert.equal(await text(POSTAL), '1000');
      assert.equal(await text(WORKFLOW), TYPED_WORKFLOW);
      await s.screenshot('fixes-1-review');
    });

    await step('applied, the batch can be undone: the previous value and its mark come back', async () => {
      await sidebar.getByTestId('apply-fixes').click();
      await waitUntil('F7 got its leading zero', async () => (await text(POSTAL)) === '01000');
      assert.match(await sidebar.getByTestId('undo-notice').innerText(), /1 cell fixed/);
      assert.equal(await text(WORKFLOW), TYPED_WORKFLOW, 'the guess was left to the user');
      await sidebar.getByTestId('undo-fixes').click();
      await waitUntil('F7 is back to what it was', async () => (await text(POSTAL)) === '1000');
      await waitUntil('F7 is marked again', () => isMarked(s.cell(POSTAL)));
      await sidebar.getByTestId(`problem-${POSTAL}`).waitFor();
      assert.equal(await sidebar.getByTestId('undo-notice').count(), 0);
      await s.screenshot('fixes-2-undone');
    });

    await step('a guess taken one by one can be undone too', async () => {
      await sidebar.getByTestId(`fix-${WORKFLOW}`).click();
      await waitUntil('N9 holds the workflow', async () => (await text(WORKFLOW)) === 'Grands comptes');
      await sidebar.getByTestId('undo-fixes').click();
      await waitUntil('N9 is back to what was typed', async () => (await text(WORKFLOW)) === TYPED_WORKFLOW);
    });

    await step('the list narrows to a column or a kind of problem', async () => {
      await sidebar.getByTestId('filter-column').selectOption('O');
      await sidebar.getByTestId('problem-O10').waitFor();
      assert.equal(await sidebar.getByTestId('problem-D8').count(), 0, 'a problem of another column is hidden');
      await sidebar.getByTestId('filter-column').selectOption('');
      const vatGroup = await sidebar
        .locator('details.group', { has: sidebar.getByTestId('problem-D8') })
        .locator('summary')
        .getAttribute('data-testid');
      await sidebar.getByTestId('filter-code').selectOption((vatGroup ?? '').replace(/^group-/, ''));
      await sidebar.getByTestId('problem-D8').waitFor();
      assert.equal(await sidebar.getByTestId('problem-O10').count(), 0, 'a problem of another kind is hidden');
      await s.screenshot('fixes-3-filtered');
    });

    await step('every problem is copied to a new sheet, and the sidebar stays on the sheet it checks', async () => {
      const listed = (await sidebar.getByTestId('export-problems').innerText()).match(/Copy all (\d+) problems/);
      assert.ok(listed, 'the button says how many problems it copies');
      await sidebar.getByTestId('export-problems').click();
      const copy = 'Upflow - All of the above - problems';
      await s.page.getByTestId(`tab-${copy}`).waitFor();
      await waitUntil('the status names the copy', async () =>
        (await sidebar.getByTestId('status').innerText()).includes(`${listed[1]} problems copied to the new sheet ‘${copy}’`),
      );
      assert.equal(await sidebar.getByTestId('sheet-select').inputValue(), 'Upflow - All of the above');
      const blocked = (await sidebar.getByTestId('copy-blocked').innerText()).match(/Copy the (\d+) blocked lines/);
      assert.ok(blocked, 'the button says how many lines the check blocks');
      await sidebar.getByTestId('copy-blocked').click();
      await s.page.getByTestId('tab-Upflow - All of the above - blocked lines').waitFor();
      await waitUntil('the status names the copy of the blocked lines', async () =>
        (await sidebar.getByTestId('status').innerText()).includes(`${blocked[1]} blocked lines copied`),
      );
      await s.page.getByTestId(`tab-${copy}`).click();
      await waitUntil('the copy is on screen', async () => (await text('A1')) === 'Cell');
      const cells = await Promise.all(Array.from({ length: Number(listed[1]) }, (_, i) => text(`A${i + 2}`)));
      for (const cell of ['D8', 'O10', 'F7']) assert.ok(cells.includes(cell), `${cell} is in the copy`);
      assert.equal(await text(`A${Number(listed[1]) + 2}`), '', 'one line per problem');
    });

    assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
    assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
  },
);
