import type { TemplateId } from '../src/engine/templates';
import { call } from './rpc';
import { announce } from './status';
import { dispatch } from './store';
import { loadMapping } from './views/mapping';

/**
 * Makes `name` the sheet the Import view works on ('sheetChosen' forgets everything shown about
 * the previous one); sheets the add-on just created (template, CSV, failed lines) are added to
 * the picker without reloading. Then reads its columns.
 */
function workOn(name: string, template: TemplateId | null, lastRow: number, open: boolean): void {
  dispatch({ type: 'sheetChosen', name, lastRow, open });
  void loadMapping(template);
}

/** The add-on put `name` on screen (a new template, CSV or copy): the Import view follows. */
export function openSheet(name: string, template: TemplateId | null = null, lastRow = 0): void {
  workOn(name, template, lastRow, true);
}

/** The user picked a sheet in the sidebar: it comes on screen too, so both show the same one. */
export function pickSheet(name: string): void {
  workOn(name, null, 0, false);
  call('showSheet', name).catch(() => undefined);
}

/** The user went to another tab of the spreadsheet: the sidebar follows, whatever view it shows. */
export function followSheet(name: string): void {
  workOn(name, null, 0, false);
  announce(`Now working on ‘${name}’, the sheet on screen.`);
}
