import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, toCsv } from '../../src/engine/csv';

test('semicolon files are detected even with commas inside quoted and unquoted values', () => {
  const result = parseCsv('Nom du client;Adresse;Ville\n"Dupont, Fils";"12, rue de la Paix";Paris\nMartin;3, quai X;Lyon\n');
  assert.equal(result.delimiter, ';');
  assert.deepEqual(result.rows, [['Nom du client', 'Adresse', 'Ville'], ['Dupont, Fils', '12, rue de la Paix', 'Paris'], ['Martin', '3, quai X', 'Lyon']]);
  assert.deepEqual(result.problems, []);
});

test('comma files are detected', () => {
  const result = parseCsv('Customer name,City\nAcme,Paris\n"Beta; Co",Lyon');
  assert.equal(result.delimiter, ',');
  assert.deepEqual(result.rows, [['Customer name', 'City'], ['Acme', 'Paris'], ['Beta; Co', 'Lyon']]);
});

test('vertical bar files are detected, commas and semicolons in values kept', () => {
  const result = parseCsv('Customer name|Address|City\nAcme|1, rue X; bât. B|Paris\n');
  assert.equal(result.delimiter, '|');
  assert.deepEqual(result.rows, [['Customer name', 'Address', 'City'], ['Acme', '1, rue X; bât. B', 'Paris']]);
});

test('a file with only a header row keeps its delimiter', () => {
  assert.equal(parseCsv('a|b|c').delimiter, '|');
  assert.deepEqual(parseCsv('a;b;c\r\n').rows, [['a', 'b', 'c']]);
});

test('a BOM is removed and French headers with accents stay intact', () => {
  const result = parseCsv('\ufeffNuméro de TVA;Prénom;Société\nFR40303265045;Élodie;Crème & Cie\n');
  assert.deepEqual(result.rows[0], ['Numéro de TVA', 'Prénom', 'Société']);
  assert.deepEqual(result.rows[1], ['FR40303265045', 'Élodie', 'Crème & Cie']);
});

test('quoted values keep delimiters, line breaks and doubled quotes', () => {
  const result = parseCsv('a;b\n"x;y";"line 1\nline 2"\n"say ""hi""";z\n');
  assert.deepEqual(result.rows.slice(1), [['x;y', 'line 1\nline 2'], ['say "hi"', 'z']]);
});

test('CRLF and CR line ends', () => {
  assert.deepEqual(parseCsv('a;b\r\n1;2\r\n3;4\r\n').rows, [['a', 'b'], ['1', '2'], ['3', '4']]);
  assert.deepEqual(parseCsv('a;b\r1;2\r3;4').rows, [['a', 'b'], ['1', '2'], ['3', '4']]);
});

test('blank lines and lines of bare separators are skipped', () => {
  assert.deepEqual(parseCsv('a;b\n\n1;2\n   \n;;\n3;4\n\n').rows, [['a', 'b'], ['1', '2'], ['3', '4']]);
});

test('ragged rows are padded to the header width; longer rows are kept and reported', () => {
  const result = parseCsv('a;b;c\n1\n1;2;3;\n1;2;3;4\n');
  assert.deepEqual(result.rows, [['a', 'b', 'c'], ['1', '', ''], ['1', '2', '3'], ['1', '2', '3', '4']]);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0]!, /^Row 4: 4 values for 3 columns/);
});

test('an unclosed quote is reported and does not hide the delimiter', () => {
  const result = parseCsv('a;b\n"unclosed;2\n3;4\n');
  assert.equal(result.delimiter, ';');
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0]!, /quoted value is never closed/);
});

test('a one-column file is not split at commas in its values; an empty file gives no rows', () => {
  const single = parseCsv('External ID\nC-1\nC-2, old');
  assert.deepEqual(single.rows, [['External ID'], ['C-1'], ['C-2, old']]);
  assert.deepEqual(single.problems, []);
  assert.deepEqual(parseCsv('').rows, []);
});

test('toCsv quotes only what needs it, doubling inner quotes, lines joined with CRLF', () => {
  assert.equal(toCsv([['a', 'b,c', 'say "hi"'], ['line\nbreak', '', 'plain']]), 'a,"b,c","say ""hi"""\r\n"line\nbreak",,plain');
  assert.equal(toCsv([['a;b', 'c,d']], ';'), '"a;b";c,d');
});

test('toCsv output parses back to the same rows', () => {
  const rows = [['Nom', 'Adresse', 'Note'], ['Dupont; Fils', '1, rue "X"', 'l1\r\nl2'], ['A', 'B', 'C']];
  for (const delimiter of [';', ',', '|'] as const) {
    const parsed = parseCsv(toCsv(rows, delimiter));
    assert.equal(parsed.delimiter, delimiter);
    assert.deepEqual(parsed.rows, rows);
  }
});
