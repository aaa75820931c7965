import type { ApiSubset } from './api-types';
import { DataValidationCriteria, EmulatedDataValidationBuilder } from './data-validation';
import type { DocumentContext } from './document';
import { fail } from './exception';
import type { EmulatedRange } from './range';
import { instrument, type Runtime } from './runtime';
import { EmulatedSheet } from './sheet';
import { activeRange, EmulatedSpreadsheet } from './spreadsheet';
import { EmulatedUi } from './ui';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' } as const);

type AppMethods =
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

export class EmulatedSpreadsheetApp implements ApiSubset<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly rt: Runtime;

  constructor(readonly doc: DocumentContext) {
    this.rt = doc.rt;
  }

  getActiveSpreadsheet(): EmulatedSpreadsheet {
    return new EmulatedSpreadsheet(this.doc);
  }

  getActive(): EmulatedSpreadsheet {
    return new EmulatedSpreadsheet(this.doc);
  }

  /** Only the emulated document exists: any other id is a document the user cannot open. */
  openById(id: string): EmulatedSpreadsheet {
    if (id !== this.doc.book.id) fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return new EmulatedSpreadsheet(this.doc);
  }

  openByUrl(url: string): EmulatedSpreadsheet {
    if (!String(url).includes(`/d/${this.doc.book.id}`)) fail('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return new EmulatedSpreadsheet(this.doc);
  }

  getActiveSheet(): EmulatedSheet {
    return new EmulatedSheet(this.doc, this.doc.book.activeSheet());
  }

  setActiveSheet(sheet: EmulatedSheet): EmulatedSheet {
    this.doc.book.activate(sheet.model);
    return sheet;
  }

  getActiveRange(): EmulatedRange {
    return activeRange(this.doc);
  }

  setActiveRange(range: EmulatedRange): EmulatedRange {
    this.doc.book.activate(range.model, range.rect);
    return range;
  }

  getUi(): EmulatedUi {
    return new EmulatedUi(this.rt, this.doc.ui);
  }

  /** Writes are applied at once here, so there is nothing to flush. */
  flush(): void {}

  newDataValidation(): EmulatedDataValidationBuilder {
    return new EmulatedDataValidationBuilder(this.rt);
  }
}
instrument(EmulatedSpreadsheetApp, 'SpreadsheetApp');
