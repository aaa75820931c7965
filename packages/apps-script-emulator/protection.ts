import type { ApiSubset } from './api-types';
import type { DocumentContext } from './document';
import { EmulatedRange } from './range';
import { instrument, type Runtime } from './runtime';
import { EmulatedUser } from './session';
import type { ProtectionModel, SheetModel } from './sheet-model';

type ProtectionMethods =
  | 'addEditors'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditors'
  | 'setDescription'
  | 'setWarningOnly';

function emailOf(user: string | { getEmail(): string }): string {
  return typeof user === 'string' ? user : user.getEmail();
}

/**
 * Protection settings are recorded for the add-on to read back; they do not block writes,
 * because the emulated user is the spreadsheet's owner, whom Sheets never blocks.
 */
export class EmulatedProtection implements ApiSubset<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  readonly rt: Runtime;

  constructor(
    readonly doc: DocumentContext,
    readonly sheet: SheetModel,
    readonly model: ProtectionModel,
  ) {
    this.rt = doc.rt;
  }

  getProtectionType(): string {
    return this.model.type;
  }

  getDescription(): string {
    return this.model.description;
  }

  setDescription(description: string): EmulatedProtection {
    this.model.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): EmulatedProtection {
    this.model.warningOnly = Boolean(warningOnly);
    return this;
  }

  getEditors(): EmulatedUser[] {
    return this.model.editors.map((email) => new EmulatedUser(this.rt, email));
  }

  addEditor(user: string | EmulatedUser): EmulatedProtection {
    addEditors(this.model, [emailOf(user)]);
    return this;
  }

  addEditors(emailAddresses: string[]): EmulatedProtection {
    addEditors(this.model, emailAddresses);
    return this;
  }

  removeEditor(user: string | EmulatedUser): EmulatedProtection {
    removeEditors(this.model, [emailOf(user)], this.doc.userEmail);
    return this;
  }

  removeEditors(users: (string | EmulatedUser)[]): EmulatedProtection {
    removeEditors(this.model, users.map(emailOf), this.doc.userEmail);
    return this;
  }

  canEdit(): boolean {
    return this.model.warningOnly || this.model.editors.includes(this.doc.userEmail);
  }

  getRange(): EmulatedRange {
    return new EmulatedRange(this.doc, this.sheet, this.model.rect ?? this.sheet.whole());
  }

  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.model);
  }
}
instrument(EmulatedProtection, 'Protection');

function addEditors(model: ProtectionModel, emails: string[]): void {
  for (const email of emails) if (!model.editors.includes(email)) model.editors.push(email);
}

/** The owner (the emulated user) always keeps edit rights, as in Sheets. */
function removeEditors(model: ProtectionModel, emails: string[], owner: string): void {
  model.editors = model.editors.filter((e) => e === owner || !emails.includes(e));
}
