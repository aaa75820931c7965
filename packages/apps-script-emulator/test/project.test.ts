import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { AppsScript, createAppsScript } from '../index';

describe('Simple triggers', () => {
  it('edit() converts the input and calls onEdit with the event of a single-cell edit', () => {
    const app = createAppsScript({ user: { email: 'ana@example.com' } });
    const events: Record<string, unknown>[] = [];
    const target: Record<string, unknown> = {
      onEdit: (e: Record<string, unknown>) => {
        const range = e.range as { getA1Notation(): string; getValue(): unknown };
        events.push({ ...e, a1: range.getA1Notation(), cell: range.getValue() });
      },
    };
    app.install(target);
    app.spreadsheet.getSheets()[0]!.getRange('B2').setValue('old');
    app.edit('Sheet1', 'B2', '01234');
    app.edit('Sheet1', 'C3', 'first');
    const [first, second] = events;
    assert.equal(first?.a1, 'B2');
    assert.equal(first?.cell, 1234);
    assert.equal(first?.value, '1234');
    assert.equal(first?.oldValue, 'old');
    assert.equal(first?.authMode, 'LIMITED');
    // A simple trigger is not told who edited.
    assert.equal((first?.user as { getEmail(): string }).getEmail(), '');
    assert.equal((first?.source as { getName(): string }).getName(), 'Untitled spreadsheet');
    assert.equal('oldValue' in (second ?? {}), false);
  });

  it('paste() fires one onEdit for the block, without value or oldValue', () => {
    const app = createAppsScript();
    const seen: string[] = [];
    app.install({ onEdit: (e: { range: { getA1Notation(): string }; value?: string }) => seen.push(`${e.range.getA1Notation()}:${String(e.value)}`) });
    app.paste('Sheet1', 'A1', [
      ['Name', 'Zip'],
      ['Ana', '01234'],
    ]);
    assert.deepEqual(seen, ['A1:B2:undefined']);
    assert.deepEqual(app.spreadsheet.getSheets()[0]!.getRange('A1:B2').getValues(), [
      ['Name', 'Zip'],
      ['Ana', 1234],
    ]);
  });

  it('a rejecting validation rule refuses the typed value, and onEdit does not run', () => {
    const app = createAppsScript();
    let edits = 0;
    app.install({ onEdit: () => edits++ });
    const { SpreadsheetApp } = app.globals;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['EUR', 'USD']).setAllowInvalid(false).build();
    SpreadsheetApp.getActiveSheet().getRange('A1').setDataValidation(rule);
    assert.throws(() => app.edit('Sheet1', 'A1', 'GBP'), { message: 'There was a problem: Input must be an item on the specified list' });
    app.edit('Sheet1', 'A1', 'EUR');
    assert.equal(edits, 1);
    assert.equal(SpreadsheetApp.getActiveSheet().getRange('A1').getValue(), 'EUR');
  });

  it('onEdit runs as a simple trigger: LIMITED mode forbids UrlFetchApp', () => {
    const app = createAppsScript();
    app.install({ onEdit: () => app.globals.UrlFetchApp.fetch('http://127.0.0.1:9/') });
    assert.throws(() => app.edit('Sheet1', 'A1', 'x'), { message: /^You do not have permission to call UrlFetchApp\.fetch/ });
  });

  it('open() runs onOpen, which builds the add-on menu', () => {
    const app = createAppsScript({ addonName: 'Upflow' });
    app.install({
      onOpen: () => {
        const ui = app.globals.SpreadsheetApp.getUi();
        ui.createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('Templates').addItem('Customers', 'insertCustomers')).addToUi();
      },
    });
    app.open('NONE');
    app.open('NONE');
    assert.deepEqual(app.ui.menus, [
      {
        caption: 'Upflow',
        addon: true,
        items: [
          { kind: 'item', caption: 'Open', functionName: 'showSidebar' },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'Templates', items: [{ kind: 'item', caption: 'Customers', functionName: 'insertCustomers' }] },
        ],
      },
    ]);
  });
});

describe('UI and HTML', () => {
  it('records sidebars, dialogs, toasts and scripted alert answers', () => {
    const app = createAppsScript({ files: { Sidebar: '<h1>Import</h1>' } });
    const { SpreadsheetApp, HtmlService } = app.globals;
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Upflow').setWidth(300));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>Done</p>').setHeight(200), 'Result');
    SpreadsheetApp.getActiveSpreadsheet().toast('12 rows imported', 'Upflow', 3);
    app.ui.respondWith(ui.Button.NO);
    assert.equal(ui.alert('Import', 'Send 12 rows?', ui.ButtonSet.YES_NO), 'NO');
    assert.equal(ui.alert('Plain'), 'OK');
    app.ui.respondWith(ui.Button.OK, 'Acme');
    const answer = ui.prompt('Company?', ui.ButtonSet.OK_CANCEL);
    assert.deepEqual([answer.getSelectedButton(), answer.getResponseText()], ['OK', 'Acme']);
    assert.deepEqual(app.ui.sidebars, [{ title: 'Upflow', html: '<h1>Import</h1>', width: 300 }]);
    assert.deepEqual(app.ui.dialogs, [{ title: 'Result', html: '<p>Done</p>', width: 600, height: 200, modal: true }]);
    assert.deepEqual(app.ui.toasts, [{ message: '12 rows imported', title: 'Upflow', timeoutSeconds: 3 }]);
    assert.deepEqual(
      app.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.response]),
      [
        ['alert', 'Import', 'Send 12 rows?', 'NO'],
        ['alert', '', 'Plain', 'OK'],
        ['prompt', '', 'Company?', 'OK'],
      ],
    );
    assert.throws(() => HtmlService.createHtmlOutputFromFile('Missing'), { message: 'No HTML file named Missing was found.' });
  });

  it('templates escape <?= ?>, print <?!= ?> raw and see template variables and globals', () => {
    const app = createAppsScript({ files: { Page: '<p><?= name ?></p><?!= raw ?><? for (const n of [1, 2]) { ?><i><?= n ?></i><? } ?><?= include() ?>' } });
    const context = vm.createContext({});
    app.install(context);
    vm.runInContext('function include() { return "<b>inc</b>"; }', context);
    const template = app.globals.HtmlService.createTemplateFromFile('Page');
    template.name = '<Ana & Bob>';
    template.raw = '<hr>';
    assert.equal(template.evaluate().getContent(), '<p>&#60;Ana &#38; Bob&#62;</p><hr><i>1</i><i>2</i>&#60;b&#62;inc&#60;/b&#62;');
  });
});

describe('Call counting', () => {
  it('counts each service method call by "Service.method"', () => {
    const app = createAppsScript();
    const { SpreadsheetApp } = app.globals;
    app.calls.reset();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    const range = sheet.getRange(1, 1, 2, 2);
    range.getValues();
    range.setBackgrounds([
      ['red', null],
      [null, null],
    ]);
    range.getValue();
    assert.deepEqual(app.calls.snapshot(), {
      'Range.getValue': 1,
      'Range.getValues': 1,
      'Range.setBackgrounds': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    assert.equal(app.calls.get('Range.getValues'), 1);
    assert.equal(app.calls.total(), 6);
    app.calls.reset();
    assert.equal(app.calls.total(), 0);
  });
});

describe('The add-on in a vm context', () => {
  it('runs script code against the installed globals, with Dates of the context realm', () => {
    const app = createAppsScript();
    const context = vm.createContext({});
    app.install(context);
    app.spreadsheet.getSheets()[0]!.getRange('A1').setValue('2024-03-01');
    const result = vm.runInContext(
      `var v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
       SpreadsheetApp.getActiveSheet().getRange('B1').setValue(new Date(Date.UTC(2020, 0, 1)));
       [v instanceof Date, Object.prototype.toString.call(v)]`,
      context,
    ) as [boolean, string];
    assert.deepEqual([...result], [true, '[object Date]']);
    assert.equal((app.spreadsheet.getSheets()[0]!.getRange('B1').getValue() as Date).toISOString(), '2020-01-01T00:00:00.000Z');
  });
});

describe('Persistence', () => {
  it('toJSON / fromJSON round-trips the document and the property stores', () => {
    const app = createAppsScript({ spreadsheetName: 'Saved' });
    const { SpreadsheetApp, PropertiesService } = app.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const data = ss.insertSheet('Data');
    data.getRange('A1:C2').setValues([
      ['Name', 'Since', 'Total'],
      ['Ana', '2024-03-01', '=1+2'],
    ]);
    data.getRange('A1:C1').setFontWeight('bold').setBackground('#EEEEEE');
    data.getRange('B2').setNote('from CRM');
    data.getRange('A2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Ana']).build());
    data.getRange('D1').setNumberFormat('@');
    data.setFrozenRows(1);
    data.protect().setDescription('locked');
    ss.insertSheet('Hidden').hideSheet();
    PropertiesService.getDocumentProperties().setProperty('mapping', '{}');
    PropertiesService.getUserProperties().setProperty('key', 'secret');

    const json = JSON.parse(JSON.stringify(app.toJSON()));
    const restored = AppsScript.fromJSON(json);
    const rs = restored.globals.SpreadsheetApp.getActiveSpreadsheet();
    const rd = rs.getSheetByName('Data')!;
    assert.equal(rs.getName(), 'Saved');
    assert.deepEqual(
      rs.getSheets().map((s) => [s.getName(), s.isSheetHidden()]),
      [
        ['Sheet1', false],
        ['Data', false],
        ['Hidden', true],
      ],
    );
    assert.deepEqual(rd.getRange('A1:C2').getValues(), data.getRange('A1:C2').getValues());
    assert.deepEqual(rd.getRange('A1:C2').getFormulas(), [
      ['', '', ''],
      ['', '', '=1+2'],
    ]);
    assert.deepEqual(rd.getRange('A1:B1').getBackgrounds(), [['#eeeeee', '#eeeeee']]);
    assert.deepEqual(rd.getRange('A1:B1').getFontWeights(), [['bold', 'bold']]);
    assert.equal(rd.getRange('B2').getNote(), 'from CRM');
    assert.equal(rd.getRange('B2').getDisplayValue(), '2024-03-01');
    assert.deepEqual(rd.getRange('A2').getDataValidation()?.getCriteriaValues(), [['Ana'], true]);
    assert.equal(rd.getRange('D1').getNumberFormat(), '@');
    assert.equal(rd.getFrozenRows(), 1);
    assert.equal(rd.getProtections('SHEET')[0]?.getDescription(), 'locked');
    assert.equal(rs.getActiveSheet().getName(), ss.getActiveSheet().getName());
    assert.equal(restored.globals.PropertiesService.getDocumentProperties().getProperty('mapping'), '{}');
    assert.equal(restored.globals.PropertiesService.getUserProperties().getProperty('key'), 'secret');
    assert.deepEqual(JSON.parse(JSON.stringify(restored.toJSON())), json);
  });
});
