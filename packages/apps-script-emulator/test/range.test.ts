import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppsScript } from '../index';

function sheet() {
  const app = createAppsScript();
  return { app, sheet: app.globals.SpreadsheetApp.getActiveSheet() };
}

describe('Range bounds and dimensions', () => {
  it('rejects ranges outside the sheet with Apps Script texts', () => {
    const { sheet: s } = sheet();
    assert.throws(() => s.getRange(0, 1), { name: 'Exception', message: 'The starting row of the range is too small.' });
    assert.throws(() => s.getRange(1, 0), { message: 'The starting column of the range is too small.' });
    assert.throws(() => s.getRange(1, 1, 0, 1), { message: 'The number of rows in the range must be at least 1.' });
    assert.throws(() => s.getRange(1, 1, 1, 0), { message: 'The number of columns in the range must be at least 1.' });
    assert.throws(() => s.getRange(1000, 1, 2, 1), { message: 'Those rows are out of bounds.' });
    assert.throws(() => s.getRange(1, 26, 1, 2), { message: 'Those columns are out of bounds.' });
    assert.throws(() => s.getRange('A1001'), { message: 'Those rows are out of bounds.' });
    assert.throws(() => s.getRange('not a range'), { message: 'Range not found' });
    assert.equal(s.getRange(1000, 26).getA1Notation(), 'Z1000');
  });

  it('a new sheet is 1000 x 26 and Error objects print as Exception', () => {
    const { sheet: s } = sheet();
    assert.equal(s.getMaxRows(), 1000);
    assert.equal(s.getMaxColumns(), 26);
    try {
      s.getRange(0, 1);
      assert.fail('expected a throw');
    } catch (error) {
      assert.equal(String(error), 'Exception: The starting row of the range is too small.');
    }
  });

  it('setValues, setBackgrounds and setNotes demand the exact dimensions', () => {
    const { sheet: s } = sheet();
    const range = s.getRange('A1:B2');
    assert.throws(() => range.setValues([[1, 2]]), {
      message: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    assert.throws(() => range.setValues([[1, 2], [3]]), {
      message: 'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    });
    assert.throws(
      () =>
        range.setBackgrounds([
          ['red', 'red', 'red'],
          ['red', 'red', 'red'],
        ]),
      {
        message: 'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
      },
    );
    assert.throws(() => range.setNotes([['a', 'b']]), { message: /The data has 1 but the range has 2\.$/ });
    assert.throws(() => range.setValues([1, 2] as unknown as unknown[][]), {
      message: "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    });
  });

  it('parses A1 forms: absolute, whole columns and rows, open ends', () => {
    const { sheet: s } = sheet();
    assert.equal(s.getRange('$B$2:$C$3').getA1Notation(), 'B2:C3');
    const column = s.getRange('C:C');
    assert.deepEqual([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()], [1, 3, 1000, 1]);
    const rows = s.getRange('2:3');
    assert.deepEqual([rows.getRow(), rows.getNumRows(), rows.getNumColumns()], [2, 2, 26]);
    assert.equal(s.getRange('A2:B').getLastRow(), 1000);
    assert.throws(() => s.getRange('AA1'), { message: 'Those columns are out of bounds.' });
  });
});

describe('Range values', () => {
  it('getValues gives numbers, booleans, strings, Dates and "" for empty, never null', () => {
    const { sheet: s } = sheet();
    const date = new Date('2024-05-06T10:00:00Z');
    s.getRange('A1:E1').setValues([[42, true, 'text', date, null]]);
    const [row] = s.getRange('A1:F1').getValues();
    assert.deepEqual(row, [42, true, 'text', date, '', '']);
    assert.ok(row?.[3] instanceof Date);
  });

  it('returns copies: mutating a result or the written data does not touch the sheet', () => {
    const { sheet: s } = sheet();
    const data = [[1, new Date(0)]];
    s.getRange('A1:B1').setValues(data);
    (data[0] as unknown[])[0] = 99;
    (data[0]?.[1] as Date).setTime(5);
    const read = s.getRange('A1:B1').getValues();
    (read[0] as unknown[])[0] = 7;
    (read[0]?.[1] as Date).setTime(9);
    assert.deepEqual(s.getRange('A1:B1').getValues(), [[1, new Date(0)]]);
  });

  it('setValue fills every cell of the range; getValue reads the top-left cell', () => {
    const { sheet: s } = sheet();
    s.getRange('B2:C3').setValue('x');
    assert.deepEqual(s.getRange('B2:C3').getValues(), [
      ['x', 'x'],
      ['x', 'x'],
    ]);
    assert.equal(s.getRange('B2:C3').getValue(), 'x');
    s.getRange('B2').setValue(null);
    assert.equal(s.getRange('B2').getValue(), '');
  });

  it('last row/column count cells with content; the data range of an empty sheet is A1', () => {
    const { sheet: s } = sheet();
    assert.equal(s.getLastRow(), 0);
    assert.equal(s.getLastColumn(), 0);
    assert.equal(s.getDataRange().getA1Notation(), 'A1');
    s.getRange('C5').setValue('x');
    s.getRange('E2').setBackground('red');
    s.getRange('F9').setNote('notes are not content');
    assert.equal(s.getLastRow(), 5);
    assert.equal(s.getLastColumn(), 3);
    assert.equal(s.getDataRange().getA1Notation(), 'A1:C5');
    s.getRange('C5').clearContent();
    assert.equal(s.getLastRow(), 0);
  });

  it('offset, getCell and isBlank address cells relative to the range', () => {
    const { sheet: s } = sheet();
    const range = s.getRange('B2:D4');
    assert.equal(range.offset(1, 1).getA1Notation(), 'C3:E5');
    assert.equal(range.offset(0, 0, 1, 1).getA1Notation(), 'B2');
    assert.equal(range.getCell(2, 3).getA1Notation(), 'D3');
    assert.throws(() => range.getCell(4, 1), { message: 'Cell reference out of range' });
    assert.throws(() => range.offset(-2, 0), { message: 'The starting row of the range is too small.' });
    assert.equal(range.isBlank(), true);
    s.getRange('D4').setFormula('=1+1');
    assert.equal(range.isBlank(), false);
  });
});

describe('Range formats', () => {
  it('notes are "" by default and null clears them', () => {
    const { sheet: s } = sheet();
    assert.deepEqual(s.getRange('A1:B1').getNotes(), [['', '']]);
    s.getRange('A1:B1').setNotes([['Bad email', null]]);
    assert.deepEqual(s.getRange('A1:B1').getNotes(), [['Bad email', '']]);
    s.getRange('A1').setNote(null);
    assert.equal(s.getRange('A1').getNote(), '');
  });

  it('backgrounds default to lowercase #ffffff, are normalised, and null resets', () => {
    const { sheet: s } = sheet();
    assert.deepEqual(s.getRange('A1:B1').getBackgrounds(), [['#ffffff', '#ffffff']]);
    s.getRange('A1:C1').setBackgrounds([['#FF0000', 'red', '#0f0']]);
    assert.deepEqual(s.getRange('A1:C1').getBackgrounds(), [['#ff0000', '#ff0000', '#00ff00']]);
    s.getRange('A1:C1').setBackgrounds([[null, '#ff0000', null]]);
    assert.deepEqual(s.getRange('A1:C1').getBackgrounds(), [['#ffffff', '#ff0000', '#ffffff']]);
    s.getRange('B1').setBackground(null);
    assert.equal(s.getRange('B1').getBackground(), '#ffffff');
    assert.throws(() => s.getRange('A1').setBackground('not-a-colour'), { message: 'Invalid color: not-a-colour' });
  });

  it('font weights and number formats are kept per cell', () => {
    const { sheet: s } = sheet();
    s.getRange('A1:B1').setFontWeight('bold');
    s.getRange('B1').setFontWeight(null);
    assert.deepEqual(s.getRange('A1:B1').getFontWeights(), [['bold', 'normal']]);
    assert.equal(s.getRange('C1').getNumberFormat(), '0.###############');
    s.getRange('C1').setNumberFormat('@');
    assert.deepEqual(s.getRange('C1:D1').getNumberFormats(), [['@', '0.###############']]);
  });

  it('clear() removes content and formats, clear({contentsOnly}) keeps formats', () => {
    const { sheet: s } = sheet();
    const range = s.getRange('A1');
    range.setValue(5).setBackground('red').setNote('n');
    range.clear({ contentsOnly: true });
    assert.deepEqual([range.getValue(), range.getBackground()], ['', '#ff0000']);
    range.setValue(5);
    range.clear();
    assert.deepEqual([range.getValue(), range.getBackground(), range.getNote()], ['', '#ffffff', 'n']);
  });
});
