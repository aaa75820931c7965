import type { ApiSubset } from './api-types';
import { fail } from './exception';
import { instrument, type Runtime } from './runtime';
import { CRITERIA, type ValidationRule } from './validation-rule';

export const DataValidationCriteria = Object.freeze(Object.fromEntries(CRITERIA.map((c) => [c, c])) as { [K in (typeof CRITERIA)[number]]: K });

type RuleMethods = 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';
type BuilderMethods =
  | RuleMethods
  | 'build'
  | 'requireCheckbox'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThan'
  | 'requireNumberLessThan'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

/** The stored rule behind a DataValidation the add-on passes back to setDataValidation(s). */
export function ruleOf(validation: EmulatedDataValidation): ValidationRule {
  if (!(validation instanceof EmulatedDataValidation)) fail('Invalid argument: rule');
  return validation.rule;
}

export class EmulatedDataValidation implements ApiSubset<GoogleAppsScript.Spreadsheet.DataValidation, RuleMethods> {
  constructor(
    readonly rt: Runtime,
    readonly rule: ValidationRule,
  ) {}

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    return this.rule.helpText;
  }

  copy(): EmulatedDataValidationBuilder {
    return new EmulatedDataValidationBuilder(this.rt, { ...this.rule });
  }
}
instrument(EmulatedDataValidation, 'DataValidation');

export class EmulatedDataValidationBuilder implements ApiSubset<GoogleAppsScript.Spreadsheet.DataValidationBuilder, BuilderMethods> {
  constructor(
    readonly rt: Runtime,
    public rule: ValidationRule = { criteria: '', args: [], allowInvalid: true, helpText: '' },
  ) {}

  requireValueInList(values: string[], showDropdown = true): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'VALUE_IN_LIST', args: [[...values], showDropdown] });
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): EmulatedDataValidationBuilder {
    const args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return with_(this, { criteria: 'CHECKBOX', args });
  }

  requireNumberBetween(start: number, end: number): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'NUMBER_BETWEEN', args: [start, end] });
  }

  requireNumberGreaterThan(number: number): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'NUMBER_GREATER_THAN', args: [number] });
  }

  requireNumberLessThan(number: number): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'NUMBER_LESS_THAN', args: [number] });
  }

  requireTextIsEmail(): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'TEXT_IS_VALID_EMAIL', args: [] });
  }

  requireTextIsUrl(): EmulatedDataValidationBuilder {
    return with_(this, { criteria: 'TEXT_IS_VALID_URL', args: [] });
  }

  withCriteria(criteria: string, args: unknown[]): EmulatedDataValidationBuilder {
    return with_(this, { criteria: String(criteria), args: [...args] });
  }

  setAllowInvalid(allowInvalidData: boolean): EmulatedDataValidationBuilder {
    return with_(this, { allowInvalid: Boolean(allowInvalidData) });
  }

  setHelpText(helpText: string): EmulatedDataValidationBuilder {
    return with_(this, { helpText: String(helpText) });
  }

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this.rule.helpText || null;
  }

  copy(): EmulatedDataValidationBuilder {
    return new EmulatedDataValidationBuilder(this.rt, this.rule);
  }

  build(): EmulatedDataValidation {
    if (this.rule.criteria === '') fail('You must specify a criteria for the data validation rule.');
    return new EmulatedDataValidation(this.rt, this.rule);
  }
}
instrument(EmulatedDataValidationBuilder, 'DataValidationBuilder');

// Builders mutate in place and return themselves (chaining), as the real builder does.
function with_(builder: EmulatedDataValidationBuilder, change: Partial<ValidationRule>): EmulatedDataValidationBuilder {
  builder.rule = { ...builder.rule, ...change };
  return builder;
}
