import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../src/engine/csv';

test('semicolon files are detected even with commas inside quoted and unquoted values', () => {
  const result = parseCsv('Nom du client;Adresse;Ville\n"Dupont, Fils";"12, rue de la Paix";Paris\nMartin;3, quai X;Lyon\n');
  assert.equal(result.delimiter, ';');
  assert.deepEqual(result.rows, [
    ['Nom du client', 'Adresse', 'Ville'],
    ['Dupont, Fils', '12, rue de la Paix', 'Paris'],
    ['Martin', '3, quai X', 'Lyon'],
  ]);
  assert.deepEqual(result.problems, []);
});

test('comma files are detected', () => {
  const result = parseCsv('Customer name,City\nAcme,Paris\n"Beta; Co",Lyon');
  assert.equal(result.delimiter, ',');
  assert.deepEqual(result.rows, [
    ['Customer name', 'City'],
    ['Acme', 'Paris'],
    ['Beta; Co', 'Lyon'],
  ]);
});

test('vertical bar files are detected, commas and semicolons in values kept', () => {
  const result = parseCsv('Customer name|Address|City\nAcme|1, rue X; bât. B|Paris\n');
  assert.equal(result.delimiter, '|');
  assert.deepEqual(result.rows, [
    ['Customer name', 'Address', 'City'],
    ['Acme', '1, rue X; bât. B', 'Paris'],
  ]);
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
  assert.deepEqual(result.rows.slice(1), [
    ['x;y', 'line 1\nline 2'],
    ['say "hi"', 'z'],
  ]);
});

test('CRLF and CR line ends', () => {
  assert.deepEqual(parseCsv('a;b\r\n1;2\r\n3;4\r\n').rows, [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
  ]);
  assert.deepEqual(parseCsv('a;b\r1;2\r3;4').rows, [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
  ]);
});

test('blank lines and lines of bare separators are skipped', () => {
  assert.deepEqual(parseCsv('a;b\n\n1;2\n   \n;;\n3;4\n\n').rows, [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
  ]);
});

test('ragged rows are padded to the header width and reported with their line: short ones as warnings, longer ones as errors', () => {
  const result = parseCsv('a;b;c\n1\n1;2;3;\n1;2;3;4\n');
  assert.deepEqual(result.rows, [
    ['a', 'b', 'c'],
    ['1', '', ''],
    ['1', '2', '3'],
    ['1', '2', '3', '4'],
  ]);
  assert.deepEqual(
    result.problems.map((p) => [p.code, p.line, p.severity]),
    [
      ['CSV_MISSING_VALUES', 2, 'warning'],
      ['CSV_EXTRA_VALUES', 4, 'error'],
    ],
  );
  assert.match(result.problems[1]!.message, /^Line 4 of the file: 4 values for 3 columns/);
});

test('an unclosed quote is reported and does not hide the delimiter', () => {
  const result = parseCsv('a;b\n"unclosed;2\n3;4\n');
  assert.equal(result.delimiter, ';');
  assert.deepEqual(
    result.problems.map((p) => [p.code, p.line, p.severity]),
    [['CSV_UNCLOSED_QUOTE', 2, 'error']],
  );
  assert.match(result.problems[0]!.message, /^Line 2 of the file: a quoted value is never closed/);
});

test('a one-column file is not split at commas in its values; an empty file gives no rows', () => {
  const single = parseCsv('External ID\nC-1\nC-2, old');
  assert.deepEqual(single.rows, [['External ID'], ['C-1'], ['C-2, old']]);
  assert.deepEqual(single.problems, []);
  assert.deepEqual(parseCsv('').rows, []);
});

test('quoted values keep their separator, doubled quotes and line breaks, whatever the separator', () => {
  // Line breaks inside values come back as \n, the way Sheets stores them in a cell.
  const rows = [
    ['Nom', 'Adresse', 'Note'],
    ['Dupont; Fils', '1, rue "X"', 'l1\nl2'],
    ['A', 'B', 'C'],
  ];
  const files = {
    ';': 'Nom;Adresse;Note\r\n"Dupont; Fils";"1, rue ""X""";"l1\nl2"\r\nA;B;C',
    ',': 'Nom,Adresse,Note\r\nDupont; Fils,"1, rue ""X""","l1\nl2"\r\nA,B,C',
    '|': 'Nom|Adresse|Note\r\nDupont; Fils|"1, rue ""X"""|"l1\nl2"\r\nA|B|C',
  };
  for (const [delimiter, text] of Object.entries(files)) {
    const parsed = parseCsv(text);
    assert.equal(parsed.delimiter, delimiter);
    assert.deepEqual(parsed.rows, rows);
  }
});

test('tab-separated files, sep= first lines and title lines above the header', () => {
  const tabs = parseCsv('Customer name\tCity\tCountry\nAcme\tParis\tFR\n');
  assert.equal(tabs.delimiter, '\t');
  assert.deepEqual(tabs.rows, [
    ['Customer name', 'City', 'Country'],
    ['Acme', 'Paris', 'FR'],
  ]);
  const sep = parseCsv('sep=,\r\nName;Note,City\r\nAcme;x,Paris\r\n');
  assert.equal(sep.delimiter, ',');
  assert.deepEqual(sep.rows, [
    ['Name;Note', 'City'],
    ['Acme;x', 'Paris'],
  ]);
  assert.deepEqual(sep.lines, [2, 3], 'lines count the sep= line');
  const titled = parseCsv('Export clients du 01/12/2026\n\nNom;Ville;Pays\nAcme;Paris;FR\nBeta;Lyon;FR\n');
  assert.equal(titled.delimiter, ';');
  assert.deepEqual(titled.rows, [
    ['Export clients du 01/12/2026', '', ''],
    ['Nom', 'Ville', 'Pays'],
    ['Acme', 'Paris', 'FR'],
    ['Beta', 'Lyon', 'FR'],
  ]);
  assert.deepEqual(titled.problems, []);
});

test('mixed line ends read as one line each; blank lines can be kept so row numbers follow the file', () => {
  assert.deepEqual(parseCsv('a;b\r\n1;2\n3;4\r5;6').rows, [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
    ['5', '6'],
  ]);
  const kept = parseCsv('a;b\n\n1;2\n"x\ny";3\n4;5\n', { keepBlankLines: true });
  assert.deepEqual(kept.rows, [
    ['a', 'b'],
    ['', ''],
    ['1', '2'],
    ['x\ny', '3'],
    ['4', '5'],
  ]);
  assert.deepEqual(kept.lines, [1, 2, 3, 4, 6]);
});

test('a file of 200,000 lines parses without exhausting the stack', () => {
  const lines = ['Customer name;City;Postal code'];
  for (let i = 0; i < 200_000; i++) lines.push(`Customer ${i};Paris;75008`);
  const result = parseCsv(lines.join('\n'));
  assert.equal(result.rows.length, 200_001);
  assert.equal(result.lines.at(-1), 200_001);
  assert.deepEqual(result.problems, []);
});
