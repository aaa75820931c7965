import type { TemplateId } from '../../src/engine/templates';
import { templateView } from '../catalog';
import { h } from '../dom';
import { call } from '../rpc';
import { openSheet, pickSheet } from '../sheets';
import { dispatch, isBusy, perform, state } from '../store';
import { areaError, button } from '../ui';
import { loadMapping, renderMapping } from './mapping';
import { renderImportStep } from './preview';
import { renderProblems } from './problems';
import { renderActionBar } from './action-bar';
import { renderJob } from './progress';

/** Sheets added or renamed in the spreadsheet since the sidebar opened. */
async function refreshSheets(): Promise<void> {
  const fresh = await perform('sheets', 'sheet', () => call('getSidebarState'));
  if (!fresh || !state.app) return;
  dispatch({ type: 'sheetsListed', sheets: fresh.sheets });
  if (!fresh.sheets.some((s) => s.name === state.sheetName)) openSheet(fresh.activeSheet);
}

function pickers(): HTMLElement {
  const app = state.app!;
  const m = state.mapping;
  const template = m ? templateView(m.template) : undefined;
  return h(
    'section',
    { class: 'card pickers', 'aria-label': 'Sheet and content' },
    h('label', { for: 'sheet-select' }, 'Sheet to import'),
    h('p', { id: 'sheet-hint', class: 'muted small' }, 'The sheet on screen: change tab in the spreadsheet, or pick one here.'),
    h(
      'div',
      { class: 'inline' },
      h(
        'select',
        { id: 'sheet-select', 'data-testid': 'sheet-select', 'aria-describedby': 'sheet-hint', onchange: (e: Event) => pickSheet((e.target as HTMLSelectElement).value) },
        app.sheets.map((s) => h('option', { value: s.name, selected: s.name === state.sheetName }, s.name)),
      ),
      button('↻', () => void refreshSheets(), {
        class: 'icon-btn',
        'aria-label': 'Refresh the list of sheets',
        title: 'Refresh the list of sheets',
        'data-focus': 'refresh-sheets',
        disabled: isBusy('sheets'),
      }),
    ),
    areaError('sheet'),
    h('label', { for: 'template-select' }, 'It contains'),
    h(
      'select',
      {
        id: 'template-select',
        'data-testid': 'template-select',
        disabled: !m,
        'aria-describedby': 'template-hint',
        onchange: (e: Event) => void loadMapping((e.target as HTMLSelectElement).value as TemplateId),
      },
      app.templates.map((t) => h('option', { value: t.id, selected: t.id === m?.template }, t.label)),
    ),
    h(
      'p',
      { id: 'template-hint', class: 'muted small' },
      m?.templateInferred && h('span', { class: 'detected' }, `Detected: ${template?.label ?? m.template}. `),
      template?.description,
    ),
    h(
      'p',
      { class: 'small links' },
      button('Start from a template', () => dispatch({ type: 'viewChosen', view: 'templates' }), { kind: 'link', 'data-focus': 'go-templates' }),
      ' · ',
      button('Import a CSV file', () => dispatch({ type: 'viewChosen', view: 'csv' }), { kind: 'link', 'data-focus': 'go-csv' }),
    ),
  );
}

/** A job goes first: it may concern another sheet, and on load it may be waiting to be resumed. */
export function renderImport(): HTMLElement[] {
  return [state.job ? renderJob(state.job) : null, pickers(), renderMapping(), renderProblems(), renderImportStep(), renderActionBar()].filter((x): x is HTMLElement => x !== null);
}
