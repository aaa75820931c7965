/**
 * The sidebar for keyboard and screen-reader users (issue 12): every target at least 24 px, a
 * visible focus on whatever the Tab key reaches, a name on every field, and one live region that
 * outlives the re-renders and announces each result.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper } from './session';

/** Run in the sidebar: every visible control smaller than 24 × 24 px (WCAG 2.2, 2.5.8), described. */
const SMALL_TARGETS = `(() => Array.from(document.querySelectorAll('button, select, input, summary, a[href]'))
  .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .filter((el) => { const r = el.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
  .map((el) => el.tagName + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '" ' + Math.round(el.getBoundingClientRect().width) + 'x' + Math.round(el.getBoundingClientRect().height)))()`;
/** Run in the sidebar: fields a screen reader would read without a name. */
const UNNAMED_FIELDS = `(() => Array.from(document.querySelectorAll('select, input'))
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map((el) => el.outerHTML.slice(0, 80)))()`;
/** Run in the sidebar: how the focused element shows it has the focus. */
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return { what: el.tagName + ' ' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, shadow: style.boxShadow !== 'none' };
})()`;

test('the sidebar works with the keyboard and a screen reader', { timeout: 180_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'a11y');
  const frameOf = () => {
    const frame = page.frame({ url: /\/sidebar\/\d+$/ });
    assert.ok(frame, 'the sidebar frame is loaded');
    return frame;
  };

  await step('the live region outlives re-renders and announces the result of Check', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    const status = sidebar.getByTestId('status');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    await frameOf().evaluate(`document.querySelector('[data-testid="status"]').dataset.kept = 'yes'`);
    await sidebar.getByTestId('check-button').click();
    await sidebar.getByTestId('check-summary').waitFor();
    assert.match(await status.innerText(), /errors? and \d+ warnings? in 15 lines; 10 ready/);
    assert.equal(await status.getAttribute('data-kept'), 'yes', 'the same node: screen readers keep listening to it');
  });

  await step('every target is at least 24 px and every field has a name, columns and preview open', async () => {
    await sidebar.getByTestId('show-columns').click();
    await sidebar.getByTestId('mapping-table').waitFor();
    await sidebar.getByTestId('preview-button').click();
    await sidebar.getByTestId('preview').waitFor();
    assert.deepEqual(await frameOf().evaluate(SMALL_TARGETS), []);
    assert.deepEqual(await frameOf().evaluate(UNNAMED_FIELDS), []);
    await sidebar.getByTestId('tab-settings').click();
    await sidebar.getByTestId('settings-form').waitFor();
    assert.deepEqual(await frameOf().evaluate(UNNAMED_FIELDS), []);
    await sidebar.getByTestId('tab-import').click();
  });

  await step('whatever the Tab key reaches shows a focus ring', async () => {
    await sidebar.getByTestId('tab-import').focus();
    const seen: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const ring = (await frameOf().evaluate(FOCUS_RING)) as { what: string; outline: boolean; shadow: boolean } | null;
      if (!ring) continue;
      assert.ok(ring.outline || ring.shadow, `${ring.what} shows its focus`);
      seen.push(ring.what);
    }
    assert.ok(seen.length >= 20, `the Tab key goes through the sidebar (${seen.length} stops)`);
    await s.screenshot('a11y-focus');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
