import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, importRequest, requestOf, line, plan } from './fixtures';

test('a group comes before its subsidiaries over three levels, even when listed after them', () => {
  const { requests } = plan([
    line(2, { customerName: 'Shop Lyon 2', groupName: 'Martin Lyon' }),
    line(3, { customerName: 'Martin Lyon', groupName: 'Martin Group' }),
    line(4, { customerName: 'Solo' }),
    line(5, { customerName: 'Martin Group' }),
  ]);
  assert.deepEqual(
    requests.map((j) => [j.key, j.level]),
    [
      ['name:solo', 0],
      ['name:martin group', 0],
      ['name:martin lyon', 1],
      ['name:shop lyon 2', 2],
    ],
  );
  assert.equal(requestOf(requests, 'name:shop lyon 2').parentKey, 'name:martin lyon');
  assert.equal(requestOf(requests, 'name:martin lyon').parentKey, 'name:martin group');
});

test('within a level, requests keep the order of their first line', () => {
  const { requests } = plan([
    line(2, { customerName: 'B', groupName: 'P' }),
    line(3, { customerName: 'A', groupName: 'P' }),
    line(4, { customerName: 'P' }),
    line(5, { customerName: 'C', groupName: 'P' }),
  ]);
  assert.deepEqual(
    requests.map((j) => j.key),
    ['name:p', 'name:b', 'name:a', 'name:c'],
  );
});

test('a Group ID is sent as parent.externalId and links to the sheet customer with that ID', () => {
  const { requests } = plan([
    line(2, { customerName: 'Sub', customerId: 'C2', groupName: 'Whatever', groupId: 'C1' }),
    line(3, { customerName: 'Group', customerId: 'C1' }),
    line(4, { customerName: 'Elsewhere', groupId: 'G-UPFLOW' }),
  ]);
  const sub = importRequest(requests, 'id:C2');
  assert.deepEqual(sub.body.parent, { externalId: 'C1' });
  assert.equal(sub.parentKey, 'id:C1');
  assert.equal(sub.parentName, null);
  const elsewhere = importRequest(requests, 'name:elsewhere');
  assert.deepEqual(elsewhere.body.parent, { externalId: 'G-UPFLOW' });
  assert.equal(elsewhere.parentKey, null);
  assert.equal(elsewhere.level, 0);
});

test('a group named in the sheet with an ID is sent by its ID; without one it is left to the import', () => {
  const { requests } = plan([
    line(2, { customerName: 'Group With Id', customerId: 'G1' }),
    line(3, { customerName: 'Group No Id' }),
    line(4, { customerName: 'Sub A', groupName: 'group with id' }),
    line(5, { customerName: 'Sub B', groupName: 'Group No Id' }),
  ]);
  const a = importRequest(requests, 'name:sub a');
  assert.deepEqual([a.body.parent, a.parentKey, a.parentName], [{ externalId: 'G1' }, 'id:G1', null]);
  const b = importRequest(requests, 'name:sub b');
  assert.deepEqual([b.body.parent, b.parentKey, b.parentName], [undefined, 'name:group no id', 'Group No Id']);
  assert.equal(b.level, 1);
});

test('a group missing from the sheet is named for the import to find in Upflow', () => {
  const { requests } = plan([line(2, { customerName: 'Sub', groupName: 'Upflow Group' })]);
  const sub = importRequest(requests, 'name:sub');
  assert.deepEqual([sub.body.parent, sub.parentKey, sub.parentName, sub.level], [undefined, null, 'Upflow Group', 0]);
});

test('a blocked group line leaves its subsidiary to find the group in Upflow', () => {
  const { requests } = plan([line(2, { customerName: 'Group' }, true), line(3, { customerName: 'Sub', groupName: 'Group' })]);
  assert.deepEqual(
    requests.map((j) => [j.key, j.parentKey, j.parentName]),
    [['name:sub', null, 'Group']],
  );
});

test('a group name shared by two customers of the sheet is refused', () => {
  const { requests, skippedRows, problems } = plan([
    line(2, { customerName: 'Group', customerId: 'G1' }),
    line(3, { customerName: 'Group', customerId: 'G2' }),
    line(4, { customerName: 'Sub', groupName: 'Group' }),
  ]);
  assert.deepEqual(
    requests.map((j) => j.key),
    ['id:G1', 'id:G2'],
  );
  assert.deepEqual(skippedRows, [4]);
  assert.deepEqual(codes(problems), ['GROUP_AMBIGUOUS']);
});

test('groups in a loop are refused; a subsidiary of the loop keeps only the group name', () => {
  const { requests, skippedRows, problems } = plan([
    line(2, { customerName: 'A', groupName: 'B' }),
    line(3, { customerName: 'B', groupName: 'A' }),
    line(4, { customerName: 'Self', groupName: 'self' }),
    line(5, { customerName: 'Child', groupName: 'A' }),
  ]);
  assert.deepEqual(skippedRows, [2, 3, 4]);
  assert.deepEqual(codes(problems), ['GROUP_CYCLE', 'GROUP_CYCLE', 'GROUP_CYCLE']);
  assert.match(problems[0]!.message, /A → B → A/);
  assert.deepEqual(
    requests.map((j) => [j.key, j.parentKey, j.parentName, j.level]),
    [['name:child', null, 'A', 0]],
  );
});
