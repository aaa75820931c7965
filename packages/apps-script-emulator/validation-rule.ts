import { type CellValue, isDate } from './cell';

/** An immutable data-validation rule, shared by every cell it was applied to. */
export interface ValidationRule {
  readonly criteria: string;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether Sheets accepts a typed value under `rule` (scripts bypass validation, users don't).
 * Criteria the emulator does not evaluate accept everything.
 */
export function acceptsInput(rule: ValidationRule, value: CellValue, display: string): boolean {
  if (value === '') return true;
  const [a, b] = rule.args;
  const n = typeof value === 'number' ? value : NaN;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.some((item) => String(item) === display);
    case 'CHECKBOX':
      return rule.args.length === 0 ? typeof value === 'boolean' : rule.args.some((item) => String(item) === display);
    case 'NUMBER_BETWEEN':
      return n >= Number(a) && n <= Number(b);
    case 'NUMBER_GREATER_THAN':
      return n > Number(a);
    case 'NUMBER_LESS_THAN':
      return n < Number(a);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(display);
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/i.test(display);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}

/** The sentence Sheets shows when it rejects an input and the rule has no help text. */
export function rejectionText(rule: ValidationRule): string {
  if (rule.helpText) return rule.helpText;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return 'Input must be an item on the specified list';
    case 'CHECKBOX':
      return 'Input must be a checkbox value';
    case 'TEXT_IS_VALID_EMAIL':
      return 'Input must be a valid email address';
    default:
      return 'Input must fall within specified range';
  }
}
