import { type CellValue, isDate } from './cell';
import { formatAutomaticNumber } from './display';
import { lettersToColumn } from './a1';

/**
 * A deliberately small formula evaluator: literals, references (same sheet or `Sheet!A1`),
 * `& + - * /`, unary minus, parentheses, TRUE/FALSE and NA(). Unknown functions give `#NAME?`
 * and unparseable text `#ERROR!`, as Sheets shows them. Errors are their text ("#N/A"), which is
 * also what getValues returns for them.
 */
export const ERROR_CODES = new Set(['#N/A', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#ERROR!', '#NUM!', '#NULL!']);

/** Marks an empty referenced cell: 0 in arithmetic, "" in text, 0 as a whole result. */
export const BLANK = Symbol('blank');
type Operand = CellValue | typeof BLANK;

/** Looks up a referenced cell (1-based); `#REF!` when outside the sheet or the sheet is missing. */
export type ReferenceResolver = (sheetName: string | null, row: number, column: number) => Operand;

class FormulaFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const TOKEN =
  /\s*(?:(?<num>\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|"(?<str>(?:[^"]|"")*)"|(?:(?:'(?<qsheet>(?:[^']|'')+)'|(?<sheet>[A-Za-z_][A-Za-z0-9_.]*))!)?(?<ref>\$?[A-Za-z]{1,3}\$?\d+)(?![A-Za-z0-9_(])|(?<name>[A-Za-z_][A-Za-z0-9_.]*)|(?<op>[&+\-*/(),]))/y;

interface Token {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op';
  text: string;
  sheet: string | null;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < source.length && source.slice(position).trim() !== '') {
    TOKEN.lastIndex = position;
    const m = TOKEN.exec(source);
    if (!m || !m.groups) throw new FormulaFailure('#ERROR!');
    const g = m.groups;
    if (g.ref !== undefined) {
      const sheet = g.qsheet !== undefined ? g.qsheet.replace(/''/g, "'") : (g.sheet ?? null);
      tokens.push({ kind: 'ref', text: g.ref, sheet });
    } else if (g.num !== undefined) tokens.push({ kind: 'num', text: g.num, sheet: null });
    else if (g.str !== undefined) tokens.push({ kind: 'str', text: g.str.replace(/""/g, '"'), sheet: null });
    else if (g.name !== undefined) tokens.push({ kind: 'name', text: g.name, sheet: null });
    else if (g.op !== undefined) tokens.push({ kind: 'op', text: g.op, sheet: null });
    else throw new FormulaFailure('#ERROR!');
    position = TOKEN.lastIndex;
  }
  return tokens;
}

function errorIn(value: Operand): string | null {
  return typeof value === 'string' && ERROR_CODES.has(value) ? value : null;
}

function toNumber(value: Operand, serial: (d: Date) => number): number {
  const error = errorIn(value);
  if (error) throw new FormulaFailure(error);
  if (value === BLANK || value === '') return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isDate(value)) return serial(value);
  const n = Number(value.trim().replace(/,/g, ''));
  if (value.trim() === '' || Number.isNaN(n)) throw new FormulaFailure('#VALUE!');
  return n;
}

function toText(value: Operand, serial: (d: Date) => number): string {
  const error = errorIn(value);
  if (error) throw new FormulaFailure(error);
  if (value === BLANK) return '';
  if (typeof value === 'number') return formatAutomaticNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return formatAutomaticNumber(serial(value));
  return value;
}

export function evaluateFormula(formula: string, resolve: ReferenceResolver, serial: (d: Date) => number): CellValue {
  try {
    const tokens = tokenize(formula.replace(/^=/, ''));
    let at = 0;
    const peek = (): Token | undefined => tokens[at];
    const isOp = (text: string) => peek()?.kind === 'op' && peek()?.text === text;
    const expect = (text: string) => {
      if (!isOp(text)) throw new FormulaFailure('#ERROR!');
      at++;
    };

    const primary = (): Operand => {
      const token = tokens[at++];
      if (!token) throw new FormulaFailure('#ERROR!');
      switch (token.kind) {
        case 'num':
          return Number(token.text);
        case 'str':
          return token.text;
        case 'ref': {
          const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(token.text) as RegExpExecArray;
          return resolve(token.sheet, Number(m[2]), lettersToColumn(m[1] as string));
        }
        case 'name': {
          const name = token.text.toUpperCase();
          if (!isOp('(')) {
            if (name === 'TRUE' || name === 'FALSE') return name === 'TRUE';
            throw new FormulaFailure('#NAME?');
          }
          at++;
          const args: Operand[] = [];
          if (!isOp(')')) {
            args.push(concat());
            while (isOp(',')) {
              at++;
              args.push(concat());
            }
          }
          expect(')');
          if (name === 'NA' && args.length === 0) return '#N/A';
          if ((name === 'TRUE' || name === 'FALSE') && args.length === 0) return name === 'TRUE';
          throw new FormulaFailure('#NAME?');
        }
        case 'op':
          if (token.text === '(') {
            const inner = concat();
            expect(')');
            return inner;
          }
          if (token.text === '-' || token.text === '+') {
            const operand = primary();
            return token.text === '-' ? -toNumber(operand, serial) : toNumber(operand, serial);
          }
          throw new FormulaFailure('#ERROR!');
      }
    };

    const term = (): Operand => {
      let left = primary();
      while (isOp('*') || isOp('/')) {
        const op = tokens[at++]?.text;
        const a = toNumber(left, serial);
        const b = toNumber(primary(), serial);
        if (op === '/' && b === 0) throw new FormulaFailure('#DIV/0!');
        left = op === '*' ? a * b : a / b;
      }
      return left;
    };

    const additive = (): Operand => {
      let left = term();
      while (isOp('+') || isOp('-')) {
        const op = tokens[at++]?.text;
        const a = toNumber(left, serial);
        const b = toNumber(term(), serial);
        left = op === '+' ? a + b : a - b;
      }
      return left;
    };

    function concat(): Operand {
      let left = additive();
      while (isOp('&')) {
        at++;
        left = toText(left, serial) + toText(additive(), serial);
      }
      return left;
    }

    const result = concat();
    if (at !== tokens.length) throw new FormulaFailure('#ERROR!');
    return result === BLANK ? 0 : result;
  } catch (error) {
    if (error instanceof FormulaFailure) return error.code;
    throw error;
  }
}
