import type { PlanProblem } from './report';
import type { FieldColumns } from '../sheet-input';
import type { SourceSystem } from '../source-system';
import type { TemplateId } from '../templates';
import type { CustomerBody, DunningPlan, Member } from '../upflow/schemas';
import type { AssignBody } from './assign-body';

export interface PayloadOptions {
  template: TemplateId;
  sourceSystem: SourceSystem;
  /** To resolve account manager emails to member ids (case-insensitive). */
  members: Member[];
  /** To resolve workflow names to dunningPlanId (after cleaning invisible spaces, case-insensitive). */
  workflows: DunningPlan[];
  /** Where each field's column is, so problems point at a cell; without it they point at the row only. */
  fieldColumns?: FieldColumns;
  /** Sheet column index (0-based) of index 0 of fieldColumns, as in SheetInput. */
  firstColumn?: number;
}

/** What the sidebar can say the source system keeps this import from changing. */
export type DroppedPart = 'customer details' | 'contacts' | 'account managers' | 'workflows';

interface RequestBase {
  /** "upflow:<Upflow ID>", "id:<Customer ID or External ID>" or "name:<name, lower case, spaces folded>". */
  key: string;
  /** The customer's Upflow ID when the sheet gives it (a pulled sheet): the write goes to exactly that customer. */
  upflowId: string | null;
  /** Sheet rows making this customer (all its contact lines), ascending. */
  rows: number[];
  externalId: string | null;
  /** All resolved manager ids; with several, the client calls POST /customers/{id}/account-managers after the upsert. */
  accountManagerIds: string[];
  /** Key of the group customer when it is in the same sheet (and sent by this plan). */
  parentKey: string | null;
  /**
   * The group's name when the body can't name it by External ID: the import puts `parent: {id}` from
   * the request of parentKey once it exists, else from the Upflow customer of that name.
   */
  parentName: string | null;
  /** 0 without a parent in the sheet, parent.level + 1 otherwise. */
  level: number;
  dropped: DroppedPart[];
}

/** POST /customers with the body (contacts nested). */
export interface ImportRequest extends RequestBase {
  mode: 'import';
  body: CustomerBody;
}
/** Managers and workflow only, on the customer Upflow holds under `upflowId`, or else under `body.externalId`. */
export interface AssignRequest extends RequestBase {
  mode: 'assign';
  body: AssignBody;
}
export type CustomerRequest = ImportRequest | AssignRequest;

export interface ImportPlan {
  /** Ordered so a group always comes before its subsidiaries (by level, then first row). */
  requests: CustomerRequest[];
  /** Rows never sent: blocked by the validator, or refused here with a problem saying why. */
  skippedRows: number[];
  problems: PlanProblem[];
}
