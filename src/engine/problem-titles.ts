import { ACCOUNT_MANAGER_PROBLEMS } from './rules/account-managers';
import { COUNTRY_PROBLEMS } from './rules/country';
import { CROSS_ROW_PROBLEMS } from './rules/cross-rows';
import { DAMAGE_PROBLEMS } from './rules/damage';
import { EMAIL_PROBLEMS } from './rules/email';
import { EXAMPLE_LINE_PROBLEMS } from './rules/example-lines';
import { GROUP_PROBLEMS } from './rules/groups';
import { ID_COLUMN_PROBLEMS } from './rules/index';
import { MAIN_CONTACT_PROBLEMS } from './rules/main-contact';
import { WORKFLOW_PROBLEMS } from './rules/organisation';
import { PHONE_PROBLEMS } from './rules/phone';
import { HELD_BACK_PROBLEMS } from './rules/plan-agreement';
import { POSITION_PROBLEMS } from './rules/position';
import { POSTAL_CODE_PROBLEMS } from './rules/postal-code';
import { REQUIRED_PROBLEMS } from './rules/required';
import { UPFLOW_ID_PROBLEMS } from './rules/upflow-ids';
import { VAT_PROBLEMS } from './rules/vat';
import { IDENTITY_PROBLEMS } from './payloads/identity';
import { PLAN_PROBLEMS } from './payloads/index';
import { MERGE_PROBLEMS } from './payloads/merge';

/**
 * Every problem the engine reports, by code, with its heading. Each is declared in the module
 * that raises it, beside the code deciding it: Check's rules (src/engine/rules) and the import
 * plan (src/engine/payloads), whose refusals Check forwards (src/engine/rules/plan-agreement.ts).
 */
const TITLES = {
  ...REQUIRED_PROBLEMS,
  ...EMAIL_PROBLEMS,
  ...CROSS_ROW_PROBLEMS,
  ...PHONE_PROBLEMS,
  ...VAT_PROBLEMS,
  ...POSTAL_CODE_PROBLEMS,
  ...COUNTRY_PROBLEMS,
  ...POSITION_PROBLEMS,
  ...MAIN_CONTACT_PROBLEMS,
  ...ACCOUNT_MANAGER_PROBLEMS,
  ...WORKFLOW_PROBLEMS,
  ...ID_COLUMN_PROBLEMS,
  ...UPFLOW_ID_PROBLEMS,
  ...GROUP_PROBLEMS,
  ...DAMAGE_PROBLEMS,
  ...HELD_BACK_PROBLEMS,
  ...EXAMPLE_LINE_PROBLEMS,
  ...IDENTITY_PROBLEMS,
  ...MERGE_PROBLEMS,
  ...PLAN_PROBLEMS,
} satisfies Record<string, string>;

/** A code the engine may report: the report functions take nothing else, so a new code gets its heading first. */
export type ProblemCode = keyof typeof TITLES;

/** Every code, for tests that check each has a case. */
export const PROBLEM_CODES = Object.keys(TITLES) as ProblemCode[];

export function problemTitle(code: string): string {
  return Object.hasOwn(TITLES, code) ? TITLES[code as ProblemCode] : code;
}
