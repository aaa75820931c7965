/**
 * The walk-through of issue 12's closing note: a user in the playground, in Chromium, through the
 * demo sheet, a messy CRM export loaded as CSV, Upflow down, and a 30,000-line import with the
 * sidebar closed mid-import and opened again. Writes what the sidebar shows at each step (texts,
 * counts, timings) to test-output/walkthrough.md, with screenshots test-output/walkthrough-*.png.
 *
 *   node build.mjs && node --import tsx scripts/walkthrough.ts [--lines 30000] [--max-minutes 120] [--name walkthrough]
 *
 * Not part of `npm test`: the big import runs under Upflow's 600 requests a minute and takes a
 * good half hour. The sandbox keeps that limit; nothing here speeds it up.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { generateSheet } from '../bench/generate';
import type { EmulatorJson } from '@upflow-sheets/apps-script-emulator';
import { CHROMIUM_PATH, launchChromium } from '../test/browser/chromium';
import { startPlaygroundThread } from '@upflow-sheets/playground/thread';

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const RESULT_HEADER = 'Upflow import result';
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const BIG_LINES = Number(arg('--lines') ?? 30_000);
/** Names its report and screenshots: test-output/<name>.md and <name>-*.png. */
const NAME = arg('--name') ?? 'walkthrough';
/** Where the walk stops waiting for the big import: it then writes how far it got and the pace. */
const MAX_IMPORT_MINUTES = Number(arg('--max-minutes') ?? 120);
/** Run in the sidebar: whether leaving it now would ask first (resume-import.test.ts does the same). */
const LEAVE_ASKED = `(() => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
})()`;
/** How long the sidebar stays closed mid-import: long enough to see that nothing moves meanwhile. */
const CLOSED_MS = 60_000;

const report: string[] = [];
const say = (line = '') => {
  report.push(line);
  console.log(line);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
/** Sidebar texts on one line each, quoted as the user reads them. */
const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' · ');

/** A French CRM export as it comes: BOM, semicolons, CRLF, French headers, phones written five ways. */
function messyExport(): Buffer {
  const header = [
    'Raison sociale',
    'Code client',
    'N° TVA intracommunautaire',
    'Adresse',
    'Code postal',
    'Ville',
    'Pays',
    'Responsable du compte',
    'Relance',
    'E-mail',
    'Prénom',
    'Nom',
    'Téléphone',
    'Fonction',
    'Contact principal',
  ];
  const rows = [
    [
      'Boulangerie Petit',
      'CRM-001',
      'FR40303265045',
      '4 rue des Lilas',
      '75011',
      'Paris',
      'France',
      'camille.dubois@example.com',
      'Standard',
      'compta@boulangerie-petit.fr',
      'Julie',
      'Petit',
      '01 43 55 12 12',
      'Comptable',
      'oui',
    ],
    [
      'Boulangerie Petit',
      'CRM-001',
      'FR40303265045',
      '4 rue des Lilas',
      '75011',
      'Paris',
      'France',
      'camille.dubois@example.com',
      'Standard',
      'achats@boulangerie-petit.fr',
      'Marc',
      'Petit',
      '+33 (0)6 12 34 56 78',
      'Acheteur',
      'non',
    ],
    [
      '"Dupont & Fils; SARL"',
      'CRM-002',
      '',
      '18, avenue Foch',
      '1000',
      'Bourg-en-Bresse',
      'FRANCE',
      'lea.lefevre@example.com',
      'Grands comptes',
      ' Factures@Dupont-Fils.FR ',
      'Henri',
      'Dupont',
      '0033 4 74 22 31 15',
      'Gérant',
      'oui',
    ],
    [
      'Café de la Gare',
      'CRM-003',
      'n/a',
      '1 place de la Gare',
      '69007',
      'Lyon',
      'france',
      'camille.dubois@example.com',
      'standard ',
      'cafe.gare@orange.fr',
      'Ali',
      'Benali',
      '04.78.42.10.10',
      '',
      'oui',
    ],
    [
      'Hôtel des Alpes',
      'CRM-004',
      'FR83404833049',
      '22 quai Napoléon',
      '74000',
      'Annecy',
      'France',
      'lea.lefevre@example.com',
      'Grands comptes',
      'direction@hotel-alpes.fr',
      'Sophie',
      'Martin',
      '450451212',
      'Direction',
      'oui',
    ],
    [
      'Garage du Centre',
      'CRM-005',
      '',
      '3 rue Nationale',
      '59000',
      'Lille',
      'France',
      'marc.rousseau@example.com',
      'Standard',
      'garage.centre.fr',
      'Bruno',
      'Leroy',
      '03 20 55 12 34',
      'Gérant',
      'oui',
    ],
    [
      'Studio Lumière',
      'CRM-006',
      '',
      '40 rue de Bretagne',
      '75003',
      'Paris',
      'France',
      'emily.carter@example.com',
      'Standard',
      'hello@studio-lumiere.fr',
      'Linh',
      'Nguyen',
      '+33 1 44 54 20 20',
      'Commercial',
      'oui',
    ],
    [
      'British Tea Company',
      'CRM-007',
      'GB980780684',
      '12 Baker Street',
      'NW1 6XE',
      'London',
      'Royaume-Uni',
      'john.smith@example.com',
      'Key accounts',
      'ap@britishtea.co.uk',
      'Oliver',
      'Hughes',
      '+44 20 7946 0000',
      'Payer',
      'oui',
    ],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    [
      'Librairie du Port',
      'CRM-008',
      '',
      '9 quai de la Fosse',
      '44000',
      'Nantes',
      'France',
      'emily.carter@example.com',
      'Standard',
      'librairie.port@orange.fr',
      'Marie',
      'Lambert',
      '02-40-48-12-34',
      'Comptable',
      'oui',
    ],
  ];
  const cell = (v: string) => (/[;"\r\n]/.test(v) && !v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

function bigExport(lines: number): Buffer {
  // About 2% of lines carry a mistake users make (bench/generate.ts): they get "Not imported" and why.
  const { headers, rows } = generateSheet(lines, { errorRate: 0.02, seed: 7 });
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([headers, ...rows].map((r) => r.map(cell).join(',')).join('\n'), 'utf8');
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error('Chromium is not installed: apt-get install -y chromium');
  mkdirSync(OUTPUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'upflow-walkthrough-'));
  const logs: string[] = [];
  const playground = await startPlaygroundThread({ port: 0, sandboxPort: 0, dataDir }, (line) => logs.push(line));
  const browser = await launchChromium();
  const began = Date.now();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 860 } });
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(playground.url);
    const sidebar = page.frameLocator('[data-testid="sidebar-frame"]');
    const w = new Walk(page, sidebar, playground.sandboxPage);

    say('# Walk-through: what the user sees');
    say();
    say(
      `Run ${new Date().toISOString()} on this machine (${cpus().length} cores, shared), Chromium headless at 1440×860, the sidebar 300 px wide; sandbox at Upflow's published limit (600 requests a minute, 10 in flight).`,
    );
    await demoSheet(w);
    await messyCsv(w);
    await upflowDown(w);
    await bigImport(w, dataDir);
    say();
    say(`Whole walk: ${minutes(Date.now() - began)}. Dialogs or page errors: ${problems.length ? problems.join('; ') : 'none'}.`);
  } finally {
    writeFileSync(join(OUTPUT, `${NAME}.md`), `${report.join('\n')}\n`);
    await browser.close().catch(() => undefined);
    await playground.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.exitCode) console.error(logs.join('\n'));
  }
}

class Walk {
  private shots = 0;
  constructor(
    readonly page: Page,
    readonly sidebar: FrameLocator,
    readonly sandboxPage: string,
  ) {}

  text = async (testid: string): Promise<string> => quote(await this.sidebar.getByTestId(testid).innerText());
  has = async (testid: string): Promise<boolean> => (await this.sidebar.getByTestId(testid).count()) > 0;
  async shot(name: string): Promise<void> {
    this.shots += 1;
    const file = `${NAME}-${String(this.shots).padStart(2, '0')}-${name}.png`;
    await this.page.screenshot({ path: join(OUTPUT, file) });
    say(`  - screenshot: \`test-output/${file}\``);
  }
  /** Clicks a sidebar button and waits for what it brings; returns how long the user waited. */
  async press(testid: string, until: string, timeout = 120_000): Promise<number> {
    const start = Date.now();
    await this.sidebar.getByTestId(testid).click();
    await this.sidebar.getByTestId(until).first().waitFor({ timeout });
    return Date.now() - start;
  }
  async onSheet(name: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (
      (await this.sidebar
        .getByTestId('sheet-select')
        .inputValue()
        .catch(() => '')) !== name
    ) {
      if (Date.now() > deadline) throw new Error(`the sidebar never worked on ${name}`);
      await this.page.waitForTimeout(200);
    }
    await this.sidebar.getByTestId('mapping-summary').or(this.sidebar.getByTestId('mapping-table')).first().waitFor();
  }
  async faults(faults: Record<string, number>): Promise<void> {
    const response = await fetch(`${this.sandboxPage}_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (!response.ok) throw new Error(`the sandbox refused the faults (HTTP ${response.status})`);
  }
  async requests(): Promise<number> {
    const stats = (await (await fetch(`${this.sandboxPage}_admin/stats`)).json()) as { requests: number };
    return stats.requests;
  }
  async uploadCsv(name: string, buffer: Buffer): Promise<number> {
    await this.sidebar.getByRole('button', { name: 'Import a CSV file' }).click();
    const start = Date.now();
    await this.sidebar.getByTestId('csv-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await this.onSheet(name.replace(/\.csv$/, ''));
    return Date.now() - start;
  }
}

async function demoSheet(w: Walk): Promise<void> {
  say();
  say('## 1. The demo sheet');
  await w.sidebar.getByTestId('mapping-summary').waitFor();
  say(`- Opened: mapping "${await w.text('mapping-summary')}"; action bar: "${await w.text('action-context')}".`);
  await w.shot('demo-opened');
  const checked = await w.press('check-button', 'check-summary');
  say(`- **Check** (${seconds(checked)}): "${await w.text('check-summary')}"`);
  say(`  - status line: "${await w.text('status')}"; action bar: "${await w.text('action-context')}".`);
  await w.shot('demo-check');
  const previewed = await w.press('preview-button', 'preview');
  say(`- **Preview** (${seconds(previewed)}): counts "${await w.text('preview-counts')}"; button "${await w.text('import-button')}".`);
  await w.shot('demo-preview');
  const imported = await w.press('import-button', 'import-result', 300_000);
  say(`- **Import** (${seconds(imported)} from the click to the end card): "${await w.text('import-result')}"`);
  await w.page.getByTestId('toast').waitFor();
  say(`  - toast in the sheet: "${quote(await w.page.getByTestId('toast').innerText())}".`);
  await w.shot('demo-imported');
}

async function messyCsv(w: Walk): Promise<void> {
  say();
  say('## 2. A messy CRM export loaded as CSV (BOM, semicolons, CRLF, French headers, mixed phone formats)');
  const loaded = await w.uploadCsv('export-crm.csv', messyExport());
  say(`- Loaded in ${seconds(loaded)}: status "${await w.text('status')}".`);
  const summary = (await w.has('mapping-summary')) ? await w.text('mapping-summary') : 'columns listed one by one';
  say(`- Mapping: "${summary}"; action bar: "${await w.text('action-context')}".`);
  if (await w.has('show-columns')) await w.sidebar.getByTestId('show-columns').click();
  const rows = await w.sidebar.locator('[data-testid^="mapping-row-"]').all();
  const mapped: string[] = [];
  for (const row of rows) {
    const header = quote(await row.locator('th, td').first().innerText());
    const select = row.locator('select');
    const value = await select.inputValue();
    const field = value ? quote(await select.locator(`option[value="${value}"]`).innerText()) : '';
    mapped.push(`${header} → ${field || '(not imported)'}`);
  }
  say(`  - columns: ${mapped.join('; ')}.`);
  await w.shot('crm-mapping');
  const checked = await w.press('check-button', 'check-summary');
  say(`- **Check** (${seconds(checked)}): "${await w.text('check-summary')}"; action bar: "${await w.text('action-context')}".`);
  const listed = await w.sidebar.locator('[data-testid^="problem-"]').filter({ hasNotText: /^$/ }).all();
  for (const p of listed.slice(0, 12)) {
    const id = (await p.getAttribute('data-testid')) ?? '';
    if (/^problem-[A-Z]+\d+$/.test(id)) say(`  - ${quote(await p.innerText())}`);
  }
  await w.shot('crm-check');
  if (await w.has('fix-all')) {
    await w.sidebar.getByTestId('fix-all').click();
    await w.sidebar.getByTestId('fix-review').waitFor();
    say(`- **Review safe fixes**: "${await w.text('fix-review')}"`);
    await w.sidebar.getByTestId('apply-fixes').click();
    await w.sidebar.getByTestId('undo-notice').waitFor();
    say(`  - applied: "${await w.text('undo-notice')}"`);
    await w.press('check-button', 'check-summary');
    say(`  - checked again: "${await w.text('check-summary')}".`);
  }
  if (await w.has('preview-button')) {
    const previewed = await w.press('preview-button', 'preview');
    say(`- **Preview** (${seconds(previewed)}): "${await w.text('preview')}"; action bar: "${await w.text('action-context')}".`);
    await w.shot('crm-preview');
  }
}

async function upflowDown(w: Walk): Promise<void> {
  say();
  say('## 3. Upflow down (the sandbox answers 500/503 to every request)');
  if (!(await w.has('import-button'))) {
    say('- (no Import button on the CSV sheet: nothing to try)');
    return;
  }
  await w.faults({ errorRate: 1 });
  const start = Date.now();
  await w.sidebar.getByTestId('import-button').click();
  const seen = new Set<string>();
  const error = w.sidebar.getByTestId('action-bar').getByTestId('error-job');
  while (!(await error.count())) {
    const bar = await w.text('action-bar').catch(() => '');
    if (bar && !seen.has(bar)) {
      seen.add(bar);
      say(`- after ${seconds(Date.now() - start)}, the action bar: "${bar}"`);
    }
    if (Date.now() - start > 300_000) throw new Error('no failure shown within 5 minutes');
    await w.page.waitForTimeout(500);
  }
  say(`- after **${seconds(Date.now() - start)}**, above the Import button: "${quote(await error.innerText())}"`);
  await w.shot('upflow-down');
  await w.faults({});
  const retried = await w.press('import-button', 'import-result', 300_000);
  say(`- Upflow back, Import again (${seconds(retried)}): "${await w.text('import-result')}"`);
  await w.shot('crm-imported');
}

/** The data file the playground keeps: every line's result, read as the sheet holds it. */
function resultsOf(dataDir: string, sheetName: string): { lines: number; withResult: number; kinds: Record<string, number> } {
  const saved = JSON.parse(readFileSync(join(dataDir, 'playground.json'), 'utf8')) as { emulator: EmulatorJson };
  const sheet = saved.emulator.spreadsheet.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the data file`);
  const byRow = new Map(sheet.values);
  const header = (byRow.get(0) ?? []).map(String);
  const column = header.indexOf(RESULT_HEADER);
  const kinds: Record<string, number> = {};
  let lines = 0;
  let withResult = 0;
  for (const [row, cells] of sheet.values) {
    if (row === 0 || cells.every((c) => c === '')) continue;
    lines += 1;
    const result = String(cells[column] ?? '');
    if (!result) continue;
    withResult += 1;
    const kind = /^[^:·]+/.exec(result)?.[0]?.trim() ?? result;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { lines, withResult, kinds };
}

async function bigImport(w: Walk, dataDir: string): Promise<void> {
  say();
  say(`## 4. A ${BIG_LINES.toLocaleString('en')}-line import, the sidebar closed mid-import and opened again`);
  const file = bigExport(BIG_LINES);
  const name = `customers-${BIG_LINES}`;
  const loaded = await w.uploadCsv(`${name}.csv`, file);
  say(`- CSV of ${(file.length / 1024 / 1024).toFixed(1)} MB loaded in ${seconds(loaded)}: "${await w.text('status')}"; mapping "${await w.text('mapping-summary')}".`);
  const checked = await w.press('check-button', 'check-summary', 600_000);
  say(`- **Check** (${seconds(checked)}): "${await w.text('check-summary')}"; action bar: "${await w.text('action-context')}".`);
  await w.shot('big-check');
  const previewed = await w.press('preview-button', 'preview', 600_000);
  say(`- **Preview** (${seconds(previewed)}): counts "${await w.text('preview-counts')}"; button "${await w.text('import-button')}".`);
  const start = Date.now();
  await w.sidebar.getByTestId('import-button').click();
  await w.sidebar.getByTestId('progress').waitFor({ timeout: 600_000 });
  say(`- **Import** clicked: the progress bar after ${seconds(Date.now() - start)}.`);
  // A tenth of the way in (or four minutes), the user goes for a coffee and closes the sidebar.
  const progress = w.sidebar.getByTestId('progress');
  const share = async () =>
    Number((await progress.getAttribute('aria-valuenow').catch(() => '0')) ?? 0) / Math.max(1, Number((await progress.getAttribute('aria-valuemax').catch(() => '1')) ?? 1));
  while (Date.now() - start < 4 * 60_000 && !(await w.has('import-result')) && (await share()) < 0.1) await w.page.waitForTimeout(2_000);
  if (await w.has('import-result')) {
    say(`- (the import ended before the sidebar could be closed: "${await w.text('import-result')}")`);
    return;
  }
  say(`- at ${minutes(Date.now() - start)}: "${await w.text('progress').catch(() => '')}" "${quote(await w.sidebar.locator('.job').innerText())}"`);
  await w.shot('big-running');
  const frame = w.page.frame({ url: /\/sidebar\/\d+$/ });
  const leave = frame ? await frame.evaluate(LEAVE_ASKED) : null;
  say(`- Leaving the sidebar now asks first (beforeunload): ${leave ? 'yes' : 'no'}. The user closes it with the panel's ×.`);
  await w.page.getByRole('button', { name: 'Close the sidebar' }).click();
  const closedAt = Date.now();
  // A step in flight when the frame went may still finish: measure once it has.
  await w.page.waitForTimeout(30_000);
  const before = await w.requests();
  await w.page.waitForTimeout(CLOSED_MS - 30_000);
  const after = await w.requests();
  say(
    `- Sidebar closed for ${seconds(Date.now() - closedAt)}: Upflow received ${after - before} requests in its last ${seconds(CLOSED_MS - 30_000)} (the import waits for a sidebar).`,
  );
  await w.page.getByTestId('menu-Extensions').click();
  await w.page.getByTestId('submenu-Upflow import').click();
  const reopened = Date.now();
  await w.page.getByTestId('menu-item-openSidebar').click();
  await w.sidebar.getByTestId('keep-open').waitFor({ timeout: 120_000 });
  say(
    `- Opened again (Extensions > Upflow import > Open): going on by itself after ${seconds(Date.now() - reopened)}, no click; Resume button shown: ${(await w.has('resume-button')) ? 'yes' : 'no'}.`,
  );
  say(`  - "${quote(await w.sidebar.locator('.job').innerText())}"`);
  await w.shot('big-reopened');
  let lastNote = Date.now();
  while (!(await w.has('import-result'))) {
    if (Date.now() - start > MAX_IMPORT_MINUTES * 60_000) {
      say(
        `- **Not finished** after ${minutes(Date.now() - start)} (the walk's limit, --max-minutes ${MAX_IMPORT_MINUTES}): "${quote(
          await w.sidebar
            .locator('.job')
            .innerText()
            .catch(() => ''),
        )}"`,
      );
      await w.shot('big-stopped');
      const partial = resultsOf(dataDir, name);
      say(
        `- Result column so far: ${partial.withResult.toLocaleString('en')} of ${partial.lines.toLocaleString('en')} lines (${Object.entries(partial.kinds)
          .map(([k, n]) => `${k}: ${n.toLocaleString('en')}`)
          .join(', ')}); Upflow received ${(await w.requests()).toLocaleString('en')} requests in the whole walk.`,
      );
      process.exitCode = 2;
      return;
    }
    if (Date.now() - lastNote > 3 * 60_000) {
      lastNote = Date.now();
      say(
        `- at ${minutes(Date.now() - start)}: "${quote(
          await w.sidebar
            .locator('.job')
            .innerText()
            .catch(() => ''),
        )}"`,
      );
    }
    await w.page.waitForTimeout(5_000);
  }
  const took = Date.now() - start;
  say(`- **Finished** ${minutes(took)} after the click on Import (sidebar closed ${seconds(CLOSED_MS)} of it): "${await w.text('import-result')}"`);
  await w.shot('big-finished');
  // The playground writes its data file a moment after the last change.
  await w.page.waitForTimeout(3_000);
  const results = resultsOf(dataDir, name);
  say(
    `- Result column, read from the playground's data file: ${results.withResult.toLocaleString('en')} of ${results.lines.toLocaleString('en')} lines have a result (${Object.entries(
      results.kinds,
    )
      .map(([k, n]) => `${k}: ${n.toLocaleString('en')}`)
      .join(', ')}).`,
  );
  say(`- Upflow received ${(await w.requests()).toLocaleString('en')} requests in the whole walk.`);
}

main().catch((error: unknown) => {
  say();
  say(`**The walk stopped:** ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
