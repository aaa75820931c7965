import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { createAppsScript } from '../index';

describe('PropertiesService', () => {
  it('keeps user, document and script stores apart; values are strings, missing is null', () => {
    const { PropertiesService } = createAppsScript().globals;
    PropertiesService.getUserProperties().setProperty('apiKey', 'u-1');
    PropertiesService.getDocumentProperties().setProperties({ mapping: '{"a":1}', count: 3 });
    assert.equal(PropertiesService.getUserProperties().getProperty('apiKey'), 'u-1');
    assert.equal(PropertiesService.getDocumentProperties().getProperty('apiKey'), null);
    assert.equal(PropertiesService.getScriptProperties().getProperty('apiKey'), null);
    assert.equal(PropertiesService.getDocumentProperties().getProperty('count'), '3');
    assert.deepEqual(PropertiesService.getDocumentProperties().getKeys().sort(), ['count', 'mapping']);
    PropertiesService.getDocumentProperties().setProperties({ only: 'x' }, true);
    assert.deepEqual(PropertiesService.getDocumentProperties().getProperties(), { only: 'x' });
    PropertiesService.getDocumentProperties().deleteProperty('only');
    assert.deepEqual(PropertiesService.getDocumentProperties().getKeys(), []);
  });

  it('enforces the 9 KB value and 500 KB store limits without partial writes', () => {
    const props = createAppsScript().globals.PropertiesService.getUserProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024 - 1));
    assert.throws(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1)), { message: 'Argument too large: value' });
    assert.equal(props.getProperty('big'), null);
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    assert.throws(() => props.setProperty('one-more', 'y'.repeat(9000)), {
      message: 'You have exceeded the property storage quota. Please remove some properties and try again.',
    });
    assert.equal(props.getProperty('one-more'), null);
  });
});

describe('CacheService', () => {
  it('expires entries by the injected clock (600 s default, 6 h at most)', () => {
    let now = 1_000_000;
    const { CacheService } = createAppsScript({ now: () => now }).globals;
    const cache = CacheService.getScriptCache();
    cache.put('default', 'a');
    cache.put('short', 'b', 10);
    cache.put('long', 'c', 999999);
    now += 11_000;
    assert.deepEqual(cache.getAll(['default', 'short', 'long']), { default: 'a', long: 'c' });
    now += 600_000;
    assert.equal(cache.get('default'), null);
    now += 21_600_000 - 611_000;
    assert.equal(cache.get('long'), null);
    assert.equal(CacheService.getUserCache().get('long'), null);
  });

  it('separates caches, supports putAll/removeAll and rejects values over 100 KB', () => {
    const { CacheService } = createAppsScript().globals;
    CacheService.getUserCache().putAll({ a: '1', b: '2' });
    assert.equal(CacheService.getDocumentCache().get('a'), null);
    CacheService.getUserCache().removeAll(['a']);
    assert.deepEqual(CacheService.getUserCache().getAll(['a', 'b']), { b: '2' });
    assert.throws(() => CacheService.getUserCache().put('big', 'x'.repeat(100 * 1024 + 1)), { message: 'Argument too large: value' });
  });
});

describe('LockService and executions', () => {
  it('a document lock held by an unfinished execution blocks another, and is released at its end', () => {
    const app = createAppsScript();
    const { LockService } = app.globals;
    app.run(() => {
      const outer = LockService.getDocumentLock();
      assert.equal(outer.tryLock(1000), true);
      assert.equal(outer.hasLock(), true);
      app.run(() => {
        const inner = LockService.getDocumentLock();
        assert.equal(inner.tryLock(1000), false);
        assert.equal(inner.hasLock(), false);
        assert.throws(() => inner.waitLock(1000), { message: 'Lock timeout: another process was holding the lock for too long.' });
        assert.equal(LockService.getScriptLock().tryLock(10), true);
      });
    });
    const later = app.run(() => LockService.getDocumentLock().tryLock(0));
    assert.equal(later, true);
  });

  it('releaseLock frees the lock for the next execution', () => {
    const app = createAppsScript();
    const { LockService } = app.globals;
    app.run(() => {
      const lock = LockService.getUserLock();
      lock.waitLock(100);
      lock.releaseLock();
      assert.equal(
        app.run(() => LockService.getUserLock().tryLock(0)),
        true,
      );
    });
  });

  it('service calls past the execution deadline throw "Exceeded maximum execution time"', () => {
    let now = 0;
    const app = createAppsScript({ now: () => now });
    const { SpreadsheetApp } = app.globals;
    const sheet = SpreadsheetApp.getActiveSheet();
    assert.throws(
      () =>
        app.run(() => {
          sheet.getRange('A1').setValue(1);
          now += 6 * 60 * 1000 + 1;
          sheet.getRange('A2').setValue(2);
        }),
      { message: 'Exceeded maximum execution time' },
    );
    assert.equal(sheet.getRange('A2').getValue(), '');
    now = 0;
    assert.throws(() => app.run(() => app.globals.Utilities.sleep(50), { timeLimitMs: 10 }), { message: 'Exceeded maximum execution time' });
    assert.equal(
      app.run(() => 'done', { timeLimitMs: 10 }),
      'done',
    );
  });

  it('Utilities.sleep really blocks', () => {
    const app = createAppsScript();
    const started = Date.now();
    app.globals.Utilities.sleep(30);
    assert.ok(Date.now() - started >= 29);
  });

  it("with a test clock, Utilities.sleep moves it instead of blocking, still dies at the deadline, and the script's Date reads it", () => {
    const start = Date.UTC(2030, 0, 1);
    let now = start;
    const app = createAppsScript({
      now: () => now,
      sleep: (ms) => {
        now += ms;
      },
    });
    app.run(() => app.globals.Utilities.sleep(60_000));
    assert.equal(now, start + 60_000);
    assert.throws(() => app.run(() => app.globals.Utilities.sleep(50), { timeLimitMs: 10 }), { message: 'Exceeded maximum execution time' });
    assert.equal(now, start + 60_010, 'the sleep stopped at the deadline');
    const context = vm.createContext({});
    app.install(context);
    const read = vm.runInContext('JSON.stringify([Date.now(), new Date().getTime(), new Date(0).getTime(), Date.UTC(1970, 0, 2), typeof Date()])', context) as string;
    assert.deepEqual(JSON.parse(read), [now, now, 0, 86_400_000, 'string']);
    vm.runInContext('SpreadsheetApp.getActiveSheet().getRange("A1").setValue(new Date())', context);
    assert.equal(vm.runInContext('SpreadsheetApp.getActiveSheet().getRange("A1").getValue() instanceof Date', context), true);
    assert.equal(vm.runInContext('class Stamp extends Date {}; new Stamp() instanceof Stamp && new Stamp().getTime()', context), now);
  });

  it('authorization modes limit what a script may call', () => {
    const app = createAppsScript();
    const { SpreadsheetApp, UrlFetchApp, PropertiesService } = app.globals;
    app.run(() => SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi(), { authMode: 'NONE' });
    assert.throws(() => app.run(() => SpreadsheetApp.getActiveSpreadsheet(), { authMode: 'NONE' }), {
      message: 'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    });
    assert.equal(
      app.run(() => PropertiesService.getDocumentProperties().getProperty('x'), { authMode: 'LIMITED' }),
      null,
    );
    assert.throws(() => app.run(() => UrlFetchApp.fetch('http://127.0.0.1:9/'), { authMode: 'LIMITED' }), {
      message: /^You do not have permission to call UrlFetchApp\.fetch\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.external_request$/,
    });
  });
});

describe('Session, MailApp, Logger, Utilities', () => {
  it('Session reports the configured user and time zone', () => {
    const { Session } = createAppsScript({ user: { email: 'ana@example.com' }, timeZone: 'America/New_York' }).globals;
    assert.equal(Session.getActiveUser().getEmail(), 'ana@example.com');
    assert.equal(Session.getEffectiveUser().getEmail(), 'ana@example.com');
    assert.equal(Session.getScriptTimeZone(), 'America/New_York');
    assert.match(Session.getTemporaryActiveUserKey(), /^[\w-]{20,}$/);
  });

  it('MailApp records both call forms and spends the recipient quota', () => {
    const app = createAppsScript({ mailQuota: 3 });
    const { MailApp } = app.globals;
    MailApp.sendEmail('a@example.com', 'Import done', '12 rows', { htmlBody: '<b>12</b> rows', name: 'Upflow' });
    MailApp.sendEmail({ to: 'b@example.com, c@example.com', subject: 'Report', body: 'ok' });
    assert.deepEqual(app.mail.sent, [
      { to: 'a@example.com', subject: 'Import done', body: '12 rows', htmlBody: '<b>12</b> rows', name: 'Upflow' },
      { to: 'b@example.com, c@example.com', subject: 'Report', body: 'ok' },
    ]);
    assert.equal(MailApp.getRemainingDailyQuota(), 0);
    assert.throws(() => MailApp.sendEmail('d@example.com', 's', 'b'), { message: 'Service invoked too many times for one day: email.' });
    assert.throws(() => createAppsScript().globals.MailApp.sendEmail('not-an-email', 's', 'b'), { message: 'Invalid email: not-an-email' });
  });

  it('Logger substitutes %s and keeps the lines', () => {
    const { Logger } = createAppsScript().globals;
    Logger.log('Imported %s rows in %s', 12, 'Customers');
    Logger.log({ ok: true });
    assert.equal(Logger.getLog(), 'Imported 12 rows in Customers\n{"ok":true}');
  });

  it('Utilities formats dates in a zone, encodes, digests and parses CSV', () => {
    const { Utilities } = createAppsScript().globals;
    const date = new Date('2024-03-01T23:30:00Z');
    assert.equal(Utilities.formatDate(date, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss Z"), '2024-03-02T00:30:00 +0100');
    assert.equal(Utilities.formatDate(date, 'UTC', 'EEE d MMM yy, h:mm a'), 'Fri 1 Mar 24, 11:30 PM');
    assert.equal(Utilities.base64Encode('héllo'), 'aMOpbGxv');
    assert.deepEqual(Utilities.base64Decode('/w=='), [-1]);
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    assert.equal(Buffer.from(digest.map((b) => b & 0xff)).toString('hex'), '900150983cd24fb0d6963f7d28e17f72');
    assert.deepEqual(Utilities.parseCsv('a,"b ""q"", c"\n1,2\r\n'), [
      ['a', 'b "q", c'],
      ['1', '2'],
    ]);
    assert.deepEqual(Utilities.parseCsv('a;b', ';'), [['a', 'b']]);
    const blob = Utilities.newBlob('data', 'text/plain', 'f.txt');
    assert.deepEqual([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.getBytes()], ['data', 'text/plain', 'f.txt', [100, 97, 116, 97]]);
    assert.match(Utilities.getUuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
