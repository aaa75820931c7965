/**
 * Closing the sidebar mid-import (issue 12): Sheets removes its frame, so nothing drives the
 * import any more. Opened again, the sidebar takes the import up by itself, without a click on
 * Resume, and while it runs it asks before the page is left and says to keep it open.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper, waitUntil } from './session';

/** Slow answers, as over a poor connection: the start of the import takes a second or more. */
const SLOW_MS = 1_000;
const IMPORT_TIMEOUT_MS = 120_000;
const LEAVE_ASKED = `(() => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
})()`;

test('an import left when the sidebar closed goes on by itself when it is opened again', { timeout: 300_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'resume');
  const frameOf = () => {
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    assert.ok(frame, 'the sidebar frame is loaded');
    return frame;
  };

  await step('the sidebar is closed while the import starts', async () => {
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('import-button').waitFor();
    await s.sandboxFaults({ slowMs: SLOW_MS });
    await sidebar.getByTestId('import-button').click();
    await sidebar.getByTestId('import-button').getByText('Starting…').waitFor();
    await page.getByRole('button', { name: 'Close the sidebar' }).click();
    assert.equal(await page.getByTestId('sidebar-panel').isVisible(), false);
  });

  await step('opened again, the sidebar drives the import on, and asks before being left while it runs', async () => {
    await page.getByTestId('menu-Extensions').click();
    await page.getByTestId('submenu-Upflow import').click();
    await page.getByTestId('menu-item-openSidebar').click();
    await sidebar.getByTestId('keep-open').waitFor({ timeout: 60_000 });
    assert.equal(await frameOf().evaluate(LEAVE_ASKED), true, 'leaving the sidebar mid-import is asked first');
    assert.equal(await sidebar.getByTestId('resume-button').count(), 0, 'no Resume to click: it goes on by itself');
    await s.screenshot('resume-1-going-on');
  });

  await step('the import ends without a click, every ready line with its result', async () => {
    await s.sandboxFaults({});
    await sidebar.getByTestId('import-result').waitFor({ timeout: IMPORT_TIMEOUT_MS });
    assert.match(await sidebar.getByTestId('import-result').innerText(), /Import finished/);
    assert.equal(await frameOf().evaluate(LEAVE_ASKED), false, 'once finished, the sidebar closes without a question');
    await waitUntil('the results column appears', async () => ((await s.cell('V1').textContent()) ?? '') === 'Upflow import result');
    for (const row of [2, 5, 7]) assert.match((await s.cell(`V${row}`).textContent()) ?? '', /^(Created|Updated|Unchanged)/, `line ${row} has its result`);
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog: closing the sidebar asks nothing, as in Sheets');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
