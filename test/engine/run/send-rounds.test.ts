import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestOutcome } from '../../../src/engine/import/outcome';
import type { CustomerRequest } from '../../../src/engine/payloads';
import { sendRounds, type SendLimits } from '../../../src/engine/run/send-rounds';
import { line, plan } from '../payloads/fixtures';

const SEVEN = plan(Array.from({ length: 7 }, (_, i) => line(i + 2, { customerName: `Shop ${i + 1}` }))).requests;

/** Records the rounds it is given; every customer comes back created. */
function recordingSender() {
  const rounds: string[][] = [];
  return {
    rounds,
    sendRound: (round: readonly CustomerRequest[]): RequestOutcome[] => {
      rounds.push(round.map((r) => r.key));
      return round.map((r) => ({ key: r.key, rows: r.rows, outcome: 'created', message: '', upflowId: `u-${r.key}`, directUrl: null }));
    },
  };
}

const never = () => false;

test('customers go five at a time, each round handed over as soon as it is back', () => {
  const sender = recordingSender();
  const handed: string[][] = [];
  const stop = sendRounds(sender, SEVEN, { outOfTime: never, cancelled: never }, (outcomes) => handed.push(outcomes.map((o) => o.key)));
  assert.equal(stop, 'all sent');
  assert.deepEqual(sender.rounds, [
    ['name:shop 1', 'name:shop 2', 'name:shop 3', 'name:shop 4', 'name:shop 5'],
    ['name:shop 6', 'name:shop 7'],
  ]);
  assert.deepEqual(handed, sender.rounds);
});

test('a group goes in a round before its subsidiary', () => {
  const sender = recordingSender();
  const requests = plan([line(2, { customerName: 'Shop Lyon', groupName: 'Martin Group' }), line(3, { customerName: 'Martin Group' })]).requests;
  sendRounds(sender, requests, { outOfTime: never, cancelled: never }, () => {});
  assert.deepEqual(sender.rounds, [['name:martin group'], ['name:shop lyon']]);
});

test('a step stops between rounds when its time is up or the user cancels, and always sends one round', () => {
  // limits → why sending stopped, rounds sent
  const rows: Array<[string, SendLimits, string, number]> = [
    ['time up from the start: one round still goes', { outOfTime: () => true, cancelled: never }, 'out of time', 1],
    ['cancelled before anything went', { outOfTime: never, cancelled: () => true }, 'cancelled', 0],
    ['time up and cancelled before anything went: nothing goes', { outOfTime: () => true, cancelled: () => true }, 'cancelled', 0],
  ];
  for (const [name, limits, why, rounds] of rows) {
    const sender = recordingSender();
    assert.equal(
      sendRounds(sender, SEVEN, limits, () => {}),
      why,
      name,
    );
    assert.equal(sender.rounds.length, rounds, name);
  }
});

test('cancelled while a round is under way: that round ends, the next does not start', () => {
  const sender = recordingSender();
  let asked = 0;
  const stop = sendRounds(sender, SEVEN, { outOfTime: never, cancelled: () => asked++ > 0 }, () => {});
  assert.equal(stop, 'cancelled');
  assert.deepEqual(sender.rounds.flat().length, 5);
});

test('nothing to send: nothing asked, all sent', () => {
  const sender = recordingSender();
  assert.equal(
    sendRounds(sender, [], { outOfTime: () => true, cancelled: () => true }, () => {}),
    'all sent',
  );
  assert.deepEqual(sender.rounds, []);
});
