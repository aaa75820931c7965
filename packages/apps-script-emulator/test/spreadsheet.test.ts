import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppsScript } from '../index';

describe('Spreadsheet and sheets', () => {
  it('insertSheet refuses a taken name (case-insensitively) with the Sheets text', () => {
    const app = createAppsScript({ spreadsheetName: 'Import' });
    const ss = app.globals.SpreadsheetApp.getActiveSpreadsheet();
    assert.equal(ss.getName(), 'Import');
    ss.insertSheet('Customers');
    assert.throws(() => ss.insertSheet('customers'), {
      message: 'A sheet with the name "customers" already exists. Please enter another name.',
    });
    assert.throws(() => ss.getSheets()[0]?.setName('Customers'), { message: /already exists/ });
    assert.deepEqual(
      ss.getSheets().map((s) => s.getName()),
      ['Sheet1', 'Customers'],
    );
  });

  it('insertSheet places, names and activates the new sheet', () => {
    const ss = createAppsScript().spreadsheet;
    const first = ss.insertSheet('First', 0);
    const unnamed = ss.insertSheet();
    assert.deepEqual(
      ss.getSheets().map((s) => s.getName()),
      ['First', 'Sheet1', 'Sheet3'],
    );
    assert.equal(first.getIndex(), 1);
    assert.equal(ss.getActiveSheet().getName(), unnamed.getName());
    assert.equal(ss.getSheetById(first.getSheetId())?.getName(), 'First');
  });

  it('getSheetByName gives null when absent; getSheets includes hidden sheets', () => {
    const ss = createAppsScript().spreadsheet;
    ss.insertSheet('Hidden').hideSheet();
    assert.equal(ss.getSheetByName('Nope'), null);
    assert.equal(ss.getSheets().length, 2);
    assert.equal(ss.getSheetByName('Hidden')?.isSheetHidden(), true);
  });

  it('the last visible sheet cannot be hidden or deleted', () => {
    const ss = createAppsScript().spreadsheet;
    const only = ss.getSheets()[0]!;
    assert.throws(() => only.hideSheet(), { message: "You can't hide all the sheets in a document." });
    const other = ss.insertSheet('Other');
    other.hideSheet();
    assert.throws(() => only.hideSheet(), { message: "You can't hide all the sheets in a document." });
    assert.throws(() => ss.deleteSheet(only), { message: /can't remove all the visible sheets/ });
    other.showSheet();
    only.hideSheet();
    assert.equal(ss.getActiveSheet().getName(), 'Other');
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    assert.deepEqual(
      ss.getSheets().map((s) => s.getName()),
      ['Other'],
    );
  });

  it('appendRow writes after the last row and grows a full sheet', () => {
    const ss = createAppsScript().spreadsheet;
    const s = ss.getSheets()[0]!;
    s.appendRow(['a', '007']);
    s.appendRow(['b']);
    assert.deepEqual(s.getRange('A1:B2').getValues(), [
      ['a', 7],
      ['b', ''],
    ]);
    s.getRange(1000, 1).setValue('last');
    s.appendRow(['x', 'y', 'z', ...new Array(26).fill('w')]);
    assert.equal(s.getMaxRows(), 1001);
    assert.equal(s.getMaxColumns(), 29);
    assert.equal(s.getRange(1001, 29).getValue(), 'w');
  });

  it('inserting and deleting rows and columns moves the cells and their formats', () => {
    const s = createAppsScript().spreadsheet.getSheets()[0]!;
    s.getRange('A1:A3').setValues([[1], [2], [3]]);
    s.getRange('A3').setBackground('red');
    s.insertRowsAfter(1, 2);
    assert.deepEqual(s.getRange('A1:A5').getValues(), [[1], [''], [''], [2], [3]]);
    assert.equal(s.getRange('A5').getBackground(), '#ff0000');
    assert.equal(s.getMaxRows(), 1002);
    s.deleteRows(2, 2);
    assert.deepEqual(s.getRange('A1:A3').getValues(), [[1], [2], [3]]);
    s.insertColumnsBefore(1, 2);
    assert.deepEqual(s.getRange('A1:C1').getValues(), [['', '', 1]]);
    assert.equal(s.getMaxColumns(), 28);
    assert.throws(() => s.deleteRows(1, s.getMaxRows()), { message: 'Sorry, it is not possible to delete all non-frozen rows.' });
    assert.throws(() => s.insertRowsAfter(5000, 1), { message: 'Those rows are out of bounds.' });
  });

  it('frozen rows, tab colour, column widths and active range are kept', () => {
    const ss = createAppsScript().spreadsheet;
    const s = ss.getSheets()[0]!;
    s.setFrozenRows(1);
    s.setTabColor('#00FF00');
    s.setColumnWidth(2, 250);
    assert.deepEqual([s.getFrozenRows(), s.getTabColor(), s.getColumnWidth(2), s.getColumnWidth(3)], [1, '#00ff00', 250, 100]);
    assert.equal(ss.getActiveRange().getA1Notation(), 'A1');
    s.getRange('B2:C3').activate();
    assert.equal(ss.getActiveRange().getA1Notation(), 'B2:C3');
    assert.equal(ss.getRange('Sheet1!C4').getA1Notation(), 'C4');
  });

  it('protections record description, warning mode and editors; the owner stays an editor', () => {
    const app = createAppsScript({ user: { email: 'owner@example.com' } });
    const s = app.spreadsheet.getSheets()[0]!;
    const protection = s.protect().setDescription('Managed by Upflow').setWarningOnly(false);
    protection.addEditor('bob@example.com');
    protection.removeEditors(['bob@example.com', 'owner@example.com']);
    const [again] = s.getProtections(app.globals.SpreadsheetApp.ProtectionType.SHEET);
    assert.equal(again?.getDescription(), 'Managed by Upflow');
    assert.equal(again?.isWarningOnly(), false);
    assert.deepEqual(
      again?.getEditors().map((u) => u.getEmail()),
      ['owner@example.com'],
    );
    assert.equal(again?.canEdit(), true);
    s.getRange('A1:B2').protect().setDescription('header');
    assert.equal(app.spreadsheet.getProtections('RANGE')[0]?.getRange().getA1Notation(), 'A1:B2');
    again?.remove();
    assert.equal(s.getProtections('SHEET').length, 0);
  });

  it('data validation rules are built, stored per cell and read back', () => {
    const app = createAppsScript();
    const { SpreadsheetApp } = app.globals;
    const s = SpreadsheetApp.getActiveSheet();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['EUR', 'USD'], true).setAllowInvalid(false).setHelpText('Pick a currency').build();
    s.getRange('A2:A3').setDataValidation(rule);
    const [a2, a3, a4] = s
      .getRange('A2:A4')
      .getDataValidations()
      .map((row) => row[0]);
    assert.equal(a2?.getCriteriaType(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    assert.deepEqual(a3?.getCriteriaValues(), [['EUR', 'USD'], true]);
    assert.equal(a3?.getHelpText(), 'Pick a currency');
    assert.equal(a4, null);
    assert.equal(a2?.copy().setAllowInvalid(true).build().getAllowInvalid(), true);
    assert.equal(rule.getAllowInvalid(), false);
    s.getRange('B2:B3').insertCheckboxes();
    assert.deepEqual(s.getRange('B2:B3').getValues(), [[false], [false]]);
    assert.equal(s.getRange('B2').getDataValidation()?.getCriteriaType(), 'CHECKBOX');
    s.getRange('A2:B3').clearDataValidations();
    assert.equal(s.getRange('A2').getDataValidation(), null);
  });
});
