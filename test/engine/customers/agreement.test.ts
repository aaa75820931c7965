import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldId } from '../../../src/engine/fields';
import { buildImportPlan } from '../../../src/engine/payloads';
import { PROBLEM_CODES } from '../../../src/engine/problem-titles';
import { checkLines } from '../../../src/engine/rules';

/**
 * Check and Preview/Import read one customer model: a line Check calls ready is never refused by
 * the import plan, and every problem either step reports has a title the sidebar shows.
 */
const FIELDS: FieldId[] = ['customerName', 'customerId', 'groupName', 'groupId', 'contactEmail', 'mainContact', 'city', 'externalId'];
const columns = Object.fromEntries(FIELDS.map((id, i) => [id, i])) as Partial<Record<FieldId, number>>;
const names = ['Acme', 'acme', ' Acme ', 'Beta', 'A&B Conseil', 'A B Conseil', ''];
const ids = ['', '', 'C-1', 'C-2', 'C-3'];
const line = fc.tuple(
  fc.constantFrom(...names),
  fc.constantFrom(...ids),
  fc.constantFrom('', '', 'Acme', 'Beta', 'Gamma'),
  fc.constantFrom('', '', '', 'C-1', 'C-2', 'C-9'),
  fc.constantFrom('', 'a@acme.fr', 'b@beta.fr', 'c@gamma.fr'),
  fc.constantFrom('', '1'),
  fc.constantFrom('', 'Paris', 'Lyon'),
  fc.constantFrom('', '', 'C-1', 'C-2', 'X-7'),
);

test('every line Check calls ready is sent by the import plan, for any sheet', () => {
  fc.assert(
    fc.property(
      fc.array(line, { maxLength: 10 }),
      fc.constantFrom('contacts', 'all', 'customers', 'assign'),
      fc.constantFrom('API', 'NATIVE_ACCOUNTING', 'SALESFORCE_API', 'SALESFORCE_NATIVE'),
      (rows, template, sourceSystem) => {
        const result = checkLines({ rows: rows.map((r) => [...r]), firstRow: 2 }, columns, { template, sourceSystem });
        const plan = buildImportPlan(result.records, { template, sourceSystem, members: [], workflows: [], fieldColumns: columns });
        const blocked = result.records.filter((r) => r.blocked).map((r) => r.row);
        assert.deepEqual(plan.skippedRows, blocked, `refused by the plan but ready for Check: ${JSON.stringify(plan.problems.filter((p) => p.severity === 'error'))}`);
        for (const p of [...result.problems, ...plan.problems]) assert.ok((PROBLEM_CODES as string[]).includes(p.code), `${p.code} is declared with its heading`);
      },
    ),
    { numRuns: 2000 },
  );
});

test('two identical lines naming their own ID as their group are blocked together, in Check and in the plan', () => {
  const rows = [
    ['Acme', 'C-1', '', 'C-1', 'a@acme.fr', '', ''],
    ['Acme', 'C-1', '', 'C-1', 'a@acme.fr', '', ''],
  ];
  const result = checkLines({ rows, firstRow: 2 }, columns, { template: 'all' });
  assert.deepEqual(
    result.records.map((r) => r.blocked),
    [true, true],
  );
  const plan = buildImportPlan(result.records, { template: 'all', sourceSystem: 'API', members: [], workflows: [], fieldColumns: columns });
  assert.deepEqual(plan.requests, []);
});
