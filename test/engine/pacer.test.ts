import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pacer } from '../../src/engine/upflow/pacer';

function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: (ms: number) => {
      t += ms;
    },
  };
}

test('requests go at once until the per-minute limit, then wait for the window to slide', () => {
  const c = clock();
  const pacer = new Pacer(10, c.now, c.sleep);
  for (let i = 0; i < 10; i++) pacer.reserve(1);
  assert.equal(c.now(), 0, 'no waiting under the limit');
  pacer.reserve(1);
  assert.ok(c.now() > 60_000 && c.now() <= 62_000, `waited ${c.now()} ms`);
});

test('no 60-second window ever holds more than the limit, and the rate stays close to it', () => {
  const c = clock();
  const pacer = new Pacer(600, c.now, c.sleep);
  const sent: number[] = [];
  for (let i = 0; i < 3000; i++) {
    pacer.reserve(5);
    for (let k = 0; k < 5; k++) sent.push(c.now());
    c.sleep(7);
  }
  let busiest = 0;
  for (let i = 0, j = 0; i < sent.length; i++) {
    while (sent[j]! <= sent[i]! - 60_000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  assert.ok(busiest <= 600, `busiest minute held ${busiest}`);
  const perMinute = (sent.length - 600) / ((sent.at(-1)! - 61_000) / 60_000);
  assert.ok(perMinute >= 0.9 * 600, `sustained ${Math.round(perMinute)} a minute`);
});

test('the window survives a new execution through snapshot and restore', () => {
  const c = clock();
  const first = new Pacer(5, c.now, c.sleep);
  for (let i = 0; i < 5; i++) first.reserve(1);
  const second = new Pacer(5, c.now, c.sleep);
  second.restore(first.snapshot());
  second.reserve(1);
  assert.ok(c.now() > 60_000, 'the next execution still waits for the window');
});
