/**
 * A heading for each kind of problem Check reports (src/engine/rules), as the sidebar groups them;
 * the import plan's refusals Check forwards (src/engine/rules/plan-agreement.ts) included. Each
 * has a row in test/engine/rules/rules.test.ts.
 */
const CHECK_TITLES: Record<string, string> = {
  REQUIRED: 'Required values missing',
  EMAIL_INVALID: 'Invalid emails',
  EMAIL_TYPO: 'Emails that look mistyped',
  EMAIL_REUSED: 'Emails used by two customers',
  CONTACT_DUPLICATE: 'Contacts listed twice',
  PHONE_INVALID: 'Invalid phone numbers',
  PHONE_UNUSUAL: 'Unusual phone numbers',
  PHONE_AS_NUMBER: 'Phone numbers stored as numbers',
  PHONE_COUNTRY_UNKNOWN: 'Phone numbers of an unknown country',
  VAT_INVALID: 'Invalid VAT numbers',
  VAT_COUNTRY_MISMATCH: 'VAT numbers of another country',
  VAT_PREFIX_MISSING: 'VAT numbers without country prefix',
  VAT_PLACEHOLDER: 'Values that are not VAT numbers',
  POSTAL_CODE_INVALID: 'Invalid postal codes',
  LEADING_ZERO_LOST: 'Postal codes that lost a leading zero',
  COUNTRY_UNKNOWN: 'Unknown countries',
  POSITION_UNKNOWN: 'Unknown positions',
  MAIN_CONTACT_INVALID: 'Unclear main contact values',
  MAIN_CONTACT_DUPLICATE: 'Several main contacts for one customer',
  ACCOUNT_MANAGER_INVALID: 'Invalid account manager emails',
  ACCOUNT_MANAGER_DUPLICATE: 'Account managers listed twice',
  ACCOUNT_MANAGER_NOT_FOUND: 'Account managers not found',
  ACCOUNT_MANAGER_NOT_MANAGER: 'Members without the Account manager role',
  WORKFLOW_NOT_FOUND: 'Workflows not found',
  CUSTOMER_DETAILS_DIFFER: 'Customer details that differ between lines',
  CUSTOMER_ID_NEEDED: 'Customer IDs needed',
  CUSTOMER_ID_REUSED: 'Customer IDs used for two customers',
  EXTERNAL_ID_DIFFERS: 'Customer ID and External ID disagree',
  UPFLOW_ID_NOT_FOUND: 'Upflow IDs Upflow no longer holds',
  UPFLOW_ID_CONFLICT: 'Upflow ID and Customer ID name two customers',
  GROUP_NOT_FOUND: 'Groups not found',
  GROUP_NOT_CHECKED: 'Groups not checked against Upflow',
  GROUP_ID_MISMATCH: 'Group ID and Group name disagree',
  GROUP_AMBIGUOUS: 'Group names shared by several customers',
  GROUP_SELF: 'Customers named as their own group',
  GROUP_CYCLE: 'Groups in a circle',
  EXTRA_SPACES: 'Extra spaces',
  INVISIBLE_SPACES: 'Invisible spaces',
  SCIENTIFIC_NOTATION: 'Numbers that lost digits',
  NUMBER_INVALID: 'Numbers that are not valid',
  DATE_IN_TEXT: 'Values turned into dates',
  BOOLEAN_IN_TEXT: 'Values turned into TRUE/FALSE',
  FORMULA_ERROR: 'Formulas that fail',
  FORMULA_CELL: 'Values computed by formulas',
  TOO_LONG: 'Values too long',
  ACCOUNT_MANAGER_ROLE_UNKNOWN: 'Account managers with a position Upflow may refuse',
  AMBIGUOUS_CUSTOMER: 'Lines that could belong to several customers',
  EXTERNAL_ID_NEEDED: 'External IDs needed',
  AMBIGUOUS_GROUP: 'Group names shared by several customers',
  GROUP_LOOP: 'Groups in a circle',
  CUSTOMER_HELD_BACK: 'Lines held back with their customer',
  TEMPLATE_EXAMPLE: 'Example lines of the template',
};

/**
 * Problems only the import plan reports (src/engine/payloads): its warnings, which Check never
 * forwards, and refusals of lines Check always blocks first (REQUIRED asks every line for its
 * customer's name). Titled all the same: every problem the engine reports has a heading
 * (test/engine/customers/agreement.test.ts).
 */
const PLAN_TITLES: Record<string, string> = {
  NOT_AN_ACCOUNT_MANAGER: 'Members without the Account manager role',
  CUSTOMER_UNKNOWN: 'Lines naming no customer',
  CUSTOMER_NAME_NEEDED: 'Customer names needed',
  DIFFERS_BETWEEN_LINES: 'Values that differ between lines of one customer',
  SEVERAL_MAIN_CONTACTS: 'Several main contacts for one customer',
  IDS_DIFFER: 'Customer ID and External ID disagree',
};

const TITLES: Record<string, string> = { ...CHECK_TITLES, ...PLAN_TITLES };

/** Every code Check can report. */
export const CHECK_PROBLEM_CODES: readonly string[] = Object.keys(CHECK_TITLES);

export function problemTitle(code: string): string {
  const known = TITLES[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the code has a heading of its own (tests check every code the engine reports does). */
export const hasTitle = (code: string): boolean => Object.hasOwn(TITLES, code);
