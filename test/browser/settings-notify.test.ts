/**
 * Settings (issue 12): every invalid field is shown at once and the first gets the focus; the
 * notification email defaults to the user's own; "Send a test notification" shows what arrived.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession, stepper, waitUntil } from './session';

/** The playground's user (packages/playground/document.ts). */
const PLAYGROUND_USER = 'camille.dubois@example.com';

test('Settings shows every invalid field at once and sends a test notification', { timeout: 180_000 }, async (t) => {
  const s = await openSession(t);
  if (!s) return;
  const { page, sidebar } = s;
  const step = stepper(t, s, 'settings-notify');
  const focusedId = () => page.frame({ url: /\/sidebar\/\d+$/ })!.evaluate('document.activeElement && document.activeElement.id');

  await step('two invalid fields: both are marked with their fix, the first has the focus, nothing is saved', async () => {
    await sidebar.getByTestId('mapping-summary').waitFor();
    await sidebar.getByTestId('tab-settings').click();
    await sidebar.getByTestId('settings-form').waitFor();
    await sidebar.locator('#set-notify-email').check();
    await sidebar.locator('#set-notify-slack').check();
    await sidebar.locator('#set-email').fill('ana@');
    await sidebar.locator('#set-slack').fill('https://example.com/not-a-webhook');
    await sidebar.getByTestId('save-settings').click();
    await sidebar.getByTestId('set-slack-error').waitFor();
    assert.match(await sidebar.getByTestId('set-email-error').innerText(), /"ana@" is not an email address/);
    assert.match(await sidebar.getByTestId('set-slack-error').innerText(), /incoming webhook/);
    assert.equal(await sidebar.locator('#set-email').getAttribute('aria-invalid'), 'true');
    assert.equal(await sidebar.locator('#set-slack').getAttribute('aria-invalid'), 'true');
    assert.equal(await sidebar.locator('#set-slack').getAttribute('aria-describedby'), 'set-slack-error');
    assert.match(await sidebar.getByTestId('error-settings').innerText(), /2 fields need a fix/);
    assert.equal(await focusedId(), 'set-email');
    assert.equal(await sidebar.getByText('Settings saved.').count(), 0);
    await s.screenshot('settings-1-invalid-fields');
  });

  await step("an empty email address means the user's own, said beside the field", async () => {
    await sidebar.locator('#set-email').fill('');
    assert.equal(await sidebar.locator('#set-email').getAttribute('placeholder'), PLAYGROUND_USER);
    assert.match(await sidebar.getByTestId('set-email-hint').innerText(), new RegExp(`use your own: ${PLAYGROUND_USER.replace(/\./g, '\\.')}`));
  });

  await step('Send a test notification saves, then emails the user and posts to Slack', async () => {
    await sidebar.locator('#set-slack').fill(`${s.playground.sandboxPage}slack/webhook`);
    await sidebar.getByTestId('test-notification').click();
    await sidebar.getByTestId('notification-result').waitFor();
    assert.equal(await sidebar.getByTestId('set-email-error').count(), 0, 'the fixed fields are no longer marked');
    assert.match(await sidebar.getByTestId('notification-result').innerText(), new RegExp(`an email to ${PLAYGROUND_USER.replace(/\./g, '\\.')} and a message to Slack`));
    let slack: Array<{ text: string }> = [];
    await waitUntil('Slack got the test', async () => {
      slack = (await (await fetch(`${s.playground.sandboxPage}_admin/slack`)).json()) as Array<{ text: string }>;
      return slack.some((m) => /test from the Upflow importer/.test(m.text));
    });
    await s.screenshot('settings-2-test-sent');
  });

  assert.deepEqual(s.dialogs, [], 'no page opened a dialog');
  assert.deepEqual(s.pageErrors, [], 'no error in the pages or the sidebar');
});
