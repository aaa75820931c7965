import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Change } from '../../../src/engine/payloads';
import { describeChange } from '../../../src/engine/run/describe-change';
import { MEMBERS, WORKFLOWS } from '../payloads/fixtures';

test("the preview names a change in the sheet's words: column labels, members' emails, workflows' names", () => {
  // the change as compared → as the preview shows it
  const rows: Array<[Change, Change]> = [
    [
      { field: 'address.city', from: 'Paris', to: 'Lyon' },
      { field: 'City', from: 'Paris', to: 'Lyon' },
    ],
    [
      { field: 'externalId', from: null, to: 'C-1' },
      { field: 'Customer ID', from: null, to: 'C-1' },
    ],
    [
      { field: 'accountManagerIds', from: 'm-camille', to: 'm-camille, m-john' },
      { field: 'Account manager', from: 'Camille.Dubois@example.com', to: 'Camille.Dubois@example.com, john.smith@example.com' },
    ],
    // A member the organisation no longer lists keeps its id: better than a blank.
    [
      { field: 'accountManagerIds', from: 'm-gone', to: 'm-john' },
      { field: 'Account manager', from: 'm-gone', to: 'john.smith@example.com' },
    ],
    [
      { field: 'dunningPlanId', from: 'wf-standard', to: 'wf-key' },
      { field: 'Workflow', from: 'Standard', to: 'Key accounts' },
    ],
    [
      { field: 'contacts[jane@acme.com].phone', from: '+33 1 23 45 67 89', to: '+33 6 12 34 56 78' },
      { field: 'Contact jane@acme.com (phone)', from: '+33 1 23 45 67 89', to: '+33 6 12 34 56 78' },
    ],
    [
      { field: 'contacts[jane@acme.com]', from: null, to: 'Jane Doe' },
      { field: 'Contact jane@acme.com', from: null, to: 'Jane Doe' },
    ],
    // A field without a label (a new one) shows its API name rather than nothing.
    [
      { field: 'mainContact', from: 'jane@acme.com', to: 'paul@acme.com' },
      { field: 'mainContact', from: 'jane@acme.com', to: 'paul@acme.com' },
    ],
  ];
  for (const [change, shown] of rows) assert.deepEqual(describeChange(change, { members: MEMBERS, workflows: WORKFLOWS }), shown, change.field);
});
