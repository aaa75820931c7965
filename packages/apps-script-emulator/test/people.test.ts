import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppsScript, ScriptRunError } from '../index';

describe('several people using one document', () => {
  it('each has their own user properties and user cache; document properties are shared', () => {
    const app = createAppsScript({ user: { email: 'owner@example.com' } });
    const { PropertiesService, CacheService, Session } = app.globals;
    PropertiesService.getUserProperties().setProperty('apiKey', 'owner-key');
    CacheService.getUserCache().put('org', 'cached by the owner');
    PropertiesService.getDocumentProperties().setProperty('mapping', 'shared');
    app.asUser('colleague@example.com', () => {
      assert.equal(Session.getActiveUser().getEmail(), 'colleague@example.com');
      assert.equal(PropertiesService.getUserProperties().getProperty('apiKey'), null);
      assert.equal(CacheService.getUserCache().get('org'), null);
      assert.equal(PropertiesService.getDocumentProperties().getProperty('mapping'), 'shared');
      PropertiesService.getUserProperties().setProperty('apiKey', 'colleague-key');
    });
    assert.equal(PropertiesService.getUserProperties().getProperty('apiKey'), 'owner-key');
    assert.equal(CacheService.getUserCache().get('org'), 'cached by the owner');
    assert.equal(app.toJSON().properties.user.apiKey, 'owner-key');
  });

  it("a collaborator's edit runs onEdit with their stores, no email and no UrlFetchApp", () => {
    const app = createAppsScript({ user: { email: 'owner@example.com' } });
    const seen: unknown[] = [];
    app.install({
      onEdit: (e: { user: { getEmail(): string } }) => {
        const { Session, PropertiesService, UrlFetchApp } = app.globals;
        seen.push(e.user.getEmail(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail());
        seen.push(PropertiesService.getUserProperties().getProperty('who'));
        assert.throws(() => UrlFetchApp.fetch('https://api.upflow.io/v1/members'), /You do not have permission to call UrlFetchApp.fetch/);
      },
    });
    app.globals.PropertiesService.getUserProperties().setProperty('who', 'owner');
    app.asUser('colleague@example.com', () => app.edit('Sheet1', 'A1', 'x'));
    assert.deepEqual(seen, ['', '', '', null]);
    app.edit('Sheet1', 'A1', 'y');
    assert.deepEqual(seen.slice(4), ['', '', '', 'owner']);
  });
});

describe('google.script.run', () => {
  const app = createAppsScript();
  const target: Record<string, unknown> = {
    echo: (...args: unknown[]) => args,
    today: () => ({ when: new Date(0) }),
    callback: () => [() => 1],
    nothing: () => undefined,
  };
  app.install(target);

  it('carries primitives, plain objects and arrays as copies; undefined in arrays becomes null', () => {
    const sent = { a: [1, undefined, 'x'], b: { c: true, d: undefined }, e: null };
    const [back] = app.scriptRun('echo', [sent]) as [unknown];
    assert.deepEqual(back, { a: [1, null, 'x'], b: { c: true }, e: null });
    assert.notEqual(back, sent);
    assert.equal(app.scriptRun('nothing', []), null);
  });

  it('fails the call on a Date, a function, a Map or a circular object, in either direction', () => {
    assert.throws(() => app.scriptRun('echo', [{ due: new Date() }]), ScriptRunError);
    assert.throws(() => app.scriptRun('echo', [[() => 1]]), /function/);
    assert.throws(() => app.scriptRun('echo', [new Map()]), /Map/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    assert.throws(() => app.scriptRun('echo', [loop]), /refers back/);
    assert.throws(() => app.scriptRun('today', []), /the returned value\.when is a Date/);
    assert.throws(() => app.scriptRun('callback', []), /function/);
  });
});

describe('Utilities.gzip and ungzip', () => {
  it('round-trip a blob, and refuse data that is not gzip', () => {
    const { Utilities } = createAppsScript().globals;
    // The emulator's blobs stand for Apps Script's; the declarations know only the real ones.
    const source = (blob: unknown) => blob as GoogleAppsScript.Base.BlobSource;
    const packed = Utilities.gzip(source(Utilities.newBlob('{"countries":{}}', 'application/json', 'meta.json')));
    assert.equal(packed.getContentType(), 'application/x-gzip');
    assert.equal(Utilities.ungzip(source(packed)).getDataAsString(), '{"countries":{}}');
    assert.throws(() => Utilities.ungzip(source(Utilities.newBlob('plain'))), /gzip/);
  });
});
