import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../src/engine/decode';

const text = 'Nom du client;Numéro de TVA;Société\nCrème & Cie — Œuvre;€ 12;Zoë\n';

function cp1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '—': 0x97, Œ: 0x8c };
  return Uint8Array.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
}

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const bytes = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    bytes.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return Uint8Array.from(bytes);
}

test('every encoding a spreadsheet saves reads back to the same text', () => {
  const utf8 = new TextEncoder().encode(text);
  assert.deepEqual(decodeText(utf8), { text, encoding: 'UTF-8' });
  assert.deepEqual(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])), { text, encoding: 'UTF-8' });
  assert.deepEqual(decodeText(cp1252(text)), { text, encoding: 'Windows-1252' });
  assert.deepEqual(decodeText(utf16(text, true)), { text, encoding: 'UTF-16LE' });
  assert.deepEqual(decodeText(utf16(text, false)), { text, encoding: 'UTF-16BE' });
});

test('characters outside the basic plane and a 10 MB file decode without overflowing the stack', () => {
  const emoji = 'Acme 🚀;Zoë\n';
  assert.equal(decodeText(new TextEncoder().encode(emoji)).text, emoji);
  const big = 'Société Générale;75008;Paris\n'.repeat(360_000);
  const decoded = decodeText(new TextEncoder().encode(big));
  assert.equal(decoded.text.length, big.length);
  assert.equal(decoded.text, big);
});
