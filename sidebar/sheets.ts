import type { TemplateId } from '../src/engine/templates';
import { state, update } from './state';
import { loadMapping } from './views/mapping';

/**
 * Makes `name` the sheet the Import view works on; sheets the add-on just created (template,
 * CSV, failed lines) are added to the picker without reloading everything.
 */
export function openSheet(name: string, template: TemplateId | null = null, lastRow = 0): void {
  const sheets = state.app?.sheets;
  if (sheets && !sheets.some((s) => s.name === name)) sheets.push({ name, lastRow, active: false });
  state.openGroups = new Set();
  update({ view: 'import', sheetName: name, mapping: null, validation: null, preview: null });
  delete state.errors.mapping;
  delete state.errors.check;
  delete state.errors.preview;
  void loadMapping(template);
}
