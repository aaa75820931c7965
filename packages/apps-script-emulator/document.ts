import type { Runtime } from './runtime';
import type { UiRecorder } from './ui';
import type { Workbook } from './workbook';

/** What the spreadsheet-facing services share: the document, the UI record and who is using it. */
export interface DocumentContext {
  readonly rt: Runtime;
  readonly book: Workbook;
  readonly ui: UiRecorder;
  readonly userEmail: string;
}
