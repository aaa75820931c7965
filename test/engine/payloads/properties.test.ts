import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FieldId } from '../../../src/engine/fields';
import type { ImportPlan } from '../../../src/engine/payloads';
import type { RowRecord } from '../../../src/engine/sheet-input';
import { line, plan } from './fixtures';

/** A sheet as a user would write it: distinct customers, groups forming a tree, lines in any order. */
const wellFormedSheet = fc
  .integer({ min: 1, max: 8 })
  .chain((count) =>
    fc.array(
      fc.record({
        hasId: fc.boolean(),
        parent: fc.option(fc.nat(), { nil: undefined }),
        byId: fc.boolean(),
        contacts: fc.integer({ min: 0, max: 3 }),
        main: fc.option(fc.nat(2), { nil: undefined }),
        blocked: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      }),
      { minLength: count, maxLength: count },
    ),
  )
  .chain((customers) => {
    const lines: Array<{ values: Partial<Record<FieldId, string>>; blocked: boolean }> = [];
    customers.forEach((c, i) => {
      const values: Partial<Record<FieldId, string>> = { customerName: `Customer ${i}` };
      if (c.hasId) values.customerId = `C${i}`;
      // Only earlier customers can be groups, which keeps the groups a tree.
      const parent = c.parent === undefined || i === 0 ? undefined : c.parent % i;
      if (parent !== undefined) {
        if (c.byId && customers[parent]!.hasId) values.groupId = `C${parent}`;
        else values.groupName = `customer ${parent}`;
      }
      const contactLines = Math.max(c.contacts, 1);
      for (let j = 0; j < contactLines; j++) {
        const contact: Partial<Record<FieldId, string>> = c.contacts ? { contactEmail: `c${i}-${j}@example.fr` } : {};
        if (c.main === j) contact.mainContact = '1';
        lines.push({ values: { ...values, ...contact }, blocked: c.blocked[j] ?? false });
      }
    });
    return fc
      .shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })
      .map((shuffled) => shuffled.map((l, position) => line(position + 2, l.values, l.blocked)));
  });

/** Anything the validator could let through, names and IDs colliding on purpose. */
const anySheet = fc
  .array(
    fc.record({
      values: fc.record(
        {
          customerName: fc.constantFrom('Acme', 'acme ', 'Beta', 'Gamma'),
          customerId: fc.constantFrom('1', '2', '3'),
          externalId: fc.constantFrom('1', '9'),
          groupName: fc.constantFrom('Acme', 'Beta', 'Gamma', 'Delta'),
          groupId: fc.constantFrom('1', '2', '7'),
          contactEmail: fc.constantFrom('a@x.fr', 'b@x.fr', 'c@x.fr'),
          mainContact: fc.constant('1'),
          workflow: fc.constantFrom('Standard', 'Unknown'),
          accountManagers: fc.constantFrom('john.smith@example.com', 'x@y.z'),
        },
        { requiredKeys: [] },
      ),
      blocked: fc.boolean(),
    }),
    { maxLength: 12 },
  )
  .map((lines) => lines.map((l, i) => line(i + 2, l.values, l.blocked)));

function assertGroupsFirst({ requests }: ImportPlan): void {
  const index = new Map(requests.map((request, i) => [request.key, i]));
  assert.equal(index.size, requests.length, 'one request per customer');
  for (const [i, request] of requests.entries()) {
    if (request.parentKey === null) {
      assert.equal(request.level, 0);
      continue;
    }
    const parentIndex = index.get(request.parentKey);
    assert.ok(parentIndex !== undefined && parentIndex < i, `${request.parentKey} must come before ${request.key}`);
    assert.equal(request.level, requests[parentIndex]!.level + 1);
  }
}

const sentRows = (result: ImportPlan) => result.requests.flatMap((j) => j.rows);

test('property: in a well-formed sheet every line that is not blocked is in exactly one request, groups first', () => {
  fc.assert(
    fc.property(wellFormedSheet, (records: RowRecord[]) => {
      const result = plan(records);
      const open = records
        .filter((r) => !r.blocked)
        .map((r) => r.row)
        .sort((a, b) => a - b);
      assert.deepEqual(
        [...sentRows(result)].sort((a, b) => a - b),
        open,
      );
      assert.deepEqual(
        result.skippedRows,
        records
          .filter((r) => r.blocked)
          .map((r) => r.row)
          .sort((a, b) => a - b),
      );
      assert.deepEqual(result.problems, []);
      assertGroupsFirst(result);
    }),
    { numRuns: 300 },
  );
});

test('property: whatever the lines, each row is sent once or skipped, and groups come first', () => {
  fc.assert(
    fc.property(anySheet, fc.constantFrom('API', 'NATIVE_ACCOUNTING', 'SALESFORCE_API', 'SALESFORCE_NATIVE' as const), (records, sourceSystem) => {
      const result = plan(records, { sourceSystem });
      const all = [...sentRows(result), ...result.skippedRows].sort((a, b) => a - b);
      assert.deepEqual(
        all,
        records.map((r) => r.row),
      );
      for (const r of records.filter((r) => r.blocked)) assert.ok(result.skippedRows.includes(r.row));
      assertGroupsFirst(result);
    }),
    { numRuns: 500 },
  );
});
