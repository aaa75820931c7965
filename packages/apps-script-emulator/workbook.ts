import type { GridRect } from './a1';
import { fail } from './exception';
import { SheetModel, type SheetHost } from './sheet-model';

/** The spreadsheet document itself: its sheets, their order and what is active. */
export class Workbook implements SheetHost {
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  activeRange: { sheetId: number; rect: GridRect } | null = null;
  nextSheetId = 1;
  /** Replaced when the add-on runs in a vm context, so its `instanceof Date` checks hold. */
  makeDate: (time: number) => Date = (time) => new Date(time);

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
  ) {
    this.sheets.push(new SheetModel(this, 0, 'Sheet1'));
  }

  findSheet(name: string): SheetModel | null {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted) ?? null;
  }

  sheetById(id: number): SheetModel | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  assertNameFree(name: string, except?: SheetModel): void {
    const clash = this.findSheet(name);
    if (clash && clash !== except) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  addSheet(name: string | undefined, index: number | undefined): SheetModel {
    let sheetName = name;
    if (sheetName === undefined || sheetName === '') {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.assertNameFree(sheetName);
    const at = index === undefined ? this.sheets.length : index;
    if (at < 0 || at > this.sheets.length) fail(`The sheet index ${at} is out of range.`);
    const sheet = new SheetModel(this, this.nextSheetId++, sheetName);
    this.sheets.splice(at, 0, sheet);
    this.activeSheetId = sheet.id;
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    const others = this.sheets.filter((s) => s !== sheet);
    if (others.length === 0 || others.every((s) => s.hidden)) fail("You can't remove all the visible sheets in a document.");
    this.sheets = others;
    if (this.activeSheetId === sheet.id) this.activateFirstVisible();
  }

  hide(sheet: SheetModel): void {
    if (!sheet.hidden && this.sheets.filter((s) => !s.hidden).length === 1) {
      fail("You can't hide all the sheets in a document.");
    }
    sheet.hidden = true;
    if (this.activeSheetId === sheet.id) this.activateFirstVisible();
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? (this.sheets[0] as SheetModel);
  }

  activate(sheet: SheetModel, rect?: GridRect): void {
    // Activating a hidden sheet shows it, as it does in the Sheets UI.
    sheet.hidden = false;
    this.activeSheetId = sheet.id;
    this.activeRange = rect ? { sheetId: sheet.id, rect } : null;
  }

  private activateFirstVisible(): void {
    // A workbook always holds a sheet. (The rule misreads the right side of ??; tsc needs the assertion.)
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    this.activeSheetId = (this.sheets.find((s) => !s.hidden) ?? (this.sheets[0] as SheetModel)).id;
    this.activeRange = null;
  }
}
