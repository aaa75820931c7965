import { cellText } from '../cell';
import { FIELD_IDS, type FieldId } from '../fields';
import { cleanSpaces } from '../normalize';
import type { Problem } from '../problem';
import type { FieldColumns, RowRecord, SheetInput } from '../sheet-input';
import { TEMPLATES, type TemplateId } from '../templates';
import type { DunningPlan, Member } from '../upflow/schemas';
import { AccountManagers } from './account-managers';
import { closestCountryName, countryCode } from './country';
import { checkAcrossRows } from './cross-rows';
import type { Line, Values } from './customers';
import { fieldRule, isEmptyCell, readCell, type FieldRule } from './damage';
import { emailIssue } from './email';
import { exampleLines } from './example-lines';
import { checkGroups } from './groups';
import { checkMainContact } from './main-contact';
import { labelled, quote } from './messages';
import { clearMemos } from './memo';
import { Organisation } from './organisation';
import { checkPhone, checkPhoneNumberCell } from './phone';
import { checkPosition } from './position';
import { checkPostalCode } from './postal-code';
import { Report } from './report';
import { checkRequired } from './required';
import { checkVat } from './vat';
import { settleWithPlan } from './plan-agreement';
import { checkUpflowIds, type HeldCustomer } from './upflow-ids';
import { IMPORT_RIGHTS, type SourceSystem } from '../source-system';
import { modeFor, sending } from '../payloads/rights';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const ID_COLUMN_PROBLEMS = {
  EXTERNAL_ID_DIFFERS: 'Customer ID and External ID disagree',
} as const;

export interface OrgData {
  members?: Member[];
  workflows?: DunningPlan[];
  /** With their Upflow `id`, lines' Upflow IDs are checked against them too. */
  customers?: Array<{ id?: string; name: string; externalId?: string | null }>;
}
export interface LineCheckOptions {
  template: TemplateId;
  /** What the organisation's source system lets an import change; 'API' (everything) when absent. */
  sourceSystem?: SourceSystem;
  /** ISO alpha-2 country for lines without a Country; 'FR' when absent. */
  defaultCountry?: string;
  /** What GET /users, GET /dunning_plans and GET /customers returned; each list is checked against only when given. */
  org?: OrgData;
}
export interface CheckStats {
  rows: number;
  blankRows: number;
  errors: number;
  warnings: number;
  blockedRows: number;
}
export interface CheckResult {
  problems: Problem[];
  records: RowRecord[];
  stats: CheckStats;
}

/** Country first: the phone, VAT and postal code rules of a line read it. */
const FIELD_ORDER: readonly FieldId[] = ['country', ...FIELD_IDS.filter((id) => id !== 'country')];

/**
 * What an assignment sends (src/engine/payloads/rights.ts): the customer's identity, and its account
 * managers and workflow where the source system lets them change. Its other cells are kept, so the
 * preview lists what is left out, but never checked: a postal code or an email Assign does not send
 * must not block the line.
 */
function assignSends(source: SourceSystem): ReadonlySet<FieldId> {
  const send = sending('assign', IMPORT_RIGHTS[source]);
  return new Set<FieldId>([
    'customerName',
    'customerId',
    'externalId',
    ...(send.accountManagers ? ['accountManagers' as const] : []),
    ...(send.workflows ? ['workflow' as const] : []),
  ]);
}

/**
 * Choices where Upflow's documentation leaves one open, so the sidebar, payloads and sandbox agree:
 * - In "all", a line assigning an account manager or workflow needs no External ID: its customer
 *   is created or updated by POST /customers from the line itself.
 * - Main contact: 1, a ticked checkbox and TRUE/VRAI/yes/oui/x mean main; 0, FALSE/FAUX/no/non and
 *   an empty cell mean not main (and don't count as filling contact details); anything else is an error.
 * - TRUE/FALSE values in any other field are errors (a checkbox or a mis-mapped column, never a name or code).
 * - A cell computed by a formula is a warning in every field: what is checked and sent is its result.
 * - Invisible spaces are errors in the values Upflow looks up exactly (emails, account managers,
 *   workflow, Customer/External/Group ID), warnings elsewhere. Records always hold the cleaned text.
 * - Postal codes and VAT numbers are read for the line's Country, or the default country when the
 *   line has none; a Country we don't recognise means they aren't checked, and phone numbers are
 *   then read only in international form: a national number would get a guessed country code.
 * - A cell the spreadsheet damaged beyond use (date, checkbox, failed formula, lost digits) stays in
 *   the record but out of the comparisons between lines, so it is reported once.
 *
 * Checks every line of the sheet for the template: cell values, spreadsheet damage, required
 * fields, agreement between the lines of a customer, groups, and (when given) the
 * organisation's members and workflows. Pure: no Apps Script or Node API, so it runs in both.
 */
export function checkLines(input: SheetInput, columns: FieldColumns, options: LineCheckOptions): CheckResult {
  try {
    return run(input, columns, options);
  } finally {
    clearMemos();
  }
}

function run(input: SheetInput, columns: FieldColumns, options: LineCheckOptions): CheckResult {
  const template = TEMPLATES[options.template];
  // Only the template's fields, on real column indexes, are checked; a stray mapping is ignored.
  const mapped: Array<{ id: FieldId; column: number; rule: FieldRule }> = [];
  const used: FieldColumns = {};
  for (const id of FIELD_ORDER) {
    const column = columns[id];
    if (template.fields.includes(id) && column !== undefined && Number.isInteger(column) && column >= 0) {
      mapped.push({ id, column, rule: fieldRule(id) });
      used[id] = column;
    }
  }
  const report = new Report(input, used);
  const defaultCountry = (options.defaultCountry ?? 'FR').trim().toUpperCase();
  const organisation = new Organisation(options.org?.members, options.org?.workflows);
  const managers = new AccountManagers(organisation);
  const countryColumn = used.country;
  const source = options.sourceSystem ?? 'API';
  const isExample = exampleLines(template, mapped);
  const exampleAt: FieldId = used.customerName !== undefined ? 'customerName' : 'externalId';
  const assign = modeFor(template.id, source) === 'assign' ? assignSends(source) : null;

  const records: RowRecord[] = [];
  const lines: Line[] = [];
  let blankRows = 0;

  for (let i = 0; i < input.rows.length; i++) {
    const row = input.rows[i] ?? [];
    const formulas = input.formulas?.[i];
    let firstFilled: FieldId | undefined;
    for (const { id, column } of mapped) {
      if (!isEmptyCell(row[column])) {
        firstFilled = id;
        break;
      }
    }
    if (firstFilled === undefined) {
      blankRows++;
      continue;
    }

    const values: Values = {};
    /** Fields whose cell can't be trusted (a date, a failed formula...): kept out of the comparisons between lines. */
    let damaged: FieldId[] | undefined;
    let lineCountry: string | undefined;
    // A Country the line gives but we don't recognise: postal codes and VAT numbers can't be read for it.
    const countryGiven = countryColumn !== undefined && !isEmptyCell(row[countryColumn]);

    for (const { id, column, rule } of mapped) {
      const value = row[column];
      if (value === undefined || isEmptyCell(value)) continue;
      if (assign && !assign.has(id)) {
        if (id !== 'mainContact') values[id] = cleanSpaces(cellText(value));
        continue;
      }
      const text = readCell(report, i, rule, value, formulas?.[column] || undefined);
      if (text === null) {
        // A pasted text stays as is: its line is blocked anyway, and cleaning it would read it all.
        const shown = typeof value === 'string' && value.length > rule.pastedFrom ? value : cleanSpaces(cellText(value));
        if (shown && id !== 'mainContact') values[id] = shown;
        (damaged ??= []).push(id);
        continue;
      }
      switch (id) {
        case 'country': {
          lineCountry = countryCode(text);
          if (!lineCountry) {
            const guess = closestCountryName(text);
            report.warning(
              i,
              id,
              'COUNTRY_UNKNOWN',
              `${labelled(id, text)} isn't a country we recognise, so VAT numbers and postal codes of this line aren't checked and its phone numbers are read only in international form (+ and the country code).${guess ? ` Did you mean ${guess}?` : ''}`,
              'Write the country in English or French (e.g. France, Allemagne) or as a two-letter code (FR, DE).',
              guess,
            );
          }
          values[id] = lineCountry ?? text;
          break;
        }
        case 'contactEmail': {
          const email = text.toLowerCase();
          const issue = emailIssue(email);
          if (issue) {
            report.add(
              i,
              id,
              issue.warning ? 'warning' : 'error',
              issue.warning ? 'EMAIL_TYPO' : 'EMAIL_INVALID',
              `${labelled(id, text)} ${issue.reason}.`,
              issue.fix,
              issue.suggestion,
            );
          }
          values[id] = email;
          break;
        }
        case 'phoneNumber':
          values[id] =
            (typeof value === 'number'
              ? checkPhoneNumberCell(report, i, value, lineCountry ?? (countryGiven ? undefined : defaultCountry))
              : checkPhone(report, i, text, lineCountry ?? (countryGiven ? undefined : defaultCountry))) ?? text;
          break;
        case 'vatNumber': {
          const vat = checkVat(report, i, text, lineCountry, lineCountry ?? (countryGiven ? undefined : defaultCountry));
          if (vat !== undefined) values[id] = vat;
          break;
        }
        case 'postalCode':
          values[id] = checkPostalCode(report, i, text, typeof value === 'number', lineCountry ?? (countryGiven ? undefined : defaultCountry));
          break;
        case 'position':
          values[id] = checkPosition(report, i, text) ?? text;
          break;
        case 'mainContact':
          if (checkMainContact(report, i, text) === 'main') values[id] = '1';
          break;
        case 'accountManagers':
          values[id] = managers.check(report, i, text);
          break;
        case 'workflow':
          organisation.checkWorkflow(report, i, text);
          values[id] = text;
          break;
        default:
          values[id] = text;
      }
    }

    if (isExample(row)) {
      report.warning(
        i,
        exampleAt,
        'TEMPLATE_EXAMPLE',
        `This is an example line of the template (${quote(values.customerName ?? values.externalId ?? '')}), not one of your customers.`,
        'Delete this line, or replace it with a real customer.',
      );
    }
    const checked = assign ? onlyFields(values, assign) : values;
    checkRequired(report, i, template, checked, used, firstFilled);
    if (template.id === 'all' && values.customerId !== undefined && values.externalId !== undefined && values.customerId !== values.externalId) {
      report.error(
        i,
        'externalId',
        'EXTERNAL_ID_DIFFERS',
        `${labelled('externalId', values.externalId)} differs from the Customer ID ${quote(values.customerId)}: both are the customer's ID in Upflow.`,
        'Use the same ID in both columns, or clear one of them.',
      );
    }
    records.push({ row: input.firstRow + i, values, blocked: false });
    lines.push({ index: i, values: damaged ? withoutFields(checked, damaged) : checked });
  }

  const customers = checkAcrossRows(report, lines, template.id, used);
  if (template.sections.includes('group') && !assign) checkGroups(report, customers, options.org?.customers);
  const held = options.org?.customers;
  if (held && used.upflowId !== undefined)
    checkUpflowIds(
      report,
      lines,
      template.id,
      held.filter((c): c is HeldCustomer => c.id !== undefined),
    );

  settleWithPlan(report, records, input, used, options);

  let blockedRows = 0;
  for (let k = 0; k < records.length; k++) {
    if (report.blockedLines.has(lines[k]!.index)) {
      records[k]!.blocked = true;
      blockedRows++;
    }
  }
  return {
    problems: report.sorted(),
    records,
    stats: { rows: input.rows.length, blankRows, errors: report.errors, warnings: report.warnings, blockedRows },
  };
}

function onlyFields(values: Values, fields: ReadonlySet<FieldId>): Values {
  const kept: Values = {};
  for (const id of fields) if (values[id] !== undefined) kept[id] = values[id];
  return kept;
}

function withoutFields(values: Values, fields: readonly FieldId[]): Values {
  const kept = { ...values };
  for (const id of fields) delete kept[id];
  return kept;
}
