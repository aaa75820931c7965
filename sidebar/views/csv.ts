import { h } from '../dom';
import { delimiterName, plural } from '../format';
import { call } from '../rpc';
import { openSheet } from '../sheets';
import { announce } from '../status';
import { isBusy, perform, state, update } from '../state';
import { areaError, button, loading } from '../ui';

const MAX_BYTES = 10 * 1024 * 1024;

function readAs(file: File, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject({ code: 'READ_FAILED', message: `Could not read ${file.name}. Try saving it again.` });
    reader.readAsText(file, encoding);
  });
}

/** French Excel saves CSV in windows-1252: read as UTF-8 gives U+FFFD for every accent. */
async function readCsv(file: File): Promise<string> {
  const text = await readAs(file, 'utf-8');
  return text.includes('\uFFFD') ? readAs(file, 'windows-1252') : text;
}

async function upload(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  if (file.size > MAX_BYTES) {
    state.errors.csv = { error: { code: 'TOO_LARGE', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB. Split it into smaller files.` } };
    announce(state.errors.csv.error.message, 'error');
    input.value = '';
    update();
    return;
  }
  const result = await perform('csv', 'csv', async () => call('importCsv', file.name, await readCsv(file)));
  input.value = '';
  if (!result) return;
  // Nothing reached Upflow yet: the file is only copied into the spreadsheet, to be checked.
  announce(
    result.rows
      ? `Copied ${plural(result.rows, 'line')} into the new sheet ‘${result.sheetName}’ (separator ‘${delimiterName(result.delimiter)}’). Nothing is sent to Upflow until you import.`
      : `The new sheet ‘${result.sheetName}’ has the file’s headers but no line below them: add your customers there.`,
    'success',
  );
  openSheet(result.sheetName, null, result.rows + 1);
}

export function renderCsv(): HTMLElement[] {
  const busy = isBusy('csv');
  return [
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'csv-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'csv-title' }, 'Import a CSV file'), button('← Back', () => update({ view: 'import' }), { kind: 'link', 'data-focus': 'back' })),
      h('p', { class: 'muted small' }, 'Copies the file into a new sheet, where you check it before sending it to Upflow. Comma, semicolon and tab separators are detected.'),
      h('label', { for: 'csv-input', class: 'file-label' }, 'CSV or text file (up to 10 MB)'),
      h('input', { id: 'csv-input', type: 'file', accept: '.csv,.txt,text/csv,text/plain', 'data-testid': 'csv-input', disabled: busy, onchange: (e: Event) => void upload(e.target as HTMLInputElement) }),
      busy && loading('Reading the file…'),
      areaError('csv'),
    ),
  ];
}
