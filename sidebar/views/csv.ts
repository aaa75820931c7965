import type { CsvProblem } from '../../src/engine/csv';
import { MAX_CSV_CHARS, readCsvFile } from '../../src/engine/csv-file';
import { decodeText } from '../../src/engine/decode';
import { h } from '../dom';
import { delimiterName, plural } from '../format';
import { call } from '../rpc';
import { openSheet } from '../sheets';
import { announce } from '../status';
import { dispatch, isBusy, perform } from '../store';
import { areaError, button, loading } from '../ui';

/** Any encoding a spreadsheet saves, read the same way as the command line does (src/engine/decode.ts). */
async function readCsv(file: File): Promise<string> {
  try {
    return decodeText(new Uint8Array(await file.arrayBuffer())).text;
  } catch {
    throw { code: 'READ_FAILED', message: `Could not read ${file.name}. Try saving it again.` };
  }
}

/** Problems of the file itself (broken quotes, ragged lines), with their line numbers, stay on screen until the next message. */
function problemsText(problems: readonly CsvProblem[]): string {
  const shown = problems
    .slice(0, 3)
    .map((p) => p.message)
    .join(' ');
  return problems.length > 3 ? `${shown} …and ${plural(problems.length - 3, 'more line')} like these.` : shown;
}

async function upload(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  // Checked on its size before it is read: the reader's limit in characters, taken in bytes.
  if (file.size > MAX_CSV_CHARS) {
    const error = { code: 'TOO_LARGE', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB. Split it into smaller files.` };
    dispatch({ type: 'callFailed', area: 'csv', failure: { error } });
    announce(error.message, 'error');
    input.value = '';
    return;
  }
  // Read here, in the browser: the parser stays out of the server's bundle, which every Apps Script execution loads.
  const result = await perform('csv', 'csv', async () => {
    const reading = readCsvFile(file.name, await readCsv(file));
    if (!reading.ok) throw reading.error;
    const lines = await call('importCsv', file.name, reading.value.rows);
    return { ...lines, delimiter: reading.value.delimiter, problems: reading.value.problems };
  });
  input.value = '';
  if (!result) return;
  // Nothing reached Upflow yet: the file is only copied into the spreadsheet, to be checked.
  const copied = result.rows
    ? `Copied ${plural(result.rows, 'line')} into the new sheet ‘${result.sheetName}’ (separator ‘${delimiterName(result.delimiter)}’). Nothing is sent to Upflow until you import.`
    : `The new sheet ‘${result.sheetName}’ has the file’s headers but no line below them: add your customers there.`;
  if (result.problems.length) {
    const serious = result.problems.some((p) => p.severity === 'error');
    announce(`${copied} ${serious ? 'Some values may be wrong: ' : ''}${problemsText(result.problems)}`, serious ? 'error' : 'warning');
  } else announce(copied, 'success');
  openSheet(result.sheetName, null, result.rows + 1);
}

export function renderCsv(): HTMLElement[] {
  const busy = isBusy('csv');
  return [
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'csv-title' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'csv-title' }, 'Import a CSV file'),
        button('← Back', () => dispatch({ type: 'viewChosen', view: 'import' }), { kind: 'link', 'data-focus': 'back' }),
      ),
      h(
        'p',
        { class: 'muted small' },
        'Copies the file into a new sheet, where you check it before sending it to Upflow. Comma, semicolon, vertical bar and tab separators, and the file’s encoding, are detected.',
      ),
      h('label', { for: 'csv-input', class: 'file-label' }, 'CSV or text file (up to 10 MB)'),
      h('input', {
        id: 'csv-input',
        type: 'file',
        accept: '.csv,.txt,text/csv,text/plain',
        'data-testid': 'csv-input',
        disabled: busy,
        onchange: (e: Event) => void upload(e.target as HTMLInputElement),
      }),
      busy && loading('Reading the file…'),
      areaError('csv'),
    ),
  ];
}
