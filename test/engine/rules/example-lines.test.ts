/**
 * A line identical to a template's example line is most likely one the user forgot to replace
 * (issue 12): Check warns, without blocking it (the playground's demo imports such lines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATES } from '../../../src/engine/templates';
import { check, withCode } from './helpers';

test("the template's example lines are flagged as examples, a real customer is not", () => {
  const template = TEMPLATES.customers;
  const fields = [...template.fields];
  const example = (k: number) => fields.map((id) => template.demo[k]?.[id] ?? '');
  const real = fields.map(
    (id) => (({ customerName: 'Boulangerie Petit', customerId: 'C-9001', accountingCode: '411PETIT' }) as Record<string, string>)[id] ?? template.demo[0]?.[id] ?? '',
  );
  const result = check('customers', fields, [example(0), real, example(2)]);
  const flagged = withCode(result, 'TEMPLATE_EXAMPLE');
  assert.deepEqual(
    flagged.map((p) => p.cell),
    ['A2', 'A4'],
  );
  assert.ok(flagged.every((p) => p.severity === 'warning'));
  assert.match(flagged[0]!.message, /example line of the template \("Boulangeries Martin"\)/);
  assert.ok(!result.records.some((r) => r.blocked), 'examples still import');
});

test("an assignment sheet's example lines are found by their External ID column too", () => {
  const template = TEMPLATES.assign;
  const fields = ['externalId', 'accountManagers', 'workflow'] as const;
  const result = check(
    'assign',
    [...fields],
    template.demo.map((line) => fields.map((id) => line[id] ?? '')),
  );
  assert.deepEqual(
    withCode(result, 'TEMPLATE_EXAMPLE').map((p) => p.cell),
    ['A2', 'A3'],
  );
});
