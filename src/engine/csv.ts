import Papa from 'papaparse';

export type CsvDelimiter = ';' | ',' | '|' | '\t';

/** The separators Upflow's importer accepts (seed article), and tab, which "Text (tab delimited)" exports use. */
const DELIMITERS: CsvDelimiter[] = [';', ',', '|', '\t'];

export type CsvProblemCode = 'CSV_UNCLOSED_QUOTE' | 'CSV_STRAY_QUOTE' | 'CSV_EXTRA_VALUES' | 'CSV_MISSING_VALUES';

export interface CsvProblem {
  code: CsvProblemCode;
  /** Line of the file (1 = first line), as a text editor numbers it. */
  line: number;
  /** Data may be wrong (values merged or cut): an error; a short line padded with blanks: a warning. */
  severity: 'error' | 'warning';
  message: string;
}

export interface ParsedCsv {
  rows: string[][];
  /** Line of the file where each row starts (rows with line breaks inside quotes span several). */
  lines: number[];
  delimiter: CsvDelimiter;
  problems: CsvProblem[];
}

export interface ParseCsvOptions {
  /** Keep blank lines as empty rows, so row numbers follow the file (the CLI's cell references do). */
  keepBlankLines?: boolean;
}

/** How many first lines decide the separator and the header. */
const SAMPLE_LINES = 30;

/**
 * Reads a CSV file as Upflow's importer accepts it, and more: a `sep=;` first line (Excel's),
 * title lines above the header, mixed line ends. Every row after the header comes out as wide as
 * the header so the mapping can index columns without checking; title lines above it are padded
 * too and left for the header search (src/engine/mapping.ts) to skip.
 */
export function parseCsv(input: string, options: ParseCsvOptions = {}): ParsedCsv {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let firstLine = 1;
  let declared: CsvDelimiter | undefined;
  const sep = /^sep=(.)[ \t]*(\r\n|\r|\n|$)/i.exec(text);
  if (sep) {
    declared = DELIMITERS.find((d) => d === sep[1]);
    text = text.slice(sep[0].length);
    firstLine = 2;
  }
  // One line end everywhere: files edited on several systems mix them, and the parser takes the first it sees.
  text = text.replace(/\r\n?/g, '\n');
  const sample = sampleLines(text);
  const delimiter = declared ?? guessDelimiter(sample);

  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: CsvProblem[] = [];
  let line = firstLine;
  let position = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
    step: (result) => {
      const blank = result.data.every((cell) => cell.trim() === '');
      for (const error of result.errors) {
        // The parser may report one broken quote once per value it swallowed: the user needs it once.
        const problem = quoteProblem(error, line);
        if (!problems.some((p) => p.line === problem.line && p.code === problem.code)) problems.push(problem);
      }
      if (!blank || options.keepBlankLines) {
        rows.push(result.data);
        lines.push(line);
      }
      const end = result.meta.cursor;
      for (let i = text.indexOf('\n', position); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
      position = end;
    },
  });
  while (rows.length && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) {
    rows.pop();
    lines.pop();
  }
  if (!rows.length) return { rows: [], lines: [], delimiter, problems };

  const header = headerIndex(rows);
  const width = rows[header]!.length;
  // A line whose quotes are broken is already reported; its width says nothing more.
  const broken = new Set(problems.map((p) => p.line));
  const fitted = rows.map((cells, i) => (i <= header || broken.has(lines[i]!) ? pad(cells, width) : fitRow(cells, width, lines[i]!, problems)));
  return { rows: fitted, lines, delimiter, problems };
}

function sampleLines(text: string): string[] {
  const sample: string[] = [];
  for (let start = 0; start < text.length && sample.length < SAMPLE_LINES;) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end === -1 ? text.length : end);
    if (lineText.trim() !== '') sample.push(lineText.replace(/"[^"]*"/g, '""'));
    start = end === -1 ? text.length : end + 1;
  }
  return sample;
}

/** The most frequent value and how many times it occurs. */
function mode(values: readonly number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  let best = { value: 0, count: 0 };
  for (const v of values) {
    const count = (counts.get(v) ?? 0) + 1;
    counts.set(v, count);
    if (count > best.count || (count === best.count && v > best.value)) best = { value: v, count };
  }
  return best;
}

/**
 * The separator that splits the most sample lines into the same number of values (more than
 * one). A title line or a broken quote then can't mislead it; a one-column file gets the
 * separator its values use least, so they are not split.
 */
function guessDelimiter(sample: readonly string[]): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; count: number; width: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const widths = sample.map((l) => l.split(delimiter).length);
    const { value, count } = mode(widths);
    if (value < 2) continue;
    if (!best || count > best.count || (count === best.count && value > best.width)) best = { delimiter, count, width: value };
  }
  if (best) return best.delimiter;
  const uses = (d: CsvDelimiter) => sample.reduce((n, l) => n + l.split(d).length - 1, 0);
  return DELIMITERS.reduce((least, d) => (uses(d) < uses(least) ? d : least));
}

/** The first row as wide as most of the first rows: lines above it are titles. */
function headerIndex(rows: readonly string[][]): number {
  const widths: number[] = [];
  for (const cells of rows.slice(0, SAMPLE_LINES)) if (cells.some((c) => c.trim() !== '')) widths.push(trimmedWidth(cells));
  const usual = mode(widths).value;
  if (usual < 2) return 0;
  const index = rows.findIndex((cells) => trimmedWidth(cells) >= usual);
  return index === -1 ? 0 : index;
}

/** Width without the empty cells a trailing separator leaves. */
function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 1 && cells[width - 1]!.trim() === '') width--;
  return width;
}

function quoteProblem(error: Papa.ParseError, line: number): CsvProblem {
  if (error.code === 'MissingQuotes') {
    return {
      code: 'CSV_UNCLOSED_QUOTE',
      line,
      severity: 'error',
      message: `Line ${line} of the file: a quoted value is never closed, so everything after its opening quote was read as one value.`,
    };
  }
  return {
    code: 'CSV_STRAY_QUOTE',
    line,
    severity: 'error',
    message: `Line ${line} of the file: a value has a stray quote; put the whole value in quotes and double the quotes inside it.`,
  };
}

const pad = (cells: string[], width: number): string[] => (cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')]);

/** Short rows are padded (and reported); a trailing empty cell (from a trailing separator) is dropped silently. */
function fitRow(cells: string[], width: number, line: number, problems: CsvProblem[]): string[] {
  if (cells.length === width) return cells;
  const filled = trimmedWidth(cells);
  if (cells.length < width) {
    if (filled > 1 || cells[0]!.trim() !== '') {
      problems.push({
        code: 'CSV_MISSING_VALUES',
        line,
        severity: 'warning',
        message: `Line ${line} of the file: ${filled} values for ${width} columns in the header; the last columns were left empty. Check that no value is missing in the middle of the line.`,
      });
    }
    return pad(cells, width);
  }
  if (filled <= width) return cells.slice(0, width);
  problems.push({
    code: 'CSV_EXTRA_VALUES',
    line,
    severity: 'error',
    message: `Line ${line} of the file: ${filled} values for ${width} columns in the header; the values past the last header are not read. A separator inside a value that isn't in quotes often causes this.`,
  });
  return cells;
}
