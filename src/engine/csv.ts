import Papa from 'papaparse';

export type CsvDelimiter = ';' | ',' | '|';

/** The separators Upflow's importer accepts (seed article). */
const DELIMITERS: CsvDelimiter[] = [';', ',', '|'];

export interface ParsedCsv {
  rows: string[][];
  delimiter: CsvDelimiter;
  problems: string[];
}

/**
 * Reads a CSV file as Upflow's importer accepts it. Every row comes out as wide as the header so
 * the mapping can index columns without checking; rows are as in a sheet (row 1 is the header).
 */
export function parseCsv(text: string): ParsedCsv {
  // Papa.parse drops a leading BOM from string input itself.
  let result = parse(text, undefined);
  // Papaparse gives up guessing on a broken sample (an unclosed quote), where the header line still
  // tells, and on a one-column file, which must then not be split by its default comma.
  if (result.errors.some((e) => e.code === 'UndetectableDelimiter')) result = parse(text, headerDelimiter(text) ?? leastUsedDelimiter(text));

  const delimiter = asDelimiter(result.meta.delimiter);
  const problems = result.errors.map((e) => (e.row === undefined ? e.message : `Row ${e.row + 1} of the file: ${describe(e)}`));

  const [header = [], ...body] = result.data;
  const width = header.length;
  const rows = [header, ...body.map((cells, i) => fitRow(cells, width, i + 2, problems))];
  return { rows: result.data.length ? rows : [], delimiter, problems };
}

function parse(input: string, delimiter: CsvDelimiter | undefined): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(input, {
    delimiter: delimiter ?? '',
    delimitersToGuess: DELIMITERS,
    // 'greedy' also drops lines of bare separators (";;;"), which spreadsheets export for empty rows.
    skipEmptyLines: 'greedy',
    header: false,
    dynamicTyping: false,
  });
}

/** The accepted separator seen most often outside quotes on the first line. */
function headerDelimiter(input: string): CsvDelimiter | undefined {
  const firstLine = (input.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  let best: CsvDelimiter | undefined;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function leastUsedDelimiter(input: string): CsvDelimiter {
  const uses = (d: CsvDelimiter) => input.split(d).length;
  return DELIMITERS.reduce((best, d) => (uses(d) < uses(best) ? d : best));
}

const asDelimiter = (value: string): CsvDelimiter => DELIMITERS.find((d) => d === value) ?? ',';

function describe(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a quoted value is never closed; everything after its opening quote was read as one value.';
  if (error.code === 'InvalidQuotes') return 'a value has a stray quote; put the whole value in quotes and double the quotes inside it.';
  return error.message;
}

/** Short rows are padded; a trailing empty cell (from a trailing separator) is dropped silently. */
function fitRow(cells: string[], width: number, row: number, problems: string[]): string[] {
  if (cells.length < width) return [...cells, ...Array<string>(width - cells.length).fill('')];
  if (cells.length === width) return cells;
  if (cells.slice(width).every((cell) => cell.trim() === '')) return cells.slice(0, width);
  problems.push(`Row ${row}: ${cells.length} values for ${width} columns in the header; the values past the last header are not read.`);
  return cells;
}

/** RFC 4180: values holding the separator, a quote or a line break are quoted, inner quotes doubled. */
export function toCsv(rows: string[][], delimiter: string = ','): string {
  const needsQuotes = (value: string) => value.includes(delimiter) || /["\r\n]/.test(value);
  const quote = (value: string) => (needsQuotes(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((cells) => cells.map(quote).join(delimiter)).join('\r\n');
}
