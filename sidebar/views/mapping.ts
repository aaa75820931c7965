import type { ColumnView, MappingView } from '../../src/shared/api';
import type { FieldId } from '../../src/engine/fields';
import type { TemplateId } from '../../src/engine/templates';
import { fieldLabel, fieldView, isRequired, templateLabel, templateView } from '../catalog';
import { h, srOnly, type Child } from '../dom';
import { list, plural } from '../format';
import { call } from '../rpc';
import { dispatch, isBusy, perform, state } from '../store';
import { areaError, button, chip, loading, notice } from '../ui';

const SECTION_TITLES: Record<string, string> = { customer: 'Customer', group: 'Group', assignment: 'Account manager and workflow', contact: 'Contact' };

/** Nothing to decide: every column with a header has a sure field and every required one is there. */
const complete = (m: MappingView): boolean =>
  m.columns.length > 0 && m.missingRequired.length === 0 && m.conflicts.length === 0 && m.columns.every((c) => (c.field !== null || !c.header) && c.how !== 'fuzzy');

export async function loadMapping(template: TemplateId | null): Promise<void> {
  const sheetName = state.sheetName;
  const mapping = await perform(
    'mapping',
    'mapping',
    () => call('getMapping', sheetName, template),
    () => void loadMapping(template),
  );
  // The user may have picked another sheet while this one was loading.
  if (mapping && state.sheetName === sheetName) dispatch({ type: 'mappingLoaded', mapping });
}

async function saveColumn(column: string, field: FieldId | null): Promise<void> {
  const before = state.mapping;
  if (!before) return;
  const columns = before.columns.map((c) => ({ column: c.column, field: c.column === column ? field : c.field }));
  dispatch({ type: 'columnChosen', column, field });
  const input = { sheetName: before.sheetName, template: before.template, columns };
  const saved = await perform('mapping', 'mapping', () => call('saveMapping', input));
  if (state.sheetName !== before.sheetName) return;
  dispatch({ type: 'mappingLoaded', mapping: saved ?? before });
}

function fieldSelect(m: MappingView, c: ColumnView): HTMLSelectElement {
  const template = templateView(m.template);
  const offered = template?.fields ?? [];
  const ids = c.field && !offered.includes(c.field) ? [...offered, c.field] : offered;
  const sections = [...new Set(ids.map((id) => fieldView(id)?.section ?? 'customer'))];
  const option = (id: FieldId) => h('option', { value: id, selected: c.field === id, title: fieldView(id)?.help }, `${fieldLabel(id)}${isRequired(template, id) ? ' *' : ''}`);
  const select = h(
    'select',
    {
      class: 'field-select',
      'data-focus': `field-${c.column}`,
      'aria-label': `Field for column ${c.column}${c.header ? ` (${c.header})` : ''}`,
      title: c.field ? fieldView(c.field)?.help : 'This column is not imported.',
      onchange: (e: Event) => void saveColumn(c.column, ((e.target as HTMLSelectElement).value || null) as FieldId | null),
    },
    h('option', { value: '', selected: c.field === null }, '— Don’t import —'),
    sections.map((s) => h('optgroup', { label: SECTION_TITLES[s] ?? s }, ids.filter((id) => (fieldView(id)?.section ?? 'customer') === s).map(option))),
  );
  return select;
}

function flags(m: MappingView, c: ColumnView): HTMLElement | null {
  const items: HTMLElement[] = [];
  if (c.field && c.how === 'fuzzy') items.push(chip(`guessed, ${Math.round(c.confidence * 100)}%`, 'warning'));
  if (!c.field && c.suggestion) {
    const offered = templateView(m.template)?.fields.includes(c.suggestion);
    const suggestion = c.suggestion;
    items.push(
      offered
        ? button(`Did you mean ${fieldLabel(suggestion)}?`, () => void saveColumn(c.column, suggestion), { kind: 'link', 'data-focus': `suggest-${c.column}` })
        : h('span', { class: 'muted' }, `Looks like ${fieldLabel(suggestion)}, which “${templateLabel(m.template)}” does not import.`),
    );
  }
  return items.length ? h('div', { class: 'flags' }, items) : null;
}

function row(m: MappingView, c: ColumnView): HTMLElement[] {
  const template = templateView(m.template);
  const help = c.field ? fieldView(c.field)?.help : undefined;
  const open = state.helpOpen.has(c.column) && !!help;
  const toggle = () => dispatch({ type: 'fieldHelpToggled', column: c.column });
  const main = h(
    'tr',
    { 'data-testid': `mapping-row-${c.column}`, class: c.field ? 'mapped' : 'unmapped' },
    h('th', { scope: 'row', class: 'col-letter' }, c.column),
    h('td', { class: 'col-header' }, c.header ? h('span', { class: 'header-text', title: c.header }, c.header) : h('span', { class: 'muted' }, '(no header)'), flags(m, c)),
    h(
      'td',
      { class: 'col-field' },
      h(
        'div',
        { class: 'field-cell' },
        fieldSelect(m, c),
        c.field && isRequired(template, c.field) ? h('span', { class: 'req', title: 'Required' }, '*', srOnly('required')) : h('span', { class: 'req' }),
        help
          ? button('i', toggle, {
              kind: 'link',
              class: 'info',
              'aria-expanded': open ? 'true' : 'false',
              'aria-label': `About ${fieldLabel(c.field!)}`,
              title: help,
              'data-focus': `help-${c.column}`,
            })
          : h('span', { class: 'info-space' }),
      ),
    ),
  );
  return open ? [main, h('tr', { class: 'help-row' }, h('td', { colspan: 3 }, help))] : [main];
}

function table(m: MappingView): Child {
  if (m.columns.length === 0) return notice('info', h('p', {}, 'This sheet is empty. Insert a template or import a CSV file to get started.'));
  const mapped = m.columns.filter((c) => c.field).length;
  return [
    h('p', { class: 'muted small' }, `Headers on row ${m.headerRow}, ${plural(m.dataRows, 'line')} below. `, h('span', { class: 'req' }, '*'), ' required'),
    m.missingRequired.length > 0 &&
      h(
        'div',
        { 'data-testid': 'missing-required' },
        notice(
          'error',
          h(
            'p',
            {},
            h('strong', {}, `Missing required ${m.missingRequired.length === 1 ? 'column' : 'columns'}: `),
            `${list(m.missingRequired.map(fieldLabel))}. `,
            'Choose it for one of the columns below, or add the column to the sheet.',
          ),
        ),
      ),
    m.conflicts.map((conflict) =>
      notice(
        'warning',
        h(
          'p',
          {},
          `${fieldLabel(conflict.field)} is chosen for columns ${list(conflict.columns)}: only column ${conflict.columns[0] ?? ''} is imported. Set the others to “Don’t import”.`,
        ),
      ),
    ),
    h(
      'table',
      { class: 'mapping-table', 'data-testid': 'mapping-table', 'aria-busy': isBusy('mapping') ? 'true' : 'false' },
      h('caption', { class: 'sr-only' }, `${mapped} of ${m.columns.length} columns imported`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, srOnly('Column')), h('th', { scope: 'col' }, 'Header'), h('th', { scope: 'col' }, 'Imported as'))),
      h(
        'tbody',
        {},
        m.columns.flatMap((c) => row(m, c)),
      ),
    ),
  ];
}

function summaryLine(m: MappingView, open: boolean): HTMLElement {
  const mapped = m.columns.filter((c) => c.field).length;
  const toggle = () => dispatch({ type: 'columnsToggled', sheetName: open ? null : m.sheetName });
  return h(
    'div',
    { class: 'mapping-summary', 'data-testid': 'mapping-summary' },
    h('span', { class: 'icon icon-success', 'aria-hidden': 'true' }),
    h('p', {}, `All ${plural(mapped, 'column')} matched to Upflow fields, ${plural(m.dataRows, 'line')} below row ${m.headerRow}.`),
    button(open ? 'Hide' : 'Show', toggle, {
      kind: 'link',
      'data-testid': 'show-columns',
      'aria-expanded': open ? 'true' : 'false',
      'aria-label': open ? 'Hide the columns' : 'Show the columns',
    }),
  );
}

export function renderMapping(): HTMLElement {
  const m = state.mapping;
  const collapsible = !!m && complete(m);
  const open = !collapsible || state.columnsShownFor === m?.sheetName;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'mapping-title' },
    h('h2', { id: 'mapping-title' }, '1. Columns'),
    areaError('mapping'),
    m ? [collapsible && summaryLine(m, open), open && table(m)] : isBusy('mapping') && loading('Reading the column headers…'),
  );
}
