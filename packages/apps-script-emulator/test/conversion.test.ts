import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppsScript } from '../index';

function sheet(timeZone = 'Europe/Paris') {
  return createAppsScript({ timeZone }).globals.SpreadsheetApp.getActiveSheet();
}

describe('Sheets input conversion', () => {
  it('turns typed-looking strings into numbers and booleans (leading zeros are lost)', () => {
    const s = sheet();
    s.getRange('A1:F1').setValues([['01234', '1e5', 'TRUE', 'false', '1,234.5', '+33612345678']]);
    assert.deepEqual(s.getRange('A1:F1').getValues(), [[1234, 100000, true, false, 1234.5, 33612345678]]);
  });

  it('keeps text that only looks partly numeric, and strips the apostrophe text marker', () => {
    const s = sheet();
    s.getRange('A1:D1').setValues([['12 rue de la Paix', '1,2', "'01234", 'truest']]);
    assert.deepEqual(s.getRange('A1:D1').getValues(), [['12 rue de la Paix', '1,2', '01234', 'truest']]);
  });

  it('reads ISO and US dates as midnight in the spreadsheet time zone', () => {
    const s = sheet('Europe/Paris');
    s.getRange('A1:B1').setValues([['2024-03-01', '3/1/2024']]);
    const [[iso, us]] = s.getRange('A1:B1').getValues() as [[Date, Date]];
    assert.equal(iso.toISOString(), '2024-02-29T23:00:00.000Z');
    assert.equal(us.toISOString(), '2024-02-29T23:00:00.000Z');
    s.getRange('C1').setValue('2024-02-30');
    assert.equal(s.getRange('C1').getValue(), '2024-02-30');
  });

  it('leaves strings alone in cells formatted as plain text', () => {
    const s = sheet();
    s.getRange('A1:C1').setNumberFormat('@');
    s.getRange('A1:C1').setValues([['01234', 'TRUE', '=1+1']]);
    assert.deepEqual(s.getRange('A1:C1').getValues(), [['01234', 'TRUE', '=1+1']]);
    assert.deepEqual(s.getRange('A1:C1').getFormulas(), [['', '', '']]);
  });

  it('stores non-string values as they are', () => {
    const s = sheet();
    s.getRange('A1:B1').setValues([[1234, false]]);
    assert.deepEqual(s.getRange('A1:B1').getValues(), [[1234, false]]);
    assert.equal(typeof s.getRange('A1').getValue(), 'number');
  });
});

describe('Formulas', () => {
  it('writing "=..." makes a formula whose value is evaluated', () => {
    const s = sheet();
    s.getRange('A1:B1').setValues([[2, 'x']]);
    s.getRange('C1:F1').setValues([['=A1*3+1', '=B1&"-"&A1', '=(A1+1)/2', '=-A1']]);
    assert.deepEqual(s.getRange('C1:F1').getValues(), [[7, 'x-2', 1.5, -2]]);
    assert.deepEqual(s.getRange('C1:D1').getFormulas(), [['=A1*3+1', '=B1&"-"&A1']]);
    assert.equal(s.getRange('A1').getFormula(), '');
  });

  it('recomputes when referenced cells change; a number written over a formula replaces it', () => {
    const s = sheet();
    s.getRange('A1').setValue(1);
    s.getRange('B1').setFormula('=A1+1');
    s.getRange('A1').setValue(10);
    assert.equal(s.getRange('B1').getValue(), 11);
    s.getRange('B1').setValue(5);
    assert.equal(s.getRange('B1').getFormula(), '');
    assert.equal(s.getRange('B1').getValue(), 5);
  });

  it('gives error values as strings: #N/A, #REF!, #NAME?, #VALUE!, #DIV/0!', () => {
    const s = sheet();
    s.getRange('A1').setValue('text');
    s.getRange('B1:H1').setFormulas([['=NA()', '=ZZ99999', '=VLOOKUP(1,A1,1)', '=A1*2', '=1/0', '=B1&"x"', '=H1']]);
    assert.deepEqual(s.getRange('B1:H1').getValues(), [['#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#N/A', '#REF!']]);
  });

  it('an empty reference is 0 as a result and "" in text; other sheets can be referenced', () => {
    const app = createAppsScript();
    const s = app.globals.SpreadsheetApp.getActiveSheet();
    app.spreadsheet.insertSheet('Data').getRange('A1').setValue(7);
    s.getRange('A1:D1').setFormulas([['=Z1', '="a"&Z1', '=Data!A1*2', "='Missing'!A1"]]);
    assert.deepEqual(s.getRange('A1:D1').getValues(), [[0, 'a', 14, '#REF!']]);
  });
});

describe('Display values', () => {
  it('shows numbers as Sheets does under the automatic format', () => {
    const s = sheet();
    s.getRange('A1:F1').setValues([[1234, 0.1 + 0.2, 3.14159265358979, 1234567890123456, 1e-12, -5]]);
    assert.deepEqual(s.getRange('A1:F1').getDisplayValues(), [['1234', '0.3', '3.141592654', '1.23457E+15', '1E-12', '-5']]);
  });

  it('applies simple number formats, booleans and dates', () => {
    const s = sheet();
    s.getRange('A1:D1').setValues([[3.14159, 42, 1234567.891, true]]);
    s.getRange('A1:C1').setNumberFormats([['0.00', '00000', '#,##0.00']]);
    s.getRange('E1').setValue('2024-03-01');
    s.getRange('F1').setValue('3/1/2024');
    s.getRange('G1').setValue('12.5%');
    assert.deepEqual(s.getRange('A1:G1').getDisplayValues(), [['3.14', '00042', '1,234,567.89', 'TRUE', '2024-03-01', '3/1/2024', '12.50%']]);
    assert.equal(s.getRange('G1').getValue(), 0.125);
  });

  it('shows a Date written by a script as M/d/yyyy, with the time when it has one', () => {
    const s = sheet('UTC');
    s.getRange('A1:B1').setValues([[new Date('2024-07-04T00:00:00Z'), new Date('2024-07-04T15:30:05Z')]]);
    assert.deepEqual(s.getRange('A1:B1').getDisplayValues(), [['7/4/2024', '7/4/2024 15:30:05']]);
    s.getRange('A1').setNumberFormat('dd mmm yyyy');
    assert.equal(s.getRange('A1').getDisplayValue(), '04 Jul 2024');
  });
});
