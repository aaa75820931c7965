import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../bench-results.json', import.meta.url);

/** Merges figures into bench-results.json, keyed by name, so each part of the bench adds its own. */
export function record(figures: Record<string, number>): void {
  let current: Record<string, number> = {};
  try {
    current = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>;
  } catch {
    current = {};
  }
  writeFileSync(FILE, `${JSON.stringify({ ...current, ...figures }, null, 2)}\n`);
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(40)} ${v}`);
}
